package app.steadfast.shared;

/**
 * The four kinds of people Steadfast serves. Each signed-in account has exactly one.
 */
public enum Role {

	/** The man doing the work. */
	CLIENT,
	/** A client's partner, invited by him, with an account and space of their own. */
	PARTNER,
	/** Practice staff who see only what a client granted them. */
	THERAPIST,
	/**
	 * The practice owner: settings, staff, articles, audit log; never clinical content.
	 */
	ADMIN;

	/** The authority Spring Security checks, for example {@code ROLE_CLIENT}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
