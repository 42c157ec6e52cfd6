package app.steadfast.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInId;
import app.steadfast.checkins.CheckInManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The insights module keeps each completed week's figures, and the check-ins module's
 * events are what keep them true: a check-in moved to another week, or deleted, drops his
 * kept check-in weeks, and the next view counts them afresh. Only insights and what it
 * depends on are started.
 */
@Tag("database")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class KeptWeeksScenarioTests {

	@Autowired
	WeeklyFigures figures;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	Person him;

	LocalDate thisMonday;

	List<LocalDate> mondays;

	@BeforeEach
	void person() {
		this.him = new TestPeople(this.accounts, this.jdbc, this.details).client();
		this.thisMonday = this.accounts.thisMonday(this.him.id());
		this.mondays = List.of(this.thisMonday.minusWeeks(2), this.thisMonday.minusWeeks(1), this.thisMonday);
	}

	@Test
	void aCheckInMovedToAnotherWeekDropsTheKeptWeeksAndTheNextViewCountsItWhereItIsNow(Scenario scenario) {
		CheckInId id = this.checkIns.record(this.him.id(), anger(this.thisMonday.minusWeeks(2).plusDays(2)), false)
			.id();
		// Once the record's own event has been handled, his first view keeps both
		// completed weeks.
		await().atMost(Duration.ofSeconds(15)).until(() -> handled(id));
		this.figures.weeks(this.him.id(), this.mondays, this.thisMonday);
		assertThat(this.figures.keptWeeks(this.him.id())).containsEntry(WeeklyFigures.CHECKINS, 2);

		scenario
			.stimulate(() -> this.checkIns.update(this.him.id(), id, anger(this.thisMonday.minusWeeks(1).plusDays(1))))
			.andWaitForStateChange(() -> this.figures.keptWeeks(this.him.id()).getOrDefault(WeeklyFigures.CHECKINS, 0),
					(kept) -> kept == 0)
			.andVerify((kept) -> {
				List<WeeklyFigures.Week> weeks = this.figures.weeks(this.him.id(), this.mondays, this.thisMonday);
				assertThat(weeks).extracting((week) -> week.checkIns().checkIns()).containsExactly(0, 1, 0);
				for (WeeklyFigures.Week week : weeks) {
					assertThat(week.checkIns()).isEqualTo(this.checkIns.weekOf(this.him.id(), week.monday()));
				}
			});
	}

	// Whether every listener of the events about this check-in has finished.
	private boolean handled(CheckInId id) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND serialized_event LIKE :id
				""").param("id", "%" + id.value() + "%").query(Long.class).single() == 0;
	}

	private CheckInDetails anger(LocalDate day) {
		Instant at = day.atTime(12, 0).atZone(this.accounts.zone(this.him.id())).toInstant();
		return new CheckInDetails(List.of("anger"), 6, BodyLocation.CHEST, null, null, null, at);
	}

}
