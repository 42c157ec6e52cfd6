package app.steadfast.conversations;

/**
 * Whether a talk escalated, as he or his partner saw it.
 */
public enum Escalation {

	NO("No"), SOMEWHAT("Somewhat"), BADLY("Badly");

	private final String label;

	Escalation(String label) {
		this.label = label;
	}

	/** The answer in words. */
	public String label() {
		return this.label;
	}

}
