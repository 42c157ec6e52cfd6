package app.steadfast.consultations;

import app.steadfast.shared.InvalidInput;

/**
 * A triage step that does not fit the request as it stands, with the form field it
 * belongs to and words for the staff member.
 */
class TriageRefused extends InvalidInput {

	TriageRefused(String field, String message) {
		super(field, message);
	}

}
