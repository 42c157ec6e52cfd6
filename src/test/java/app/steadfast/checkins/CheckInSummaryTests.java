package app.steadfast.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.checkins.CheckInSummary.FamilyIntensity;
import app.steadfast.checkins.CheckInSummary.TimeOfDayCount;
import app.steadfast.checkins.CheckInSummary.TriggerLink;
import app.steadfast.checkins.CheckInSummary.WordCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summaries and the calendar against values worked out by hand from a known set of
 * check-ins (the practice's zone is UTC in tests).
 */
@SteadfastTest
class CheckInSummaryTests {

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	Clock clock;

	AccountId me;

	@BeforeEach
	void client() {
		this.me = new TestPeople(this.accounts, this.jdbc, this.details).client().id();
	}

	@Test
	void theFourAndTwelveWeekSummariesMatchAHandCount() {
		Instant today = this.clock.instant().truncatedTo(ChronoUnit.DAYS);
		record(List.of("anger", "shame"), 6, "An argument about work deadlines", at(today, 1, 8));
		record(List.of("shame"), 8, "Asked about work again", at(today, 2, 21));
		record(List.of("hope"), 3, null, at(today, 3, 14));
		record(List.of("anger"), 4, "Work email late", at(today, 10, 2));
		record(List.of("fear"), 9, null, at(today, 40, 10));

		CheckInSummary four = this.checkIns.summary(this.me, this.me, 4);
		assertThat(four.checkIns()).isEqualTo(4);
		assertThat(four.topWords()).containsExactly(new WordCount("anger", 2), new WordCount("shame", 2),
				new WordCount("hope", 1));
		assertThat(four.intensityByFamily()).containsExactly(new FamilyIntensity("shame", 8.0, 1),
				new FamilyIntensity("anger", 5.0, 2), new FamilyIntensity("hope", 3.0, 1));
		assertThat(four.timesOfDay()).extracting(TimeOfDayCount::count).containsExactly(1, 1, 1, 1);
		assertThat(four.triggers()).containsExactly(new TriggerLink("work", "anger", 2));

		CheckInSummary twelve = this.checkIns.summary(this.me, this.me, 12);
		assertThat(twelve.checkIns()).isEqualTo(5);
		assertThat(twelve.intensityByFamily()).extracting(FamilyIntensity::family)
			.containsExactly("shame", "fear", "anger", "hope");
		assertThat(twelve.timesOfDay()).extracting(TimeOfDayCount::count).containsExactly(1, 2, 1, 1);
	}

	@Test
	void theCalendarShowsTheFamilyOfEachDaysStrongestFeeling() {
		record(List.of("fear"), 3, null, Instant.parse("2026-10-05T09:00:00Z"));
		record(List.of("anger"), 7, null, Instant.parse("2026-10-05T20:00:00Z"));
		record(List.of("hope"), 2, null, Instant.parse("2026-10-06T12:00:00Z"));

		CalendarMonth october = this.checkIns.calendar(this.me, this.me, YearMonth.of(2026, 10));
		// 1 October 2026 is a Thursday: three empty cells lead the first week.
		assertThat(october.weeks().get(0)).hasSize(7).startsWith(null, null, null);
		assertThat(october.weeks()).allSatisfy((week) -> assertThat(week).hasSize(7));
		assertThat(day(october, 5)).isEqualTo(new CalendarMonth.Day(LocalDate.of(2026, 10, 5), "anger", 2));
		assertThat(day(october, 6)).isEqualTo(new CalendarMonth.Day(LocalDate.of(2026, 10, 6), "hope", 1));
		assertThat(day(october, 7)).isEqualTo(new CalendarMonth.Day(LocalDate.of(2026, 10, 7), null, 0));
		assertThat(october.weeks().stream().flatMap(List::stream).filter((d) -> d != null).count()).isEqualTo(31);
	}

	private void record(List<String> words, int intensity, String trigger, Instant at) {
		this.checkIns.record(this.me, new CheckInDetails(words, intensity, BodyLocation.CHEST, trigger, null, null, at),
				false);
	}

	private static Instant at(Instant today, int daysAgo, int hour) {
		return today.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(hour)).atOffset(ZoneOffset.UTC).toInstant();
	}

	private static CalendarMonth.Day day(CalendarMonth month, int dayOfMonth) {
		return month.weeks()
			.stream()
			.flatMap(List::stream)
			.filter((d) -> d != null && d.date().getDayOfMonth() == dayOfMonth)
			.findFirst()
			.orElseThrow();
	}

}
