package app.steadfast.accounts;

/**
 * Input the account rules refuse, with the form field it belongs to and words for the
 * person.
 */
public class InvalidAccountInput extends RuntimeException {

	private final String field;

	InvalidAccountInput(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	/** The form field the problem belongs to. */
	public String field() {
		return this.field;
	}

}
