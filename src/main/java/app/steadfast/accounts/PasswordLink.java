package app.steadfast.accounts;

/**
 * What a password link is for.
 */
public enum PasswordLink {

	/** The person forgot their password and asked for a new one. */
	RESET,
	/** An admin created a staff account; the person chooses a first password. */
	INVITATION

}
