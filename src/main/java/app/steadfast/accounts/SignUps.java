package app.steadfast.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.shared.SingleUseTokens;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up by an emailed link: the request waits, with the password's hash and the time
 * zone his browser named, until the owner of the address follows the link and types the
 * password again; only then is the account made.
 */
@Component
class SignUps {

	/** How long a sign-up link works. */
	static final Duration LINK_LIFETIME = Duration.ofHours(24);

	/** A sign-up link opens the request it was sent for, which lives as long as it. */
	private static final SingleUseTokens.Kind SIGN_UP = new SingleUseTokens.Kind("sign_up_request", "id", "SIGN_UP",
			LINK_LIFETIME);

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final SignInThrottle signInThrottle;

	private final SingleUseTokens singleUse;

	private final TimeZones zones;

	private final AuditLog audit;

	private final Postbox postbox;

	private final Practice practice;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignUps(Accounts accounts, PasswordEncoder encoder, SignInThrottle signInThrottle, SingleUseTokens singleUse,
			TimeZones zones, AuditLog audit, Postbox postbox, Practice practice, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.signInThrottle = signInThrottle;
		this.singleUse = singleUse;
		this.zones = zones;
		this.audit = audit;
		this.postbox = postbox;
		this.practice = practice;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The work behind the sign-up form, done after its answer left (see
	 * {@link AccountRequests}): a new address is emailed a link to finish creating the
	 * account; the owner of an address already in use is told someone tried, with links
	 * to sign in or reset. Nothing else changes for an existing account.
	 */
	@Transactional
	void request(String email, String displayName, String password, @Nullable String zone, SignUpPath path,
			@Nullable String address) {
		String normalised = Account.normalise(email);
		String base = this.practice.baseUrl().replaceAll("/+$", "");
		Optional<Account> existing = this.accounts.findByEmail(normalised);
		if (existing.isPresent()) {
			Account account = existing.get();
			this.audit
				.record(AuditEntry.security(AuditAction.SIGN_UP_FOR_EXISTING_ACCOUNT, null, account.uuid(), address));
			this.postbox.send(new Mail(account.email(),
					"Someone tried to create a " + this.practice.name() + " account with your email",
					"""
							Hello %s,

							Someone, maybe you, tried to create a new account at %s with this email address. You already have one, so nothing was created and nothing changed.

							To sign in: %s/login

							Forgotten your password? Choose a new one here: %s/accounts/forgot

							If it wasn't you, you can ignore this email.
							"""
						.formatted(account.displayName(), this.practice.name(), base, base)));
			return;
		}
		String passwordHash = this.encoder.encode(password);
		this.singleUse.forgetExpired(SIGN_UP);
		String token = this.singleUse.issue(SIGN_UP, UUID.randomUUID(),
				Map.of("email", normalised, "display_name", displayName.strip(), "password_hash", passwordHash, "zone",
						this.zones.choiceOrPractice(zone).getId(), "role", path.role().name()));
		this.postbox.send(new Mail(normalised, "Finish creating your " + this.practice.name() + " account",
				"""
						Hello %s,

						To finish creating your account at %s, open this link and type the password you chose:

						%s/signup/confirm?token=%s

						The link works once and for 24 hours. If you didn't ask for an account, ignore this email: nothing is created without it.
						"""
					.formatted(displayName.strip(), this.practice.name(), base, token)));
	}

	/** The name given with a sign-up whose emailed link still works. */
	@Transactional(readOnly = true)
	Optional<String> pending(@Nullable String token) {
		return request(token).map(PendingSignUp::displayName);
	}

	/**
	 * Creates the account a sign-up link was sent for, once its owner types the password
	 * he chose, and uses the link up. Wrong passwords are counted like failed sign-ins.
	 * @throws InvalidAccountInput if the password is not the one chosen, or there were
	 * too many tries
	 * @throws NotFound if the link is unknown, used or expired, or the address has an
	 * account by now
	 */
	@Transactional(noRollbackFor = InvalidAccountInput.class)
	Person confirm(@Nullable String token, @Nullable String password, String address) {
		PendingSignUp pending = request(token).orElseThrow(NotFound::new);
		if (this.signInThrottle.isThrottled(pending.email(), address)) {
			this.signInThrottle.recordFailure(pending.email(), address);
			throw new InvalidAccountInput("password", "Too many tries. Wait a few minutes, then try again.");
		}
		if (!AccountManagement.matches(this.encoder, password, pending.passwordHash())) {
			this.signInThrottle.recordFailure(pending.email(), address);
			throw new InvalidAccountInput("password",
					"That isn’t the password you chose when you signed up. Try again.");
		}
		boolean used = this.singleUse.consume(SIGN_UP, token).isPresent();
		if (!used || this.accounts.existsByEmail(pending.email())) {
			throw new NotFound();
		}
		// Only the two roles of the sign-up paths were ever written here.
		Role role = (pending.role() == Role.PARTNER) ? Role.PARTNER : Role.CLIENT;
		Account account = Account.create(pending.email(), pending.displayName(), pending.passwordHash(), role,
				this.zones.choiceOrPractice(pending.zone()), this.clock.instant());
		try {
			account = this.accounts.save(account);
		}
		catch (DataIntegrityViolationException ex) {
			throw new NotFound();
		}
		this.audit.record(AuditEntry.security(AuditAction.SIGNED_UP, account.uuid(), account.uuid(), address));
		return account.person();
	}

	private record PendingSignUp(String email, String displayName, String passwordHash, @Nullable String zone,
			Role role) {
	}

	private Optional<PendingSignUp> request(@Nullable String token) {
		return this.singleUse.peek(SIGN_UP, token)
			.flatMap((id) -> this.jdbc
				.sql("SELECT email, display_name, password_hash, zone, role FROM sign_up_request WHERE id = :id")
				.param("id", id)
				.query((rs, n) -> new PendingSignUp(rs.getString("email"), rs.getString("display_name"),
						rs.getString("password_hash"), rs.getString("zone"), Role.valueOf(rs.getString("role"))))
				.optional());
	}

}
