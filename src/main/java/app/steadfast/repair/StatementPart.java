package app.steadfast.repair;

/**
 * The parts of an accountability statement, in the order he writes them, each with a
 * short explanation and an example written for Steadfast.
 */
public enum StatementPart {

	WHAT_HAPPENED("What happened", "Say plainly what you did. No softening, no background, no reasons yet.",
			"For eight months I had an emotional affair with a coworker. I texted her every day and met her for lunch, and I lied to you about it when you asked."),

	RESPONSIBILITY("It was my choice", "Say that it was your choice and your responsibility, and no one else's.",
			"Nobody made me do it. I chose it, again and again, and I chose to hide it. That is on me."),

	IMPACT("What I understand of the impact on you",
			"Describe what it did to your partner, in their terms, not yours. What they lost, what they feel, what they now doubt.",
			"You told me you replay every late night and wonder what was true. You stopped trusting your own sense of things, because I told you that you were imagining it."),

	REGRET("Regret", "Say you're sorry for what you did, with no condition and no \"but\".",
			"I'm sorry I lied to you, and I'm sorry I made you doubt yourself."),

	DIFFERENTLY("What I'll do differently", "Concrete and checkable. You can turn each of these into a commitment.",
			"I've ended all contact with her and you can see my phone any time you ask. I'll tell you where I am when plans change."),

	REPAIR("An offer of repair", "Offer what you can do to help repair the harm, and ask what they need.",
			"I'll answer any question you ask, as often as you need to ask it. If there is something else that would help, I want to hear it."),

	FORGIVENESS("Asking for forgiveness (optional)",
			"You may ask, never demand. Leave it out if it's too soon. The check flags words that put pressure on your partner.",
			"If one day you can forgive me, I'd be grateful. I'm not asking for it now.");

	/** The most a part may hold. */
	public static final int MAX_LENGTH = 4000;

	private final String title;

	private final String explanation;

	private final String example;

	StatementPart(String title, String explanation, String example) {
		this.title = title;
		this.explanation = explanation;
		this.example = example;
	}

	public String title() {
		return this.title;
	}

	public String explanation() {
		return this.explanation;
	}

	public String example() {
		return this.example;
	}

	/** The form field's name. */
	public String field() {
		return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
	}

	/** Whether he may leave it empty. */
	public boolean optional() {
		return this == FORGIVENESS;
	}

}
