package app.steadfast.library;

/**
 * A tag and how many published articles carry it.
 *
 * @param tag the tag
 * @param articles how many articles
 */
public record TagCount(String tag, int articles) {
}
