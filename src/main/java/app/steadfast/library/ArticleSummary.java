package app.steadfast.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as lists show it.
 *
 * @param id the article
 * @param slug its address part
 * @param title its title
 * @param summary one or two sentences
 * @param tags its tags
 * @param series its series, if any
 * @param seriesOrder its place in the series
 * @param author who wrote it
 * @param status draft or published
 * @param publishedOn when it was first published
 * @param readingMinutes about how long it takes to read
 * @param updatedAt when it last changed
 */
public record ArticleSummary(ArticleId id, String slug, String title, String summary, List<String> tags, String series,
		Integer seriesOrder, String author, ArticleStatus status, LocalDate publishedOn, int readingMinutes,
		Instant updatedAt) {

	/** The public address path of the article. */
	public String path() {
		return "/articles/" + this.slug;
	}

}
