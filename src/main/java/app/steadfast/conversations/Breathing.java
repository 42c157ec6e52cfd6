package app.steadfast.conversations;

/**
 * The paced-breathing patterns of the pause tool.
 */
public enum Breathing {

	/** Box breathing: in 4, hold 4, out 4, hold 4. */
	BOX("Box breathing (in 4, hold 4, out 4, hold 4)"),

	/** In for 4, out for 6: the longer breath out calms the body. */
	FOUR_SIX("4-6 breathing (in 4, out 6)");

	private final String label;

	Breathing(String label) {
		this.label = label;
	}

	/** The pattern in words. */
	public String label() {
		return this.label;
	}

	/** The pattern named in a request, or {@code null} when it names none. */
	static Breathing parse(String value) {
		for (Breathing b : values()) {
			if (b.name().equals(value)) {
				return b;
			}
		}
		return null;
	}

}
