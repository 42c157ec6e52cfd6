package app.steadfast.checkins;

import app.steadfast.shared.InvalidInput;

/**
 * A check-in the rules refuse, with the field it belongs to and words for the person.
 */
public class InvalidCheckIn extends InvalidInput {

	InvalidCheckIn(String field, String message) {
		super(field, message);
	}

}
