package app.steadfast.accounts;

import app.steadfast.shared.InvalidInput;

/**
 * Input the account rules refuse, with the form field it belongs to and words for the
 * person.
 */
public class InvalidAccountInput extends InvalidInput {

	InvalidAccountInput(String field, String message) {
		super(field, message);
	}

}
