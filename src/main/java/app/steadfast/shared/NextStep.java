package app.steadfast.shared;

/**
 * One thing a signed-in person can do next, shown on their Today page.
 *
 * @param title a short heading
 * @param text one or two sentences on why it matters
 * @param href where the action goes; always a page that exists
 * @param action the words on the link
 * @param order lower numbers come first
 * @param now whether it waits for the person today (something due, asked of them or
 * unread): Today leads with these; the rest stays one tap away
 * @param post whether the action is a button that posts to {@code href} at once (one tap,
 * without JavaScript), not a link to a page; Today shows such a step in sight, never
 * folded away
 */
public record NextStep(String title, String text, String href, String action, int order, boolean now, boolean post) {

	/** A step that is always there, one tap away on Today. */
	public NextStep(String title, String text, String href, String action, int order) {
		this(title, text, href, action, order, false, false);
	}

	/** A step that is a link: waiting today or one tap away, as {@code now} says. */
	public NextStep(String title, String text, String href, String action, int order, boolean now) {
		this(title, text, href, action, order, now, false);
	}

	/** A step that waits for the person today. */
	public static NextStep now(String title, String text, String href, String action, int order) {
		return new NextStep(title, text, href, action, order, true, false);
	}

	/**
	 * A step that is one button, always in sight on Today: tapping it posts to
	 * {@code href}, which answers with a redirect to a page.
	 */
	public static NextStep button(String title, String text, String href, String action, int order) {
		return new NextStep(title, text, href, action, order, false, true);
	}

}
