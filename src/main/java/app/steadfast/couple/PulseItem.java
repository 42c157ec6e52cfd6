package app.steadfast.couple;

/**
 * The practice's five weekly pulse items, as the partner rates him and as he rates
 * himself.
 */
public enum PulseItem {

	COUNT_ON("This week I could count on my partner to do what they said.",
			"This week my partner could count on me to do what I said."),
	HONEST("My partner was honest with me, even when it was hard.",
			"I was honest with my partner, even when it was hard."),
	SAFE("I felt emotionally safe with my partner.", "My partner felt emotionally safe with me."),
	LISTENED("My partner listened without getting defensive.", "I listened without getting defensive."),
	HOPEFUL("I feel hopeful about us.", "I feel hopeful about us.");

	private final String partnerText;

	private final String selfText;

	PulseItem(String partnerText, String selfText) {
		this.partnerText = partnerText;
		this.selfText = selfText;
	}

	/** The statement as the partner rates it. */
	public String partnerText() {
		return this.partnerText;
	}

	/** The same statement as he rates himself. */
	public String selfText() {
		return this.selfText;
	}

	/** The name of the form field that carries this statement's score, like "countOn". */
	public String field() {
		String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder field = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return field.toString();
	}

}
