package app.steadfast.library;

/**
 * One tag of an article, lower case with hyphens.
 *
 * @param tag the tag
 */
record ArticleTag(String tag) {
}
