package app.steadfast.consultations;

/**
 * Where a request stands. It moves forward only: new, contacted, scheduled, closed
 * (scheduling may follow the first contact at once, and any open request can be closed).
 */
public enum ConsultationStatus {

	/** Nobody from the practice has reached him yet. */
	NEW("New"),
	/** Someone from the practice reached him. */
	CONTACTED("Contacted"),
	/** A time for the consultation is set and the invitation sent. */
	SCHEDULED("Scheduled"),
	/** Finished, for a {@link CloseReason}. */
	CLOSED("Closed");

	private final String label;

	ConsultationStatus(String label) {
		this.label = label;
	}

	/** The word staff see. */
	public String label() {
		return this.label;
	}

	/** Whether the request still needs work. */
	public boolean isOpen() {
		return this != CLOSED;
	}

}
