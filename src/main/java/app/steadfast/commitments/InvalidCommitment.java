package app.steadfast.commitments;

import app.steadfast.shared.InvalidInput;

/**
 * A commitment or a record of one that cannot be saved as given; the message is for the
 * person and names no internals.
 */
public class InvalidCommitment extends InvalidInput {

	InvalidCommitment(String field, String message) {
		super(field, message);
	}

}
