package app.steadfast.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticator apps (RFC 6238) and recovery codes. A secret is sealed at rest; a code is
 * accepted once (its time step is remembered); recovery codes are kept as SHA-256 hashes
 * and work once each; wrong codes are counted in the database and throttled like
 * passwords. Every change is in the audit log.
 */
@Component
class SecondFactors {

	/** How many recovery codes a person gets at a time. */
	static final int RECOVERY_CODES = 10;

	private static final String CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

	enum Outcome {

		ACCEPTED, RECOVERY_CODE_ACCEPTED, WRONG, THROTTLED

	}

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInThrottle.ThrottleSettings throttle;

	private final Passkeys passkeys;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(JdbcClient jdbc, Encryption encryption, AuditLog audit, Clock clock,
			SignInThrottle.ThrottleSettings throttle, Passkeys passkeys) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.audit = audit;
		this.clock = clock;
		this.throttle = throttle;
		this.passkeys = passkeys;
	}

	/** Whether the account has a confirmed authenticator app. */
	@Transactional(readOnly = true)
	boolean hasAuthenticator(UUID account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM totp_enrolment WHERE account_id = :id AND confirmed_at IS NOT NULL")
			.param("id", account)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether a password alone is not enough for this account. */
	boolean secondFactorRequired(UUID account, Role role) {
		return role == Role.THERAPIST || role == Role.ADMIN || hasAuthenticator(account);
	}

	/** Unused recovery codes left. */
	@Transactional(readOnly = true)
	long recoveryCodesLeft(UUID account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = :id AND used_at IS NULL")
			.param("id", account)
			.query(Long.class)
			.single();
	}

	/**
	 * The secret of an authenticator app being set up (base32), made now or kept from an
	 * earlier visit while not confirmed. A confirmed app is never replaced here.
	 */
	@Transactional
	String pendingSecret(UUID account) {
		Optional<String> sealed = this.jdbc
			.sql("SELECT secret FROM totp_enrolment WHERE account_id = :id AND confirmed_at IS NULL")
			.param("id", account)
			.query(String.class)
			.optional();
		if (sealed.isPresent()) {
			return this.encryption.open(sealed.get(), binding(account));
		}
		if (hasAuthenticator(account)) {
			throw new InvalidAccountInput("code", "An authenticator app is already set up. Turn it off first.");
		}
		byte[] bytes = new byte[20];
		this.random.nextBytes(bytes);
		String secret = Totp.base32(bytes);
		this.jdbc.sql("""
				INSERT INTO totp_enrolment (account_id, secret, created_at) VALUES (:id, :secret, :at)
				""")
			.param("id", account)
			.param("secret", this.encryption.seal(secret, binding(account)))
			.param("at", at(this.clock.instant()))
			.update();
		return secret;
	}

	/**
	 * Confirms the app being set up with a code it shows, and issues fresh recovery codes
	 * (shown once: only their hashes are kept).
	 * @throws InvalidAccountInput if the code does not match
	 */
	@Transactional(noRollbackFor = InvalidAccountInput.class)
	List<String> confirm(UUID account, String code, @Nullable String address) {
		if (throttled(account)) {
			recordFailure(account);
			throw new InvalidAccountInput("code", "Too many wrong codes. Wait a few minutes, then try again.");
		}
		String secret = this.encryption.open(
				this.jdbc.sql("SELECT secret FROM totp_enrolment WHERE account_id = :id AND confirmed_at IS NULL")
					.param("id", account)
					.query(String.class)
					.optional()
					.orElseThrow(() -> new InvalidAccountInput("code", "Start again: the setup was not found.")),
				binding(account));
		OptionalLong step = Totp.matchingStep(Totp.fromBase32(secret), code, this.clock.instant(), 0);
		if (step.isEmpty()) {
			recordFailure(account);
			throw new InvalidAccountInput("code",
					"That code doesn't match. Check the time on your phone and type the newest code.");
		}
		this.jdbc.sql("UPDATE totp_enrolment SET confirmed_at = :at, last_step = :step WHERE account_id = :id")
			.param("at", at(this.clock.instant()))
			.param("step", step.getAsLong())
			.param("id", account)
			.update();
		forgetFailures(account);
		this.audit.record(AuditEntry.security(AuditAction.MFA_ENABLED, account, account, address));
		return issueRecoveryCodes(account);
	}

	/**
	 * A prepared, confirmed authenticator with a known secret: demo accounts and tests.
	 */
	@Transactional
	void prepare(UUID account, String base32Secret) {
		this.jdbc.sql("DELETE FROM totp_enrolment WHERE account_id = :id").param("id", account).update();
		this.jdbc.sql("""
				INSERT INTO totp_enrolment (account_id, secret, confirmed_at, created_at)
				VALUES (:id, :secret, :at, :at)
				""")
			.param("id", account)
			.param("secret", this.encryption.seal(base32Secret, binding(account)))
			.param("at", at(this.clock.instant()))
			.update();
		this.audit.record(AuditEntry.security(AuditAction.MFA_ENABLED, null, account, null));
	}

	/**
	 * Checks a code at sign-in: an authenticator code (each once), else a recovery code
	 * (each once). Wrong codes are throttled per account across every node.
	 */
	@Transactional(noRollbackFor = InvalidAccountInput.class)
	Outcome verify(UUID account, String code, @Nullable String address) {
		if (throttled(account)) {
			recordFailure(account);
			this.audit.record(AuditEntry.security(AuditAction.SECOND_FACTOR_THROTTLED, null, account, address));
			return Outcome.THROTTLED;
		}
		String typed = (code != null) ? code.strip() : "";
		record Enrolment(String secret, long lastStep) {
		}
		Optional<Enrolment> enrolment = this.jdbc
			.sql("SELECT secret, last_step FROM totp_enrolment WHERE account_id = :id AND confirmed_at IS NOT NULL")
			.param("id", account)
			.query((rs, n) -> new Enrolment(rs.getString("secret"), rs.getLong("last_step")))
			.optional();
		if (enrolment.isPresent()) {
			byte[] secret = Totp.fromBase32(this.encryption.open(enrolment.get().secret(), binding(account)));
			OptionalLong step = Totp.matchingStep(secret, typed, this.clock.instant(), enrolment.get().lastStep());
			// The step condition makes two sign-ins racing with one code end with one
			// winner.
			if (step.isPresent() && this.jdbc
				.sql("UPDATE totp_enrolment SET last_step = :step WHERE account_id = :id AND last_step < :step")
				.param("step", step.getAsLong())
				.param("id", account)
				.update() == 1) {
				forgetFailures(account);
				return Outcome.ACCEPTED;
			}
		}
		String normalised = typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (normalised.length() == 10 && this.jdbc.sql("""
				UPDATE recovery_code SET used_at = :at
				WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL
				""")
			.param("at", at(this.clock.instant()))
			.param("id", account)
			.param("hash", hash(normalised))
			.update() == 1) {
			forgetFailures(account);
			this.audit.record(AuditEntry.security(AuditAction.RECOVERY_CODE_USED, account, account, address));
			return Outcome.RECOVERY_CODE_ACCEPTED;
		}
		recordFailure(account);
		this.audit.record(AuditEntry.security(AuditAction.SECOND_FACTOR_FAILED, null, account, address));
		return Outcome.WRONG;
	}

	/** New recovery codes; the old ones stop working. */
	@Transactional
	List<String> renewRecoveryCodes(UUID account, @Nullable String address) {
		if (!hasAuthenticator(account)) {
			throw new InvalidAccountInput("code", "Recovery codes come with an authenticator app. Set one up first.");
		}
		List<String> codes = issueRecoveryCodes(account);
		this.audit.record(AuditEntry.security(AuditAction.RECOVERY_CODES_RENEWED, account, account, address));
		return codes;
	}

	/**
	 * Turns the authenticator app off, with its recovery codes. Staff keep a second
	 * factor: they may turn it off only while they have a passkey.
	 */
	@Transactional
	void turnOff(UUID account, Role role, String email, @Nullable String address) {
		if ((role == Role.THERAPIST || role == Role.ADMIN) && this.passkeys.list(email).isEmpty()) {
			throw new InvalidAccountInput("code",
					"Staff accounts need a second way to sign in. Add a passkey first, then you can turn the app off.");
		}
		int removed = this.jdbc.sql("DELETE FROM totp_enrolment WHERE account_id = :id").param("id", account).update();
		this.jdbc.sql("DELETE FROM recovery_code WHERE account_id = :id").param("id", account).update();
		if (removed > 0) {
			this.audit.record(AuditEntry.security(AuditAction.MFA_DISABLED, account, account, address));
		}
	}

	private List<String> issueRecoveryCodes(UUID account) {
		this.jdbc.sql("DELETE FROM recovery_code WHERE account_id = :id").param("id", account).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(CODE_LETTERS.charAt(this.random.nextInt(CODE_LETTERS.length())));
			}
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
			this.jdbc.sql("INSERT INTO recovery_code (account_id, code_hash) VALUES (:id, :hash)")
				.param("id", account)
				.param("hash", hash(code.toString()))
				.update();
		}
		return codes;
	}

	private boolean throttled(UUID account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM totp_failure WHERE account_id = :id AND failed_at > :since")
			.param("id", account)
			.param("since", at(this.clock.instant().minus(this.throttle.window())))
			.query(Long.class)
			.single() >= this.throttle.maxFailuresPerAccount();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(UUID account) {
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO totp_failure (account_id, failed_at) VALUES (:id, :at)")
			.param("id", account)
			.param("at", at(now))
			.update();
		this.jdbc.sql("DELETE FROM totp_failure WHERE failed_at < :before")
			.param("before", at(now.minus(this.throttle.window().multipliedBy(4))))
			.update();
	}

	private void forgetFailures(UUID account) {
		this.jdbc.sql("DELETE FROM totp_failure WHERE account_id = :id").param("id", account).update();
	}

	private static EncryptionBinding binding(UUID account) {
		return EncryptionBinding.of("totp_enrolment", account, account);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
