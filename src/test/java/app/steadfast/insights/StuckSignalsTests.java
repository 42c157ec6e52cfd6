package app.steadfast.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.steadfast.checkins.CheckInWeek;
import app.steadfast.commitments.Reliability;
import app.steadfast.couple.PulseWeek;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each stuck signal on hand-built timelines: it fires exactly at its threshold and not
 * one below.
 */
class StuckSignalsTests {

	static final LocalDate THIS_MONDAY = LocalDate.of(2027, 3, 29);

	@Test
	void promisesLowFiresAfterFourWeeksBelowSixtyPercentNotThree() {
		// Oldest first; the last week is under way and never counts.
		assertThat(StuckSignals
			.promisesLow(promises(new int[][] { { 9, 10 }, { 5, 10 }, { 5, 10 }, { 5, 10 }, { 5, 10 }, { 10, 10 } })))
			.hasValueSatisfying((s) -> {
				assertThat(s.kind()).isEqualTo(StuckSignal.Kind.PROMISES_LOW);
				assertThat(s.evidence()).hasSize(4).first().asString().contains("5 of 10 kept (50%)");
			});
		assertThat(StuckSignals
			.promisesLow(promises(new int[][] { { 9, 10 }, { 9, 10 }, { 5, 10 }, { 5, 10 }, { 5, 10 }, { 0, 10 } })))
			.as("three weeks below")
			.isEmpty();
	}

	@Test
	void exactlySixtyPercentIsNotBelowAndAWeekWithNothingDueBreaksTheRun() {
		assertThat(StuckSignals
			.promisesLow(promises(new int[][] { { 5, 10 }, { 6, 10 }, { 5, 10 }, { 5, 10 }, { 5, 10 }, { 0, 0 } })))
			.as("60% in the first of the four")
			.isEmpty();
		assertThat(StuckSignals
			.promisesLow(promises(new int[][] { { 5, 10 }, { 59, 100 }, { 5, 10 }, { 5, 10 }, { 5, 10 }, { 0, 0 } })))
			.as("59% is below")
			.isPresent();
		assertThat(StuckSignals
			.promisesLow(promises(new int[][] { { 5, 10 }, { 5, 10 }, { 0, 0 }, { 5, 10 }, { 5, 10 }, { 0, 0 } })))
			.as("nothing due in one week")
			.isEmpty();
	}

	@Test
	void partnersPulseFlatOrFallingForSixWeeksNotFive() {
		assertThat(StuckSignals.pulseFlat(pulse(THIS_MONDAY, 5.0, 5.0, 4.8, 4.8, 4.6, 4.6), THIS_MONDAY))
			.hasValueSatisfying((s) -> assertThat(s.evidence()).hasSize(6));
		assertThat(StuckSignals.pulseFlat(pulse(THIS_MONDAY, 5.0, 4.8, 4.8, 4.6, 4.6), THIS_MONDAY)).as("five weeks")
			.isEmpty();
		assertThat(StuckSignals.pulseFlat(pulse(THIS_MONDAY, 5.0, 5.0, 4.8, 5.0, 4.6, 4.6), THIS_MONDAY))
			.as("one week rose")
			.isEmpty();
		assertThat(StuckSignals.pulseFlat(pulse(THIS_MONDAY.minusWeeks(1), 5, 5, 5, 5, 5, 5), THIS_MONDAY))
			.as("ending last week still counts")
			.isPresent();
		assertThat(StuckSignals.pulseFlat(pulse(THIS_MONDAY.minusWeeks(2), 5, 5, 5, 5, 5, 5), THIS_MONDAY))
			.as("nothing for two weeks: too old to say")
			.isEmpty();
		List<PulseWeek> gap = new ArrayList<>(pulse(THIS_MONDAY, 5, 5, 5, 5, 5, 5));
		gap.remove(2);
		gap.add(0, new PulseWeek(THIS_MONDAY.minusWeeks(7), scores(5), null, true));
		assertThat(StuckSignals.pulseFlat(gap, THIS_MONDAY)).as("a week missing in the six").isEmpty();
	}

	@Test
	void intenseAngerOrShameThreeTimesInTwoWeeksNotTwo() {
		assertThat(StuckSignals.intenseFeelings(intense(5, 0, 2, 1))).isPresent();
		assertThat(StuckSignals.intenseFeelings(intense(0, 3))).isPresent();
		assertThat(StuckSignals.intenseFeelings(intense(5, 1, 1))).as("two, and the third is older").isEmpty();
	}

	private static List<WeeklyFigures.Week> promises(int[][] keptDue) {
		List<WeeklyFigures.Week> weeks = new ArrayList<>();
		for (int i = 0; i < keptDue.length; i++) {
			LocalDate monday = THIS_MONDAY.minusWeeks(keptDue.length - 1 - i);
			weeks.add(new WeeklyFigures.Week(monday, i == keptDue.length - 1,
					new CheckInWeek(monday, 0, 0, 0, Map.of(), 0),
					new Reliability.Tally(keptDue[i][0], keptDue[i][1])));
		}
		return weeks;
	}

	private static List<WeeklyFigures.Week> intense(int... perWeek) {
		List<WeeklyFigures.Week> weeks = new ArrayList<>();
		for (int i = 0; i < perWeek.length; i++) {
			LocalDate monday = THIS_MONDAY.minusWeeks(perWeek.length - 1 - i);
			weeks.add(new WeeklyFigures.Week(monday, i == perWeek.length - 1, new CheckInWeek(monday, perWeek[i],
					9 * perWeek[i], perWeek[i], Map.of("anger", perWeek[i]), perWeek[i]), new Reliability.Tally(0, 0)));
		}
		return weeks;
	}

	/** Her shared weeks, the last one ending on {@code latest}, with these averages. */
	private static List<PulseWeek> pulse(LocalDate latest, double... averages) {
		List<PulseWeek> weeks = new ArrayList<>();
		for (int i = 0; i < averages.length; i++) {
			weeks.add(new PulseWeek(latest.minusWeeks(averages.length - 1 - i), scores(averages[i]), null, true));
		}
		return weeks;
	}

	/** Five scores whose average is the one given (to one decimal, in steps of 0.2). */
	private static List<Integer> scores(double average) {
		int total = (int) Math.round(average * 5);
		List<Integer> scores = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			scores.add(total / 5 + ((i < total % 5) ? 1 : 0));
		}
		return scores;
	}

}
