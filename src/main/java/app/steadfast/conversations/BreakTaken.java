package app.steadfast.conversations;

/**
 * Whether he took a break during a talk, and whether he came back to it.
 */
public enum BreakTaken {

	NO("No break"), CAME_BACK("Took a break and came back"), NOT_BACK_YET("Took a break, haven't come back yet");

	private final String label;

	BreakTaken(String label) {
		this.label = label;
	}

	/** The answer in words. */
	public String label() {
		return this.label;
	}

}
