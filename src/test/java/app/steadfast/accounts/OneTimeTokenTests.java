package app.steadfast.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links that act for a person (password resets, staff invitations, and the couple and
 * consultation invitations) are single-use, short-lived and kept only as a hash, in the
 * database every node reads.
 */
@SteadfastTest
class OneTimeTokenTests {

	@Autowired
	PasswordTokens tokens;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResetTokenIsKeptOnlyAsItsHashAndWorksOnceForThirtyMinutes() {
		Person person = this.accounts.signUp(TestPeople.uniqueEmail("token"), "Ravi", TestPeople.PASSWORD, null);
		Instant before = Instant.now();
		String token = this.tokens.issue(person.id().value(), PasswordTokens.Purpose.RESET);
		Map<String, Object> row = this.jdbc
			.sql("SELECT * FROM password_token WHERE account_id = :id AND used_at IS NULL")
			.param("id", person.id().value())
			.query()
			.singleRow();
		assertThat(row.values().toString()).doesNotContain(token);
		assertThat(rowValue(row, "token_hash")).isEqualTo(PasswordTokens.hash(token)).matches("[0-9a-f]{64}");
		Instant expires = expiry(row);
		assertThat(Duration.between(before, expires)).isLessThanOrEqualTo(Duration.ofMinutes(31))
			.isGreaterThan(Duration.ofMinutes(29));

		assertThat(this.tokens.redeem(token)).isPresent();
		assertThat(this.tokens.redeem(token)).as("a second use").isEmpty();
		assertThat(this.tokens.peek(token)).isEmpty();
	}

	@Test
	void aStaffInvitationLastsAWeekAndANewerLinkEndsTheOlder() {
		Person person = this.accounts.signUp(TestPeople.uniqueEmail("invite"), "Lee", TestPeople.PASSWORD, null);
		String first = this.tokens.issue(person.id().value(), PasswordTokens.Purpose.INVITATION);
		String second = this.tokens.issue(person.id().value(), PasswordTokens.Purpose.INVITATION);
		assertThat(this.tokens.peek(first)).isEmpty();
		assertThat(this.tokens.peek(second)).isPresent();
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM password_token WHERE token_hash = :hash")
			.param("hash", PasswordTokens.hash(second))
			.query()
			.singleRow();
		assertThat(Duration.between(Instant.now(), expiry(row))).isLessThanOrEqualTo(Duration.ofDays(7));
	}

	@Test
	void anExpiredTokenOpensNothing() {
		Person person = this.accounts.signUp(TestPeople.uniqueEmail("expired"), "Sol", TestPeople.PASSWORD, null);
		String token = this.tokens.issue(person.id().value(), PasswordTokens.Purpose.RESET);
		this.jdbc.sql("UPDATE password_token SET expires_at = :past WHERE token_hash = :hash")
			.param("past", OffsetDateTime.now().minusSeconds(1))
			.param("hash", PasswordTokens.hash(token))
			.update();
		assertThat(this.tokens.redeem(token)).isEmpty();
	}

	/**
	 * Every table that keeps a token keeps only its hash (a SHA-256 in hex, the primary
	 * key), when it stops working, and when it was used: so a new kind of link cannot be
	 * stored in the clear or forever without this test failing.
	 */
	@Test
	void everyTokenTableKeepsAHashAnExpiryAndAUse() {
		List<String> tables = this.jdbc.sql("""
				SELECT DISTINCT LOWER(table_name) FROM information_schema.columns
				WHERE LOWER(column_name) LIKE '%token%' AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
				""").query(String.class).list();
		assertThat(tables).contains("password_token", "partner_invitation", "client_invitation");
		for (String table : tables) {
			List<String> columns = this.jdbc.sql("""
					SELECT LOWER(column_name) FROM information_schema.columns
					WHERE LOWER(table_name) = :table AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)
					""").param("table", table).query(String.class).list();
			assertThat(columns).as(table)
				.contains("token_hash", "expires_at", "used_at")
				.filteredOn((c) -> c.contains("token"))
				.containsExactly("token_hash");
			List<String> hashes = this.jdbc.sql("SELECT token_hash FROM " + table).query(String.class).list();
			assertThat(hashes).as(table).allMatch((h) -> h.matches("[0-9a-f]{64}"));
		}
		// A partner's invitation lasts at most a week.
		List<Duration> lifetimes = this.jdbc.sql("SELECT created_at, expires_at FROM partner_invitation")
			.query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class),
					rs.getObject(2, OffsetDateTime.class)))
			.list();
		assertThat(lifetimes).allMatch((d) -> d.compareTo(Duration.ofDays(7)) <= 0);
	}

	private static String rowValue(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter((e) -> e.getKey().toLowerCase(Locale.ROOT).equals(column))
			.map((e) -> String.valueOf(e.getValue()))
			.findFirst()
			.orElseThrow();
	}

	private Instant expiry(Map<String, Object> row) {
		return this.jdbc.sql("SELECT expires_at FROM password_token WHERE token_hash = :hash")
			.param("hash", rowValue(row, "token_hash"))
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

}
