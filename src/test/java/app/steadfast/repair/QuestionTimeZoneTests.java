package app.steadfast.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * He in Sydney, she in Los Angeles: how long her question has waited is counted on the
 * calendar of whoever looks, and the day he promises an answer by is a day on his.
 */
@SteadfastTest
class QuestionTimeZoneTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	QuestionManagement questions;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoupleManagement couple;

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
	void aCoupleFarApart() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.sydney = this.people.client();
		this.losAngeles = this.people.withRole(Role.PARTNER);
		this.accounts.changeZone(this.sydney.id(), ZoneId.of("Australia/Sydney"));
		this.accounts.changeZone(this.losAngeles.id(), ZoneId.of("America/Los_Angeles"));
		new TestCouples(this.jdbc, this.couple).link(this.sydney, this.losAngeles);
	}

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void aQuestionSheAskedLateInHerEveningIsADayOldForHerNextMorning() {
		// Monday 1 March 2027, 21:00 in Los Angeles: Tuesday 2 March, 05:00 UTC, 16:00 in
		// Sydney.
		this.clock.set(Instant.parse("2027-03-02T05:00:00Z"));
		this.questions.ask(this.losAngeles.id(), List.of(new QuestionManagement.NewQuestion("Who else knew?", null)));

		// Tuesday 04:00 for her, still Tuesday (23:00) for him and in UTC.
		this.clock.set(Instant.parse("2027-03-02T12:00:00Z"));
		assertThat(this.mvc.get().uri("/repair/questions").with(this.people.signedIn(this.losAngeles))).bodyText()
			.contains("Waiting 1 day")
			.doesNotContain("Asked today");
		assertThat(this.mvc.get().uri("/repair/questions").with(this.people.signedIn(this.sydney))).bodyText()
			.contains("Asked today");
		assertThat(this.questions.tally(this.losAngeles.id(), Instant.EPOCH).oldestWaitingDays()).isEqualTo(1);
		assertThat(this.questions.tally(this.sydney.id(), Instant.EPOCH).oldestWaitingDays()).isZero();
	}

	@Test
	void theDayHePromisesAnAnswerByIsADayOnHisCalendar() {
		// Sunday 28 February 2027, 23:30 UTC: already Monday 1 March in Sydney.
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		QuestionId id = this.questions
			.ask(this.losAngeles.id(), List.of(new QuestionManagement.NewQuestion("Why did you keep going?", null)))
			.get(0);
		assertThat(this.questions.today(this.sydney.id())).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThatThrownBy(() -> this.questions.needsTime(this.sydney.id(), id, LocalDate.of(2027, 3, 1)))
			.isInstanceOf(InvalidRepairInput.class);
		this.questions.needsTime(this.sydney.id(), id, LocalDate.of(2027, 3, 2));

		// Wednesday 3 March, 01:00 in Sydney, still Tuesday 2 March in UTC and Los
		// Angeles: his day has passed, and both see it.
		this.clock.set(Instant.parse("2027-03-02T14:00:00Z"));
		assertThat(this.questions.question(this.sydney.id(), id).overdue()).isTrue();
		assertThat(this.questions.question(this.losAngeles.id(), id).overdue()).isTrue();
		this.clock.set(Instant.parse("2027-03-02T12:59:00Z"));
		assertThat(this.questions.question(this.losAngeles.id(), id).overdue()).isFalse();
	}

}
