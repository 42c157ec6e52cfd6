package app.steadfast.conversations;

import java.time.Instant;
import java.time.ZoneId;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A man in Sydney and one in Los Angeles log their talks by their own calendar, and the
 * pause tool's "I'll come back at" is on their own clock.
 */
@SteadfastTest
class ConversationTimeZoneTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person sydney;

	Person losAngeles;

	@BeforeEach
	void twoMenFarApart() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.sydney = this.people.client();
		this.losAngeles = this.people.client();
		this.accounts.changeZone(this.sydney.id(), ZoneId.of("Australia/Sydney"));
		this.accounts.changeZone(this.losAngeles.id(), ZoneId.of("America/Los_Angeles"));
	}

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void eachLogsATalkOnHisOwnToday() {
		// Monday 1 March 2027, 04:00 UTC: Monday 15:00 in Sydney, Sunday 20:00 in Los
		// Angeles.
		this.clock.set(Instant.parse("2027-03-01T04:00:00Z"));
		assertThat(this.mvc.get().uri("/conversations/talks/new").with(this.people.signedIn(this.losAngeles)))
			.bodyText()
			.contains("value=\"2027-02-28\"", "max=\"2027-02-28\"");
		assertThat(logTalk(this.losAngeles, "2027-03-01")).bodyText()
			.contains("Give the day of the talk: today or earlier.");
		assertThat(logTalk(this.losAngeles, "2027-02-28")).hasRedirectedUrl("/conversations");

		assertThat(this.mvc.get().uri("/conversations/talks/new").with(this.people.signedIn(this.sydney))).bodyText()
			.contains("value=\"2027-03-01\"");
		assertThat(logTalk(this.sydney, "2027-03-01")).hasRedirectedUrl("/conversations");
		assertThat(this.mvc.get().uri("/conversations").with(this.people.signedIn(this.sydney))).bodyText()
			.contains("1 Mar 2027");
	}

	@Test
	void hisBreakEndsAtATimeOnHisOwnClock() {
		// Sunday 28 February 2027, 23:30 UTC: 10:30 in Sydney; a 20 minute break.
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		assertThat(this.mvc.get().uri("/conversations/pause").with(this.people.signedIn(this.sydney))).bodyText()
			.contains("id=\"break-until\">10:50<");
		assertThat(this.mvc.get().uri("/conversations/pause").with(this.people.signedIn(this.losAngeles))).bodyText()
			.contains("id=\"break-until\">15:50<");
	}

	private MvcTestResult logTalk(Person person, String day) {
		return this.mvc.post()
			.uri("/conversations/talks/new")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("newTopic", "Money")
			.param("talkedOn", day)
			.param("defensiveness", "2")
			.param("escalation", "NO")
			.param("breakTaken", "NO")
			.exchange();
	}

}
