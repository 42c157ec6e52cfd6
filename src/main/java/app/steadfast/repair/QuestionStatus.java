package app.steadfast.repair;

/**
 * Where a partner's question stands.
 */
public enum QuestionStatus {

	ASKED("Waiting for an answer"), ANSWERED("Answered"), NEEDS_TIME("Needs time"), NEEDS_MORE("More asked for");

	private final String label;

	QuestionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the question still waits for his answer. */
	public boolean waiting() {
		return this != ANSWERED;
	}

}
