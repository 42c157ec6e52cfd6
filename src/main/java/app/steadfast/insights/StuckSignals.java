package app.steadfast.insights;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.steadfast.commitments.Reliability;
import app.steadfast.conversations.RecurrenceKind;
import app.steadfast.conversations.RecurringTopic;
import app.steadfast.couple.PulseWeek;

/**
 * The rules behind each stuck signal, as plain functions of weekly figures so that each
 * threshold can be tested on hand-built timelines.
 */
final class StuckSignals {

	/** Weeks in a row below {@link #KEPT_BELOW} percent. */
	static final int LOW_WEEKS = 4;

	static final int KEPT_BELOW = 60;

	/** Weeks in a row of a flat or falling partner pulse. */
	static final int FLAT_WEEKS = 6;

	/** Intense anger or shame check-ins, this week and last together. */
	static final int INTENSE_TIMES = 3;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private StuckSignals() {
	}

	/**
	 * Promises kept below 60% in each of the last four completed weeks (weeks with
	 * nothing due break the run).
	 */
	static Optional<StuckSignal> promisesLow(List<WeeklyFigures.Week> weeks) {
		List<WeeklyFigures.Week> completed = weeks.stream().filter((w) -> !w.current()).toList();
		if (completed.size() < LOW_WEEKS) {
			return Optional.empty();
		}
		List<WeeklyFigures.Week> last = completed.subList(completed.size() - LOW_WEEKS, completed.size());
		boolean low = last.stream()
			.allMatch((w) -> w.promises().due() > 0 && 100 * w.promises().kept() < KEPT_BELOW * w.promises().due());
		if (!low) {
			return Optional.empty();
		}
		List<String> evidence = new ArrayList<>();
		for (WeeklyFigures.Week w : last) {
			Reliability.Tally t = w.promises();
			evidence.add("Week of %s: %d of %d kept (%d%%)".formatted(DAY.format(w.monday()), t.kept(), t.due(),
					t.percent()));
		}
		return Optional.of(new StuckSignal(StuckSignal.Kind.PROMISES_LOW,
				"For four weeks in a row, fewer than 6 in 10 of your promises were kept. That usually means they're too big, or something keeps getting in the way. Both are worth talking through.",
				evidence));
	}

	/**
	 * His partner's shared pulse, six weeks in a row ending this week or last, never
	 * rising from one week to the next.
	 */
	static Optional<StuckSignal> pulseFlat(List<PulseWeek> partnersShared, LocalDate thisMonday) {
		List<PulseWeek> sorted = partnersShared.stream().sorted(Comparator.comparing(PulseWeek::weekStart)).toList();
		if (sorted.size() < FLAT_WEEKS) {
			return Optional.empty();
		}
		List<PulseWeek> last = sorted.subList(sorted.size() - FLAT_WEEKS, sorted.size());
		LocalDate latest = last.get(FLAT_WEEKS - 1).weekStart();
		if (latest.isBefore(thisMonday.minusWeeks(1))) {
			return Optional.empty();
		}
		for (int i = 1; i < FLAT_WEEKS; i++) {
			if (!last.get(i).weekStart().equals(last.get(i - 1).weekStart().plusWeeks(1))
					|| last.get(i).average() > last.get(i - 1).average()) {
				return Optional.empty();
			}
		}
		List<String> evidence = last.stream()
			.map((w) -> "Week of %s: %.1f out of 7".formatted(DAY.format(w.weekStart()), w.average()))
			.toList();
		return Optional.of(new StuckSignal(StuckSignal.Kind.PULSE_FLAT,
				"Your partner's weekly pulse hasn't risen in six weeks. Trust comes back slowly, but six flat weeks is a good moment to look at what isn't landing, with help.",
				evidence));
	}

	/** A topic that keeps coming back, as the conversations module found it. */
	static StuckSignal topic(RecurringTopic topic) {
		boolean returned = topic.kinds().contains(RecurrenceKind.CAME_BACK);
		List<String> evidence = new ArrayList<>();
		if (returned && topic.resolvedOn() != null) {
			evidence.add("You marked it resolved after the talk on " + DAY.format(topic.resolvedOn()));
		}
		topic.dates().forEach((day) -> evidence.add("A talk on " + DAY.format(day)));
		String headline = "This is the %s talk about \u201c%s\u201d since %s. %s".formatted(topic.ordinal(),
				topic.name(), DAY.format(topic.since()),
				returned ? "It felt settled and came back; old wounds do that, and it's worth understanding why."
						: "When the same argument keeps coming back, something underneath it hasn't been heard yet.");
		return new StuckSignal(returned ? StuckSignal.Kind.TOPIC_RETURNED : StuckSignal.Kind.TOPIC_RECURRING, headline,
				evidence);
	}

	/** Three or more check-ins of intense anger or shame this week and last together. */
	static Optional<StuckSignal> intenseFeelings(List<WeeklyFigures.Week> weeks) {
		if (weeks.isEmpty()) {
			return Optional.empty();
		}
		List<WeeklyFigures.Week> lastTwo = weeks.subList(Math.max(0, weeks.size() - 2), weeks.size());
		int times = lastTwo.stream().mapToInt((w) -> w.checkIns().intenseAngerOrShame()).sum();
		if (times < INTENSE_TIMES) {
			return Optional.empty();
		}
		List<String> evidence = lastTwo.stream()
			.map((w) -> "Week of %s: %d check-ins of anger or shame at 8 or more out of 10"
				.formatted(DAY.format(w.monday()), w.checkIns().intenseAngerOrShame()))
			.toList();
		return Optional.of(new StuckSignal(StuckSignal.Kind.INTENSE_FEELINGS,
				"Anger or shame has hit hard %d times in the last two weeks. Feelings this strong, this often, are worth working through with someone trained to help."
					.formatted(times),
				evidence));
	}

}
