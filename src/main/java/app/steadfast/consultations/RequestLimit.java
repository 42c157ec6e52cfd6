package app.steadfast.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one network address from flooding the inbox: at most so many requests within the
 * window. The counts live in the database, so every node sees the same ones.
 */
@Component
class RequestLimit {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ConsultationSettings settings;

	RequestLimit(JdbcClient jdbc, Clock clock, ConsultationSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * When the address may send again, if it has reached the limit; empty while it may
	 * send now.
	 */
	Optional<Instant> blockedUntil(String address) {
		Instant now = this.clock.instant();
		OffsetDateTime since = now.minus(this.settings.window()).atOffset(ZoneOffset.UTC);
		long count = this.jdbc
			.sql("SELECT COUNT(*) FROM consultation_attempt WHERE address = :address AND attempted_at > :since")
			.param("address", address)
			.param("since", since)
			.query(Long.class)
			.single();
		if (count < this.settings.maxPerAddress()) {
			return Optional.empty();
		}
		OffsetDateTime oldest = this.jdbc.sql("""
				SELECT MIN(attempted_at) FROM consultation_attempt WHERE address = :address AND attempted_at > :since
				""").param("address", address).param("since", since).query(OffsetDateTime.class).single();
		return Optional.of(oldest.toInstant().plus(this.settings.window()));
	}

	void record(String address) {
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO consultation_attempt (address, attempted_at) VALUES (:address, :at)")
			.param("address", address)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		// Old rows say nothing the window needs; keep the table small.
		this.jdbc.sql("DELETE FROM consultation_attempt WHERE attempted_at < :before")
			.param("before", now.minus(this.settings.window().multipliedBy(4)).atOffset(ZoneOffset.UTC))
			.update();
	}

}
