package app.steadfast.couple;

/**
 * Whether a quiet signal's reassurance helped, as one of the two says afterwards.
 */
public enum Helped {

	YES("Yes"), A_LITTLE("A little"), NO("No");

	private final String label;

	Helped(String label) {
		this.label = label;
	}

	/** The answer in words. */
	public String label() {
		return this.label;
	}

	/** Whether it counts towards the "helped" share: yes, or a little. */
	public boolean helped() {
		return this != NO;
	}

}
