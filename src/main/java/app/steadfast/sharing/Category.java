package app.steadfast.sharing;

/**
 * The kinds of record a person can share, each on its own.
 */
public enum Category {

	CHECKINS, JOURNAL, COMMITMENTS, STATEMENTS, CONVERSATIONS, INSIGHTS,
	/** Whether risk language he writes is flagged to the grantee (his therapist). */
	RISK_ALERTS

}
