package app.steadfast.shared;

/**
 * One thing a signed-in person can do next, shown on their home page.
 *
 * @param title a short heading
 * @param text one or two sentences on why it matters
 * @param href where the action goes; always a page that exists
 * @param action the words on the link
 * @param order lower numbers come first
 */
public record NextStep(String title, String text, String href, String action, int order) {
}
