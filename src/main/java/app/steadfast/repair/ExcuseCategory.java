package app.steadfast.repair;

/**
 * What the excuse check marks, each with a plain explanation and an honest alternative.
 * All but {@link #OWNERSHIP} are warnings; ownership is a sign he is taking
 * responsibility.
 */
public enum ExcuseCategory {

	MINIMIZING("Minimizing",
			"This makes what happened sound smaller than it was. Your partner lived the full size of it.",
			"Say plainly what you did and leave its size to them: \"I kissed her, and I hid it from you for months.\""),

	JUSTIFYING("Justifying",
			"A reason placed here reads as an excuse, even when it's true. It asks your partner to understand you before you've understood them.",
			"Keep the reason for your own work (with your therapist). Here, own the choice: \"I was stressed, and I still chose to lie.\""),

	BLAME_SHIFTING("Blame-shifting",
			"This puts part of the cause on your partner or someone else. It tells them they're responsible for what you chose.",
			"Name only your part: \"Nothing you did made me do this. I chose it.\""),

	CONDITIONAL_APOLOGY("Conditional apology",
			"\"Sorry if\" and \"sorry you feel\" apologise for their feelings or for a harm you're not sure happened, not for what you did.",
			"Apologise for your act, without conditions: \"I'm sorry I lied to you.\""),

	COMPARISON("Comparison",
			"Comparing with others, with worse things or with their mistakes moves the attention away from what you did.",
			"Leave other people out of it: \"What I did was wrong, whatever anyone else does.\""),

	PASSIVE_VOICE("Hiding who did it",
			"This wording leaves out who acted (\"mistakes were made\", \"it just happened\"). Your partner needs to hear that it was you.",
			"Put yourself in the sentence: \"I made that choice\" instead of \"it happened\"."),

	PRESSURE("Pressure on your partner",
			"This asks your partner to move on, forgive or trust on your timetable. Healing goes at their pace, not yours.",
			"Make room instead: \"Take the time you need. I'll still be doing this work.\""),

	BUT_CANCELS("A “but” that cancels the apology",
			"What comes after \"but\" is what gets heard. It turns the apology into a defence.",
			"End the apology where it ends. If something else needs saying, say it another time, or use \"and\" and own it."),

	OWNERSHIP("Ownership", "This is you owning what you did. It's the heart of the statement.", "Keep it.");

	private final String label;

	private final String explanation;

	private final String alternative;

	ExcuseCategory(String label, String explanation, String alternative) {
		this.label = label;
		this.explanation = explanation;
		this.alternative = alternative;
	}

	/** A short name for the category. */
	public String label() {
		return this.label;
	}

	/** Why the words were marked, in plain words. */
	public String explanation() {
		return this.explanation;
	}

	/** An honest way to say it instead. */
	public String alternative() {
		return this.alternative;
	}

	/** Whether the mark is a warning (everything but ownership). */
	public boolean warning() {
		return this != OWNERSHIP;
	}

	/** The CSS class of a mark of this category. */
	public String css() {
		return "excuse-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
