package app.steadfast.consultations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
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
 * Single-use, expiring links to create a client account from a request. Only the SHA-256
 * of a token is stored, so the table alone opens nothing.
 */
@Component
class ClientInvitations {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ConsultationSettings settings;

	ClientInvitations(JdbcClient jdbc, Clock clock, ConsultationSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/** Issues a token for the request; earlier unused tokens for it stop working. */
	String issue(UUID consultationId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE client_invitation SET used_at = :now WHERE consultation_id = :id AND used_at IS NULL")
			.param("now", at(now))
			.param("id", consultationId)
			.update();
		this.jdbc.sql("""
				INSERT INTO client_invitation (token_hash, consultation_id, expires_at)
				VALUES (:hash, :id, :expires)
				""")
			.param("hash", hash(token))
			.param("id", consultationId)
			.param("expires", at(now.plus(this.settings.invitationLifetime())))
			.update();
		return token;
	}

	/** The request a token still opens, without using it up. */
	Optional<UUID> peek(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT consultation_id FROM client_invitation
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
				""").param("hash", hash(token)).param("now", at(this.clock.instant())).query(UUID.class).optional();
	}

	/** Uses the token up; empty when it was already used, expired or never issued. */
	Optional<UUID> redeem(String token) {
		Optional<UUID> consultation = peek(token);
		if (consultation.isEmpty()) {
			return consultation;
		}
		// The used_at condition makes two simultaneous redemptions end with one winner.
		int updated = this.jdbc
			.sql("UPDATE client_invitation SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
			.param("now", at(this.clock.instant()))
			.param("hash", hash(token))
			.update();
		return (updated == 1) ? consultation : Optional.empty();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
