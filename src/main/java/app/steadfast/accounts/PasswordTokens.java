package app.steadfast.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring links to set a password (a reset, or a staff invitation). Only the
 * SHA-256 of a token is stored, so the table alone cannot be used to take over an
 * account.
 */
@Component
class PasswordTokens {

	enum Purpose {

		RESET(Duration.ofMinutes(30)), INVITATION(Duration.ofDays(7));

		final Duration lifetime;

		Purpose(Duration lifetime) {
			this.lifetime = lifetime;
		}

	}

	record Redeemable(UUID accountId, Purpose purpose) {
	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	PasswordTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issues a token; earlier unused tokens of the account stop working. */
	String issue(UUID accountId, Purpose purpose) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE password_token SET used_at = :now WHERE account_id = :account AND used_at IS NULL")
			.param("now", at(now))
			.param("account", accountId)
			.update();
		this.jdbc.sql("""
				INSERT INTO password_token (token_hash, account_id, purpose, expires_at)
				VALUES (:hash, :account, :purpose, :expires)
				""")
			.param("hash", hash(token))
			.param("account", accountId)
			.param("purpose", purpose.name())
			.param("expires", at(now.plus(purpose.lifetime)))
			.update();
		return token;
	}

	/** The account a token still opens, without using it up. */
	Optional<Redeemable> peek(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT account_id, purpose FROM password_token
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
				""")
			.param("hash", hash(token))
			.param("now", at(this.clock.instant()))
			.query((rs, i) -> new Redeemable(rs.getObject("account_id", UUID.class),
					Purpose.valueOf(rs.getString("purpose"))))
			.optional();
	}

	/** Uses the token up; empty when it was already used, expired or never issued. */
	Optional<Redeemable> redeem(String token) {
		Optional<Redeemable> redeemable = peek(token);
		if (redeemable.isEmpty()) {
			return redeemable;
		}
		// The used_at condition makes two simultaneous redemptions end with one winner.
		int updated = this.jdbc
			.sql("UPDATE password_token SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
			.param("now", at(this.clock.instant()))
			.param("hash", hash(token))
			.update();
		return (updated == 1) ? redeemable : Optional.empty();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
