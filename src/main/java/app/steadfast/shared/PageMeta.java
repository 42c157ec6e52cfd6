package app.steadfast.shared;

/**
 * What a page tells search engines and link previews: its canonical address and Open
 * Graph details. A controller adds it to the model as {@code pageMeta}; the layout writes
 * the tags.
 *
 * @param canonicalUrl the one address of the page
 * @param title the title for previews
 * @param description one or two sentences for previews
 * @param type the Open Graph type ({@code website} or {@code article})
 */
public record PageMeta(String canonicalUrl, String title, String description, String type) {
}
