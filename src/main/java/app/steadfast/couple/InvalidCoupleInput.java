package app.steadfast.couple;

/**
 * Couple input the rules refuse (a pulse answer, a request, an offer), with words for the
 * person.
 */
public class InvalidCoupleInput extends RuntimeException {

	InvalidCoupleInput(String message) {
		super(message, null, false, false);
	}

}
