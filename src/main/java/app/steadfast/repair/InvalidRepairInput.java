package app.steadfast.repair;

/**
 * Words or a choice the repair module cannot use, with the form field it belongs to and a
 * message for the person.
 */
public class InvalidRepairInput extends RuntimeException {

	private final String field;

	public InvalidRepairInput(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	/** The form field the message belongs next to. */
	public String field() {
		return this.field;
	}

}
