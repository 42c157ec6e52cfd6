package app.steadfast.consultations;

/**
 * How he would like the practice to reach him.
 */
enum ContactMethod {

	EMAIL("Email", "by email"), PHONE_CALL("A phone call", "by phone"),
	TEXT_MESSAGE("A text message", "by text message");

	private final String label;

	private final String phrase;

	ContactMethod(String label, String phrase) {
		this.label = label;
		this.phrase = phrase;
	}

	public String label() {
		return this.label;
	}

	/** As it reads in a sentence: "we'll reach you by phone". */
	public String phrase() {
		return this.phrase;
	}

	boolean needsPhone() {
		return this != EMAIL;
	}

}
