package app.steadfast.consultations;

/**
 * What he would like help with, in broad strokes; the details are his to tell when he is
 * ready.
 */
enum Topic {

	REBUILDING_TRUST("Rebuilding trust after I broke it"), TRUST_BROKEN("My partner broke my trust"),
	COMMUNICATION("Arguments that keep coming back"), FEELINGS("Anger, shame or other hard feelings"),
	NOT_SURE("I'm not sure yet");

	private final String label;

	Topic(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
