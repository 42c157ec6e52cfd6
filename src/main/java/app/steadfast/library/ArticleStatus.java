package app.steadfast.library;

/**
 * Whether visitors can read an article.
 */
public enum ArticleStatus {

	/** Only the admin sees it. */
	DRAFT,
	/** Everyone can read it. */
	PUBLISHED

}
