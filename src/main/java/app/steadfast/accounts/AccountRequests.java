package app.steadfast.accounts;

import org.springframework.stereotype.Component;

/**
 * The public forms that name an email address (sign-up, forgotten password): each answers
 * at once and the same whether or not an account uses the address. The request is counted
 * (too many for one address or from one network address, and it is refused, alike for
 * every address); the work that depends on the account (a password hash, a token, an
 * email) runs after the answer left.
 */
@Component
class AccountRequests {

	private final AccountManagement accounts;

	private final SignInThrottle throttle;

	private final SignUps signUps;

	private final AfterResponse later;

	AccountRequests(AccountManagement accounts, SignUps signUps, SignInThrottle throttle, AfterResponse later) {
		this.accounts = accounts;
		this.signUps = signUps;
		this.throttle = throttle;
		this.later = later;
	}

	/** Asks for a reset link; {@code false} when there were too many requests. */
	boolean reset(String email, String address) {
		if (!this.throttle.allow(SignInThrottle.Kind.RESET, Account.normalise(email), address)) {
			return false;
		}
		this.later.run(() -> this.accounts.requestReset(email, address));
		return true;
	}

	/**
	 * Asks for a new account of the chosen path in the zone the browser named (the
	 * practice's if it named none we know); {@code false} when there were too many
	 * requests.
	 */
	boolean signUp(String email, String displayName, String password, String zone, SignUpPath path, String address) {
		if (!this.throttle.allow(SignInThrottle.Kind.SIGN_UP, Account.normalise(email), address)) {
			return false;
		}
		this.later.run(() -> this.signUps.request(email, displayName, password, zone, path, address));
		return true;
	}

}
