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
import app.steadfast.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner who was hurt and started on her own: her weekly pulse is open without him,
 * so its reminder comes to her too, once she answered her private intake, on her day
 * where she is; never while her safety pause is on, and never before the intake.
 */
@SteadfastTest
class PulseReminderOnHerOwnTests {

	@Autowired
	PulseReminders reminders;

	@Autowired
	CoupleManagement couple;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	Person her;

	@BeforeEach
	void sheStartedAlone() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.her = people.withRole(Role.PARTNER);
		this.accounts.changeZone(this.her.id(), ZoneId.of("Europe/London"));
	}

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void herReminderComesOnHerDayOnceSheAnsweredTheIntake() {
		// Monday 8 March 2027, 09:00 in London: before her intake, nothing.
		this.clock.set(Instant.parse("2027-03-08T09:00:00Z"));
		this.reminders.sendDue();
		assertThat(remindedWeeks()).isEmpty();

		this.couple.answerIntake(this.her.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.reminders.sendDue();
		assertThat(remindedWeeks()).containsExactly(LocalDate.of(2027, 3, 8));
		// Once a week, however often the job runs.
		this.reminders.sendDue();
		assertThat(remindedWeeks()).containsExactly(LocalDate.of(2027, 3, 8));
	}

	@Test
	void noReminderWhileHerSafetyPauseIsOn() {
		this.couple.answerIntake(this.her.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.jdbc.sql("UPDATE couple_intake SET safety_pause = TRUE WHERE account_id = :a")
			.param("a", this.her.id().value())
			.update();
		this.clock.set(Instant.parse("2027-03-08T09:00:00Z"));
		this.reminders.sendDue();
		assertThat(remindedWeeks()).isEmpty();
	}

	private List<LocalDate> remindedWeeks() {
		return this.jdbc.sql("SELECT week_start FROM pulse_reminder_sent WHERE account_id = :a ORDER BY week_start")
			.param("a", this.her.id().value())
			.query(LocalDate.class)
			.list();
	}

}
