package app.steadfast.commitments;

/**
 * How often a commitment falls due.
 */
public enum Recurrence {

	ONCE("Once, on one day"), DAILY("Every day"), WEEKDAYS("Monday to Friday"), WEEKLY("On the days I choose");

	private final String label;

	Recurrence(String label) {
		this.label = label;
	}

	/** The choice in words. */
	public String label() {
		return this.label;
	}

}
