package app.steadfast.consultations;

/**
 * A triage step that does not fit the request as it stands, with the form field it
 * belongs to and words for the staff member.
 */
class TriageRefused extends RuntimeException {

	private final String field;

	TriageRefused(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
