package app.steadfast.sharing;

import java.util.Locale;

/**
 * The kinds of record a person can share, each on its own.
 */
public enum Category {

	CHECKINS("Check-ins"), JOURNAL("Journal"), COMMITMENTS("Commitments"), STATEMENTS("Statements"),
	CONVERSATIONS("Conversations"), INSIGHTS("Progress"),

	/** Whether risk language he writes is flagged to the grantee (his therapist). */
	RISK_ALERTS("Risk alerts");

	private final String label;

	Category(String label) {
		this.label = label;
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
