package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class CommitmentOccurrencesTests {

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	@Test
	void aDailyCommitmentIsDueOnEveryDayOfItsRangeAcrossAMonthEnd() {
		assertThat(Occurrences.dueDates(Recurrence.DAILY, Set.of(), null, d("2026-01-30"), null, d("2026-01-01"),
				d("2026-02-02")))
			.containsExactly(d("2026-01-30"), d("2026-01-31"), d("2026-02-01"), d("2026-02-02"));
	}

	@Test
	void aLeapDayIsADueDate() {
		assertThat(Occurrences.dueDates(Recurrence.DAILY, Set.of(), null, d("2028-02-27"), null, d("2028-02-27"),
				d("2028-03-01")))
			.containsExactly(d("2028-02-27"), d("2028-02-28"), d("2028-02-29"), d("2028-03-01"));
		// 2028-02-29 is a Tuesday: a weekday commitment is due on it too.
		assertThat(Occurrences.dueDates(Recurrence.WEEKDAYS, Set.of(), null, d("2028-02-26"), null, d("2028-02-26"),
				d("2028-03-01")))
			.containsExactly(d("2028-02-28"), d("2028-02-29"), d("2028-03-01"));
	}

	@Test
	void aWeekWithAClockChangeStillHasOneDueDatePerDay() {
		// America/New_York moves its clocks on Sunday 2027-03-14; the day is 23 hours
		// long.
		ZoneId newYork = ZoneId.of("America/New_York");
		assertThat(newYork.getRules().isDaylightSavings(d("2027-03-15").atStartOfDay(newYork).toInstant())).isTrue();
		assertThat(newYork.getRules().isDaylightSavings(d("2027-03-13").atStartOfDay(newYork).toInstant())).isFalse();
		List<LocalDate> week = Occurrences.dueDates(Recurrence.DAILY, Set.of(), null, d("2027-03-01"), null,
				d("2027-03-08"), d("2027-03-14"));
		assertThat(week).hasSize(7).doesNotHaveDuplicates().contains(d("2027-03-14"));
		assertThat(Occurrences.dueDates(Recurrence.DAILY, Set.of(), null, d("2027-03-01"), null, d("2027-03-14"),
				d("2027-03-20")))
			.hasSize(7)
			.startsWith(d("2027-03-14"));
	}

	@Test
	void weekdayCommitmentsSkipTheWeekend() {
		assertThat(Occurrences.dueDates(Recurrence.WEEKDAYS, Set.of(), null, d("2026-11-01"), null, d("2026-11-20"),
				d("2026-11-24")))
			.containsExactly(d("2026-11-20"), d("2026-11-23"), d("2026-11-24"));
	}

	@Test
	void weeklyCommitmentsFallOnTheChosenDaysOnly() {
		assertThat(Occurrences.dueDates(Recurrence.WEEKLY, Set.of(MONDAY, WEDNESDAY, FRIDAY), null, d("2026-11-01"),
				null, d("2026-11-23"), d("2026-11-30")))
			.containsExactly(d("2026-11-23"), d("2026-11-25"), d("2026-11-27"), d("2026-11-30"));
		assertThat(Occurrences.dueDates(Recurrence.WEEKLY, Set.of(), null, d("2026-11-01"), null, d("2026-11-23"),
				d("2026-11-30")))
			.isEmpty();
	}

	@Test
	void aOneOffCommitmentIsDueOnceInsideItsRange() {
		assertThat(Occurrences.dueDates(Recurrence.ONCE, Set.of(), d("2026-12-31"), d("2026-11-01"), null,
				d("2026-12-01"), d("2027-01-31")))
			.containsExactly(d("2026-12-31"));
		assertThat(Occurrences.dueDates(Recurrence.ONCE, Set.of(), d("2026-12-31"), d("2026-11-01"), null,
				d("2027-01-01"), d("2027-01-31")))
			.isEmpty();
		assertThat(Occurrences.dueDates(Recurrence.ONCE, Set.of(), d("2026-12-31"), d("2026-11-01"), d("2026-12-30"),
				d("2026-12-01"), d("2027-01-31")))
			.isEmpty();
	}

	@Test
	void nothingIsDueBeforeTheStartOrAfterTheEnd() {
		assertThat(Occurrences.dueDates(Recurrence.DAILY, Set.of(), null, d("2026-11-10"), d("2026-11-12"),
				d("2026-11-01"), d("2026-11-30")))
			.containsExactly(d("2026-11-10"), d("2026-11-11"), d("2026-11-12"));
	}

	@Test
	void matchesASimpleReferenceOnRandomSchedules() {
		Random random = new Random(20261127L);
		LocalDate base = d("2027-12-01");
		for (int i = 0; i < 2000; i++) {
			Recurrence recurrence = Recurrence.values()[random.nextInt(Recurrence.values().length)];
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day : DayOfWeek.values()) {
				if (random.nextBoolean()) {
					days.add(day);
				}
			}
			LocalDate start = base.plusDays(random.nextInt(120));
			LocalDate end = random.nextBoolean() ? null : start.plusDays(random.nextInt(120));
			LocalDate once = start.plusDays(random.nextInt(60) - 10);
			LocalDate from = base.plusDays(random.nextInt(150));
			LocalDate to = from.plusDays(random.nextInt(60) - 5);
			assertThat(Occurrences.dueDates(recurrence, days, once, start, end, from, to))
				.as("%s %s once %s start %s end %s from %s to %s", recurrence, days, once, start, end, from, to)
				.isEqualTo(reference(recurrence, days, once, start, end, from, to));
		}
	}

	/** Walks every day and asks the plainest question about it. */
	private static List<LocalDate> reference(Recurrence recurrence, Set<DayOfWeek> days, LocalDate once,
			LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
		List<LocalDate> dates = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			boolean inRange = !day.isBefore(start) && (end == null || !day.isAfter(end));
			int dow = day.getDayOfWeek().getValue();
			boolean falls = switch (recurrence) {
				case ONCE -> day.equals(once);
				case DAILY -> true;
				case WEEKDAYS -> dow <= 5;
				case WEEKLY -> days.contains(day.getDayOfWeek());
			};
			if (inRange && falls) {
				dates.add(day);
			}
		}
		return dates;
	}

}
