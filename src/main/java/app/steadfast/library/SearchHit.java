package app.steadfast.library;

/**
 * An article that matched a search.
 *
 * @param article the article
 * @param score how well it matched; higher first
 * @param excerpt a sentence of the body around the first match
 */
public record SearchHit(ArticleSummary article, int score, String excerpt) {
}
