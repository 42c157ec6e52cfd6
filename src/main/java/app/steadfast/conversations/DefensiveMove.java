package app.steadfast.conversations;

/**
 * The known defensive moves he plans not to make in a talk.
 */
public enum DefensiveMove {

	EXPLAINING("Explaining or justifying before I've listened"), COUNTER_ATTACKING("Counter-attacking"),
	GOING_SILENT("Going silent or shutting down"), THEIR_FAULTS("Bringing up my partner's faults"),
	MINIMIZING("Saying it wasn't that bad");

	private final String label;

	DefensiveMove(String label) {
		this.label = label;
	}

	/** The move in words. */
	public String label() {
		return this.label;
	}

}
