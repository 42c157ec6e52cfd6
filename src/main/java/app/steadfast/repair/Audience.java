package app.steadfast.repair;

/**
 * Who a statement version is shared with.
 */
public enum Audience {

	/** His linked partner. */
	PARTNER,
	/** A therapist he granted statements to. */
	THERAPIST

}
