package app.steadfast.couple;

/**
 * A pulse answer the rules refuse, with words for the person.
 */
public class InvalidPulse extends RuntimeException {

	InvalidPulse(String message) {
		super(message, null, false, false);
	}

}
