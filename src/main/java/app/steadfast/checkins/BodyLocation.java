package app.steadfast.checkins;

/**
 * Where in the body a feeling sits.
 */
public enum BodyLocation {

	CHEST("Chest"), THROAT("Throat"), STOMACH("Stomach"), JAW("Jaw"), SHOULDERS("Shoulders"), HEAD("Head"),
	HANDS("Hands"), NONE("None I can tell");

	private final String label;

	BodyLocation(String label) {
		this.label = label;
	}

	/** The words shown for it. */
	public String label() {
		return this.label;
	}

}
