package app.steadfast.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: too many failed sign-ins for one account, or from one
 * address, within the window, and further attempts fail for a while, even with the right
 * password. Sign-up and password-reset requests are counted the same way, each kind apart
 * and every request counted, whether or not an account uses the address, so neither form
 * can be used to sort addresses at speed. The counts live in the database so every node
 * sees the same ones.
 */
@Component
class SignInThrottle {

	/** What is counted; each kind has its own counts. */
	enum Kind {

		/** A failed sign-in (a password, or the password again before a change). */
		SIGN_IN,
		/** A sign-up request, whatever became of it. */
		SIGN_UP,
		/** A password-reset request, whatever became of it. */
		RESET

	}

	@ConfigurationProperties("steadfast.sign-in")
	record ThrottleSettings(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ThrottleSettings settings;

	SignInThrottle(JdbcClient jdbc, Clock clock, ThrottleSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	boolean isThrottled(String email, String address) {
		return isThrottled(Kind.SIGN_IN, email, address);
	}

	/**
	 * Counts a sign-up or reset request, unless the email or the address already made too
	 * many: then nothing is counted and the answer is {@code false}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean allow(Kind kind, String email, String address) {
		if (isThrottled(kind, email, address)) {
			return false;
		}
		record(kind, email, address);
		return true;
	}

	private boolean isThrottled(Kind kind, String email, String address) {
		OffsetDateTime since = since();
		long forAccount = this.jdbc
			.sql("SELECT COUNT(*) FROM sign_in_failure WHERE kind = :kind AND email = :email AND failed_at > :since")
			.param("kind", kind.name())
			.param("email", email)
			.param("since", since)
			.query(Long.class)
			.single();
		if (forAccount >= this.settings.maxFailuresPerAccount()) {
			return true;
		}
		long forAddress = this.jdbc.sql(
				"SELECT COUNT(*) FROM sign_in_failure WHERE kind = :kind AND address = :address AND failed_at > :since")
			.param("kind", kind.name())
			.param("address", address)
			.param("since", since)
			.query(Long.class)
			.single();
		return forAddress >= this.settings.maxFailuresPerAddress();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordFailure(String email, String address) {
		record(Kind.SIGN_IN, email, address);
	}

	private void record(Kind kind, String email, String address) {
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO sign_in_failure (kind, email, address, failed_at) VALUES (:kind, :email, :address, :at)")
			.param("kind", kind.name())
			.param("email", email)
			.param("address", address)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		// Old rows say nothing the window needs; keep the table small.
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE failed_at < :before")
			.param("before", now.minus(this.settings.window().multipliedBy(4)).atOffset(ZoneOffset.UTC))
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void forgetFailures(String email) {
		this.jdbc.sql("DELETE FROM sign_in_failure WHERE kind = 'SIGN_IN' AND email = :email")
			.param("email", email)
			.update();
	}

	private OffsetDateTime since() {
		return this.clock.instant().minus(this.settings.window()).atOffset(ZoneOffset.UTC);
	}

}
