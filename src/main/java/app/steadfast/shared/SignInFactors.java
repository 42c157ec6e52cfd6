package app.steadfast.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The factors a sign-in proved, as Spring Security's {@link FactorGrantedAuthority}s on
 * the authentication: a password, a passkey, an authenticator-app code. An account that
 * needs two factors (staff, or anyone who turned an authenticator app on) carries
 * {@link #SECOND_FACTOR_REQUIRED} until it is complete.
 */
public final class SignInFactors {

	/** An authenticator-app code (RFC 6238) or a recovery code, after the password. */
	public static final String TOTP = "FACTOR_TOTP";

	/** Marks an account whose password alone is not enough. */
	public static final String SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";

	private SignInFactors() {
	}

	/**
	 * Whether the sign-in is complete: it needs no second factor, or it proved a passkey
	 * or an authenticator code.
	 */
	public static boolean complete(Authentication authentication) {
		boolean required = false;
		boolean second = false;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (SECOND_FACTOR_REQUIRED.equals(name)) {
				required = true;
			}
			if (TOTP.equals(name) || FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(name)) {
				second = true;
			}
		}
		return !required || second;
	}

	/** When the person last proved who they are (the newest factor), if ever. */
	public static Optional<Instant> lastProved(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map((authority) -> ((FactorGrantedAuthority) authority).getIssuedAt())
			.max(Instant::compareTo);
	}

	/** Whether the person proved who they are within the given time before now. */
	public static boolean recent(Authentication authentication, Instant now, Duration within) {
		return lastProved(authentication).map((at) -> !at.isBefore(now.minus(within))).orElse(false);
	}

}
