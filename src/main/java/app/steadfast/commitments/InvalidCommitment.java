package app.steadfast.commitments;

/**
 * A commitment or a record of one that cannot be saved as given; the message is for the
 * person and names no internals.
 */
public class InvalidCommitment extends RuntimeException {

	private final String field;

	InvalidCommitment(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field the problem belongs to. */
	public String field() {
		return this.field;
	}

}
