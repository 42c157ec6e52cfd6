package app.steadfast.library;

import app.steadfast.shared.InvalidInput;

/**
 * Article content the library refuses, with the field it belongs to and words for the
 * admin.
 */
public class InvalidArticle extends InvalidInput {

	InvalidArticle(String field, String message) {
		super(field, message);
	}

}
