package app.steadfast.checkins;

/**
 * A check-in the rules refuse, with the field it belongs to and words for the person.
 */
public class InvalidCheckIn extends RuntimeException {

	private final String field;

	InvalidCheckIn(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	/** The form field the problem belongs to. */
	public String field() {
		return this.field;
	}

}
