package app.steadfast.library;

import java.util.List;

/**
 * What an author writes: everything of an article but its status and dates.
 *
 * @param slug the address part, lower case with hyphens
 * @param title the title
 * @param summary one or two sentences
 * @param tags lower-case tags
 * @param series the series it belongs to, if any
 * @param seriesOrder its place in the series
 * @param author who wrote it
 * @param body the Markdown text
 */
public record ArticleContent(String slug, String title, String summary, List<String> tags, String series,
		Integer seriesOrder, String author, String body) {

	public ArticleContent {
		tags = List.copyOf(tags);
	}

}
