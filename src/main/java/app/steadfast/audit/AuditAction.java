package app.steadfast.audit;

/**
 * The kinds of event the log records.
 */
public enum AuditAction {

	SIGNED_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGNED_UP, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED, PASSWORD_RESET,
	ACCOUNT_CREATED, ROLE_CHANGED, FIRST_ADMIN_CREATED,
	/** A client or partner deleted his own account and everything in it. */
	ACCOUNT_DELETED,
	/** An admin changed the practice settings. */
	PRACTICE_SETTINGS_CHANGED,
	/** Someone other than the owner read a record through a grant. */
	RECORD_READ, GRANT_CREATED, GRANT_REVOKED, GRANT_PAUSED, GRANT_RESUMED,
	/** A staff member opened a free-consultation request (its id is the record). */
	CONSULTATION_VIEWED, PARTNER_INVITED, PARTNER_LINKED, PARTNER_UNLINKED,
	/**
	 * Staff emailed someone who asked for a consultation a link to create his account.
	 */
	CLIENT_INVITATION_SENT,
	/** An admin gave a client another therapist (the record is the new therapist). */
	CLIENT_REASSIGNED,
	/** An admin deactivated a staff account; its sessions ended. */
	ACCOUNT_DEACTIVATED,
	/** A second factor was turned on (an authenticator app) or a passkey added. */
	MFA_ENABLED, MFA_DISABLED,
	/** Someone signed in with one of his single-use recovery codes. */
	RECOVERY_CODE_USED, RECOVERY_CODES_RENEWED,
	/** A wrong authenticator code or recovery code, or too many of them. */
	SECOND_FACTOR_FAILED, SECOND_FACTOR_THROTTLED,
	/** A passkey was added to or removed from an account (the record is none). */
	PASSKEY_ADDED, PASSKEY_REMOVED,
	/**
	 * The password was right, and the account still owes a second factor: not a sign-in
	 * yet. {@link #SIGNED_IN} follows only once every factor passed.
	 */
	PASSWORD_ACCEPTED,
	/**
	 * Someone asked to sign up with the address of an existing account; its owner was
	 * told by email, nothing changed.
	 */
	SIGN_UP_FOR_EXISTING_ACCOUNT

}
