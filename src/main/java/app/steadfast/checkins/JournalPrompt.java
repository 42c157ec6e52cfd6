package app.steadfast.checkins;

/**
 * Prompts from the practice's method for a reflection entry. Writing without one is fine
 * too.
 */
public enum JournalPrompt {

	PULLED_AWAY("When did I pull away this week, and what was I protecting?"),
	HONESTY_RISKY("When did honesty feel risky, and what did I do?"),
	DEFENDED("What did I defend when I could have listened?"),
	KEPT_PROMISE("Which small promise did I keep, and did anyone notice? Does it matter if they didn't?"),
	UNDERNEATH("What feeling was under my anger this week?"),
	THEIR_SIDE("What might my partner have felt this week that I haven't asked about?");

	private final String text;

	JournalPrompt(String text) {
		this.text = text;
	}

	/** The prompt as shown. */
	public String text() {
		return this.text;
	}

}
