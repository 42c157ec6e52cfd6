package app.steadfast.library;

/**
 * Article content the library refuses, with the field it belongs to and words for the
 * admin.
 */
public class InvalidArticle extends RuntimeException {

	private final String field;

	InvalidArticle(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	/** The form field the problem belongs to. */
	public String field() {
		return this.field;
	}

}
