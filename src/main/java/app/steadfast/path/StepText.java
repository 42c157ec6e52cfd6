package app.steadfast.path;

/**
 * What the practice writes for one step of her path.
 *
 * @param key the step's address part, lower case with hyphens; never changes
 * @param position its place in the sequence, from 1
 * @param title the step's title
 * @param articleSlug the library article it points to
 * @param prompt the exercise: one question she answers in her journal
 * @param body the step's Markdown text
 */
record StepText(String key, int position, String title, String articleSlug, String prompt, String body) {
}
