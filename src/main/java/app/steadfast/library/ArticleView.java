package app.steadfast.library;

import java.util.List;

/**
 * An article as its page shows it.
 *
 * @param summary its details
 * @param html the rendered, safe body
 * @param previous the article before it in its series, if any
 * @param next the article after it in its series, if any
 * @param related up to three other articles sharing its tags
 */
public record ArticleView(ArticleSummary summary, String html, ArticleSummary previous, ArticleSummary next,
		List<ArticleSummary> related) {
}
