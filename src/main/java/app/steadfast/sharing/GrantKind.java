package app.steadfast.sharing;

/**
 * Why a grant exists.
 */
public enum GrantKind {

	/** The owner shares with their linked partner. */
	PARTNER,
	/** A client grants his therapist access. */
	THERAPIST,
	/**
	 * A therapist's time-limited emergency access, always expiring and always audited.
	 */
	BREAK_GLASS

}
