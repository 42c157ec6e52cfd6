package app.steadfast.consultations;

/** What an appointment is for. */
public enum AppointmentKind {

	/** A free first consultation with someone who has no account yet. */
	CONSULTATION("Free consultation"),

	/** A session of a client with his own therapist. */
	SESSION("Session");

	private final String label;

	AppointmentKind(String label) {
		this.label = label;
	}

	/** The word shown on pages. */
	public String label() {
		return this.label;
	}

}
