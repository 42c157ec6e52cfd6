package app.steadfast.sharing;

import java.util.Locale;

/**
 * The kinds of record a person can share, each on its own. What a person writes on
 * someone else's record (a partner's view of a day of his commitment, say) belongs to the
 * category of that record: it is shared while its author shares that category.
 */
public enum Category {

	CHECKINS("Check-ins"), JOURNAL("Journal"), COMMITMENTS("Commitments"), STATEMENTS("Statements"),
	CONVERSATIONS("Conversations"),

	/**
	 * The weekly trust pulse: the weeks a person marked shared, shown to their partner.
	 */
	PULSE("Trust pulse"),

	INSIGHTS("Progress"),

	/** Whether risk language he writes is flagged to the grantee (his therapist). */
	RISK_ALERTS("Risk alerts"),

	/**
	 * Her answers to the exercises of her own path, kept in her journal but not part of
	 * it: hers alone. No grant of any kind ever opens them, whatever else she shares.
	 */
	PATH_ANSWERS("Path answers", false);

	private final String label;

	private final boolean grantable;

	Category(String label) {
		this(label, true);
	}

	Category(String label, boolean grantable) {
		this.label = label;
		this.grantable = grantable;
	}

	/**
	 * Whether anyone but the owner can ever be given sight of this category. For one that
	 * is not, the sharing module refuses every grant and no grant opens it.
	 */
	public boolean grantable() {
		return this.grantable;
	}

	/** Its name for people, capitalised: "Check-ins". */
	public String label() {
		return this.label;
	}

	/** Its name inside a sentence: "check-ins". */
	public String inSentence() {
		return this.label.toLowerCase(Locale.ENGLISH);
	}

}
