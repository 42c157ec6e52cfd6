package app.steadfast.library;

import java.util.List;

/**
 * One page of a list of articles.
 *
 * @param articles the articles on this page
 * @param page this page, from 1
 * @param pages how many pages there are
 */
public record ArticlePage(List<ArticleSummary> articles, int page, int pages) {

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < this.pages;
	}

}
