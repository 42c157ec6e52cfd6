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
 */
public record NextStep(String title, String text, String href, String action, int order, boolean now) {

	/** A step that is always there, one tap away on Today. */
	public NextStep(String title, String text, String href, String action, int order) {
		this(title, text, href, action, order, false);
	}

	/** A step that waits for the person today. */
	public static NextStep now(String title, String text, String href, String action, int order) {
		return new NextStep(title, text, href, action, order, true);
	}

}
