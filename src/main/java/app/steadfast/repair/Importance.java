package app.steadfast.repair;

/**
 * How much a question matters to the partner who asked it, if they said.
 */
public enum Importance {

	HIGH("Matters a lot to me"), MEDIUM("Important to me"), LOW("When you can");

	private final String label;

	Importance(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
