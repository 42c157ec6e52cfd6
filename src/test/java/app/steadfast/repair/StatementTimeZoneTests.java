package app.steadfast.repair;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When he saved a version of his statement is shown on his own clock, saying which it is,
 * not in UTC.
 */
@SteadfastTest
class StatementTimeZoneTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StatementManagement statements;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void aVersionSavedLateOnSundayInUtcIsSavedOnMondayMorningInSydney() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person sydney = people.client();
		this.accounts.changeZone(sydney.id(), ZoneId.of("Australia/Sydney"));
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
		words.put(StatementPart.WHAT_HAPPENED, "I lied to you about the trip to Denver.");
		words.put(StatementPart.RESPONSIBILITY, "It was my choice.");
		StatementId id = this.statements.save(sydney.id(), null, words).statement();

		assertThat(this.mvc.get().uri("/repair/statements/{id}/versions/1", id.value()).with(people.signedIn(sydney)))
			.bodyText()
			.contains("Saved 1 Mar 2027, 10:30 AEDT")
			.doesNotContain("(UTC)");
		assertThat(this.mvc.get().uri("/repair").with(people.signedIn(sydney))).bodyText()
			.contains("last saved 1 Mar 2027");
	}

}
