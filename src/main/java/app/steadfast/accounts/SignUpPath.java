package app.steadfast.accounts;

import app.steadfast.shared.Role;

/**
 * The two ways in that the sign-up form offers. Only these: the form can never name a
 * staff role.
 */
enum SignUpPath {

	/** The one rebuilding trust he broke, or working on it: a client account. */
	DOING_THE_WORK(Role.CLIENT),

	/** The partner who was hurt, starting alone: a partner account, linked to no one. */
	WAS_HURT(Role.PARTNER);

	private final Role role;

	SignUpPath(Role role) {
		this.role = role;
	}

	Role role() {
		return this.role;
	}

}
