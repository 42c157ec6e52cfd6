package app.steadfast.commitments;

/**
 * What the partner saw of a due date.
 */
public enum Seen {

	CONFIRMED("Saw it kept"), SAW_DIFFERENTLY("Saw it differently");

	private final String label;

	Seen(String label) {
		this.label = label;
	}

	/** The view in words. */
	public String label() {
		return this.label;
	}

}
