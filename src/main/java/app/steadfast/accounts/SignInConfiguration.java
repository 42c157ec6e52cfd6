package app.steadfast.accounts;

import java.util.Map;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.SignInFactors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Sign-in: accounts from the database, passwords hashed with a delegating encoder (bcrypt
 * by default), failed attempts throttled per account and per address and recorded in the
 * audit log.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(SignInThrottle.ThrottleSettings.class)
class SignInConfiguration {

	/**
	 * New hashes are Argon2 (no 72-byte limit, unlike bcrypt); the prefix in each hash
	 * names its encoder, so bcrypt hashes from elsewhere still verify.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	@Bean
	UserDetailsService accountDetails(Accounts accounts, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			SecondFactors factors, TimeZones zones) {
		// A deactivated account answers like a missing one: sign-in fails the same way.
		return (email) -> accounts.findByEmail(Account.normalise(email))
			.filter((account) -> jdbc.sql("SELECT COUNT(*) FROM account WHERE id = :id AND deactivated_at IS NOT NULL")
				.param("id", account.uuid())
				.query(Long.class)
				.single() == 0)
			.map((account) -> new SignedInAccount(account, factors.secondFactorRequired(account.uuid(), account.role()),
					zones.of(account)))
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/**
	 * The one authentication manager: a single provider, so a throttled attempt cannot
	 * fall through to another provider.
	 */
	/** Passkeys in the database, so every node sees the same ones. */
	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	UserCredentialRepository passkeyCredentials(JdbcOperations jdbc, PublicKeyCredentialUserEntityRepository users,
			Accounts accounts, AuditLog audit) {
		return new AuditedCredentials(new JdbcUserCredentialRepository(jdbc), users, accounts, audit);
	}

	/** A passkey being added waits in the (database) session, readable by every node. */
	@Bean
	PublicKeyCredentialCreationOptionsRepository passkeyCreationOptions() {
		return new SessionCreationOptions();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService accountDetails, PasswordEncoder passwordEncoder,
			SignInThrottle throttle, AuditLog audit, Accounts accounts) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accountDetails);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottledSignIn(passwords, throttle, audit, accounts));
	}

	static final class ThrottledSignIn implements AuthenticationProvider {

		private final AuthenticationProvider passwords;

		private final SignInThrottle throttle;

		private final AuditLog audit;

		private final Accounts accounts;

		ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit, Accounts accounts) {
			this.passwords = passwords;
			this.throttle = throttle;
			this.audit = audit;
			this.accounts = accounts;
		}

		@Override
		public Authentication authenticate(Authentication attempt) throws AuthenticationException {
			String email = Account.normalise(attempt.getName());
			String address = (attempt.getDetails() instanceof WebAuthenticationDetails details
					&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
			java.util.UUID subject = this.accounts.findByEmail(email).map(Account::uuid).orElse(null);
			if (this.throttle.isThrottled(email, address)) {
				this.throttle.recordFailure(email, address);
				this.audit.record(AuditEntry.security(AuditAction.SIGN_IN_THROTTLED, null, subject, address));
				// The same words as a wrong password: a guesser learns nothing from the
				// answer.
				throw new BadCredentialsException("Bad credentials");
			}
			try {
				Authentication result = this.passwords.authenticate(attempt);
				this.throttle.forgetFailures(email);
				// Signed in only once every factor passed: the second step records it
				// then.
				this.audit.record(AuditEntry.security(
						SignInFactors.complete(result) ? AuditAction.SIGNED_IN : AuditAction.PASSWORD_ACCEPTED, subject,
						subject, address));
				return result;
			}
			catch (AuthenticationException ex) {
				this.throttle.recordFailure(email, address);
				this.audit.record(AuditEntry.security(AuditAction.SIGN_IN_FAILED, null, subject, address));
				throw ex;
			}
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.passwords.supports(authentication);
		}

	}

}
