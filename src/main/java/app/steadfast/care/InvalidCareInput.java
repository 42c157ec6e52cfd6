package app.steadfast.care;

/**
 * Input a care form cannot use, with the field it belongs to and a message for the
 * person.
 */
class InvalidCareInput extends RuntimeException {

	private final String field;

	InvalidCareInput(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
