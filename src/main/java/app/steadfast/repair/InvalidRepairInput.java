package app.steadfast.repair;

import app.steadfast.shared.InvalidInput;

/**
 * Words or a choice the repair module cannot use, with the form field it belongs to and a
 * message for the person.
 */
public class InvalidRepairInput extends InvalidInput {

	public InvalidRepairInput(String field, String message) {
		super(field, message);
	}

}
