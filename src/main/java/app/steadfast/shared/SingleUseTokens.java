package app.steadfast.shared;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one store of the tokens in links that act for someone (a password reset, a staff,
 * client or partner invitation, a sign-up confirmation). A token is 32 random bytes from
 * {@link SecureRandom}; only its SHA-256 is stored, so the tables alone open nothing. A
 * token works only for the {@link Kind} it was issued for, until it expires, and once: of
 * two simultaneous uses, one wins.
 * <p>
 * Each kind keeps its tokens in its module's table, beside a foreign key to what the link
 * opens, so that a token goes when its account or request goes. Every such table has the
 * columns {@code token_hash} (primary key), {@code purpose}, {@code created_at},
 * {@code expires_at} and {@code used_at}.
 */
@Component
public class SingleUseTokens {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]{1,40}");

	private static final int LONGEST_TOKEN = 100;

	/**
	 * A kind of link.
	 *
	 * @param table the table that keeps tokens of this kind
	 * @param subject the column naming what a token opens
	 * @param purpose written with each token and required to use it, so a token of one
	 * kind never works for another kind kept in the same table
	 * @param lifetime how long a token works
	 */
	public record Kind(String table, String subject, String purpose, Duration lifetime) {

		public Kind {
			if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(subject).matches()) {
				throw new IllegalArgumentException("Not a table or column name: " + table + "." + subject);
			}
			if (lifetime.isNegative() || lifetime.isZero()) {
				throw new IllegalArgumentException("A token must work for some time: " + lifetime);
			}
		}

	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	SingleUseTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues a token for the subject. Earlier unused tokens of the subject in the kind's
	 * table, of any purpose, stop working: one working link per subject and table.
	 * @return the token, to put in the link; it is not kept
	 */
	public String issue(Kind kind, UUID subject) {
		return issue(kind, subject, Map.of());
	}

	/**
	 * Issues a token for the subject, stored with further columns of the kind's table (a
	 * request that exists only as long as its link, like a sign-up).
	 * @see #issue(Kind, UUID)
	 */
	public String issue(Kind kind, UUID subject, Map<String, ?> details) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("UPDATE %s SET used_at = :now WHERE %s = :subject AND used_at IS NULL".formatted(kind.table(),
					kind.subject()))
			.param("now", at(now))
			.param("subject", subject)
			.update();
		Map<String, Object> columns = new LinkedHashMap<>();
		details.forEach((column, value) -> {
			if (!IDENTIFIER.matcher(column).matches()) {
				throw new IllegalArgumentException("Not a column name: " + column);
			}
			columns.put(column, value);
		});
		columns.put("token_hash", hash(token));
		columns.put(kind.subject(), subject);
		columns.put("purpose", kind.purpose());
		columns.put("created_at", at(now));
		columns.put("expires_at", at(now.plus(kind.lifetime())));
		this.jdbc
			.sql("INSERT INTO %s (%s) VALUES (:%s)".formatted(kind.table(), String.join(", ", columns.keySet()),
					String.join(", :", columns.keySet())))
			.params(columns)
			.update();
		return token;
	}

	/** What a token still opens, without using it up. */
	public Optional<UUID> peek(Kind kind, String token) {
		if (token == null || token.isBlank() || token.length() > LONGEST_TOKEN) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT %s FROM %s
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
				""".formatted(kind.subject(), kind.table()))
			.param("hash", hash(token))
			.param("purpose", kind.purpose())
			.param("now", at(this.clock.instant()))
			.query(UUID.class)
			.optional();
	}

	/**
	 * Uses the token up.
	 * @return what it opened; empty when it was already used, expired, never issued or
	 * issued for another kind, and for all but one of simultaneous uses
	 */
	public Optional<UUID> consume(Kind kind, String token) {
		Optional<UUID> subject = peek(kind, token);
		if (subject.isEmpty()) {
			return subject;
		}
		// The used_at condition makes two simultaneous uses end with one winner: the
		// second update waits for the first's row lock, then finds the row used.
		int updated = this.jdbc.sql("""
				UPDATE %s SET used_at = :now
				WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
				""".formatted(kind.table()))
			.param("now", at(this.clock.instant()))
			.param("hash", hash(token))
			.param("purpose", kind.purpose())
			.update();
		return (updated == 1) ? subject : Optional.empty();
	}

	/** Deletes the kind's tokens that expired, with whatever was kept beside them. */
	public void forgetExpired(Kind kind) {
		this.jdbc.sql("DELETE FROM %s WHERE purpose = :purpose AND expires_at < :now".formatted(kind.table()))
			.param("purpose", kind.purpose())
			.param("now", at(this.clock.instant()))
			.update();
	}

	/** The SHA-256 of a token in lower-case hex, as stored in {@code token_hash}. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
