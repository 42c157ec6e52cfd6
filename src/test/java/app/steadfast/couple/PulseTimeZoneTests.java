package app.steadfast.couple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A couple far apart, he in Sydney and she in Los Angeles: each one's pulse week starts
 * on his or her own Monday, each reminder comes as the chosen day begins where its
 * recipient is (across her clock change too), and his offer's end date is a day where he
 * is.
 */
@SteadfastTest
class PulseTimeZoneTests {

	@Autowired
	PulseManagement pulse;

	@Autowired
	PulseReminders reminders;

	@Autowired
	CoupleManagement couple;

	@Autowired
	RequestsAndOffers requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	Person sydney;

	Person losAngeles;

	@BeforeEach
	void aCoupleFarApart() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.sydney = people.client();
		this.losAngeles = people.withRole(Role.PARTNER);
		this.accounts.changeZone(this.sydney.id(), ZoneId.of("Australia/Sydney"));
		this.accounts.changeZone(this.losAngeles.id(), ZoneId.of("America/Los_Angeles"));
		this.jdbc.sql(
				"INSERT INTO couple_link (id, client_id, partner_id, linked_at) VALUES (:id, :c, :p, CURRENT_TIMESTAMP)")
			.param("id", java.util.UUID.randomUUID())
			.param("c", this.sydney.id().value())
			.param("p", this.losAngeles.id().value())
			.update();
		this.couple.answerIntake(this.sydney.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.couple.answerIntake(this.losAngeles.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
	}

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void eachAnswersForTheWeekThatStartedOnHisOwnMonday() {
		// Sunday 28 February 2027, 23:30 UTC: Monday 1 March in Sydney, Sunday 28
		// February in Los Angeles.
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		this.pulse.answer(this.sydney.id(), List.of(5, 5, 5, 5, 5), "", false);
		this.pulse.answer(this.losAngeles.id(), List.of(4, 4, 4, 4, 4), "", false);

		assertThat(this.pulse.mine(this.sydney.id())).extracting(PulseWeek::weekStart)
			.containsExactly(LocalDate.of(2027, 3, 1));
		assertThat(this.pulse.mine(this.losAngeles.id())).extracting(PulseWeek::weekStart)
			.containsExactly(LocalDate.of(2027, 2, 22));
		assertThat(this.pulse.thisWeeks(this.sydney.id())).isPresent();
		assertThat(this.pulse.thisWeeks(this.losAngeles.id())).isPresent();
	}

	@Test
	void aRemindersComesAsHisChosenDayBeginsWhereHeIsAcrossHerClockChange() {
		// Both keep Monday, the day unless chosen. Sunday 7 March 2027, 23:30 in Los
		// Angeles (still winter time) is Monday 18:30 in Sydney.
		this.clock.set(Instant.parse("2027-03-08T07:30:00Z"));
		this.reminders.sendDue();
		assertThat(remindedWeeks(this.sydney)).containsExactly(LocalDate.of(2027, 3, 8));
		assertThat(remindedWeeks(this.losAngeles)).isEmpty();
		// Her Monday begins at 08:00 UTC.
		this.clock.set(Instant.parse("2027-03-08T08:00:00Z"));
		this.reminders.sendDue();
		assertThat(remindedWeeks(this.losAngeles)).containsExactly(LocalDate.of(2027, 3, 8));

		// Her clocks went forward on Sunday 14 March: her next Monday begins at 07:00
		// UTC, an hour earlier.
		this.clock.set(Instant.parse("2027-03-15T06:59:00Z"));
		this.reminders.sendDue();
		assertThat(remindedWeeks(this.losAngeles)).containsExactly(LocalDate.of(2027, 3, 8));
		this.clock.set(Instant.parse("2027-03-15T07:00:00Z"));
		this.reminders.sendDue();
		assertThat(remindedWeeks(this.losAngeles)).containsExactly(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 15));
		// Once a week, whatever the job runs.
		this.reminders.sendDue();
		assertThat(remindedWeeks(this.sydney)).containsExactly(LocalDate.of(2027, 3, 8), LocalDate.of(2027, 3, 15));
	}

	@Test
	void hisOfferEndsOnADayWhereHeIs() {
		// Sunday 28 February in UTC, already Monday 1 March in Sydney: an offer "until 1
		// March" would end today for him.
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		assertThatThrownBy(() -> this.requests.offer(this.sydney.id(), "My phone, any time", LocalDate.of(2027, 3, 1)))
			.isInstanceOf(InvalidInput.class);
		this.requests.offer(this.sydney.id(), "My phone, any time", LocalDate.of(2027, 3, 2));
		assertThat(this.requests.currentOffer(this.losAngeles.id())).isPresent();
		// Wednesday 3 March, 07:00 in Sydney, still Tuesday 2 March in UTC: it is over.
		this.clock.set(Instant.parse("2027-03-02T20:00:00Z"));
		assertThat(this.requests.currentOffer(this.losAngeles.id())).isEmpty();
		assertThat(this.requests.currentOffer(this.sydney.id())).isEmpty();
	}

	private List<LocalDate> remindedWeeks(Person person) {
		return this.jdbc.sql("SELECT week_start FROM pulse_reminder_sent WHERE account_id = :a ORDER BY week_start")
			.param("a", person.id().value())
			.query(LocalDate.class)
			.list();
	}

}
