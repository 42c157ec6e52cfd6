package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a topic counts as recurring, decided from the talks on it alone (merged topics'
 * talks already counted as one topic by the caller).
 * <ul>
 * <li>Frequent: three or more talks in the four weeks ending today (28 days, today
 * included).</li>
 * <li>Came back: a talk he marked resolved, followed by another talk on it, while that
 * later talk is within the last four weeks.</li>
 * </ul>
 */
final class RecurringRules {

	static final int FREQUENT_COUNT = 3;

	static final int WINDOW_DAYS = 28;

	/**
	 * One logged talk, as the rules see it.
	 *
	 * @param on the day of the talk
	 * @param order breaks ties between talks on one day (the moment it was logged)
	 * @param resolved whether he marked the topic resolved after it
	 */
	record Talk(LocalDate on, long order, boolean resolved) {
	}

	/**
	 * Why a topic is recurring and the days that show it.
	 */
	record Finding(Set<RecurrenceKind> kinds, LocalDate since, List<LocalDate> dates, LocalDate resolvedOn) {
	}

	private RecurringRules() {
	}

	/** The first day inside the four weeks ending today. */
	static LocalDate windowStart(LocalDate today) {
		return today.minusDays(WINDOW_DAYS - 1);
	}

	static Optional<Finding> assess(List<Talk> talks, LocalDate today) {
		List<Talk> sorted = talks.stream()
			.filter((t) -> !t.on().isAfter(today))
			.sorted(Comparator.comparing(Talk::on).thenComparingLong(Talk::order))
			.toList();
		LocalDate start = windowStart(today);
		Set<RecurrenceKind> kinds = EnumSet.noneOf(RecurrenceKind.class);
		LocalDate since = null;
		List<Talk> recent = sorted.stream().filter((t) -> !t.on().isBefore(start)).toList();
		if (recent.size() >= FREQUENT_COUNT) {
			kinds.add(RecurrenceKind.FREQUENT);
			since = recent.get(0).on();
		}
		LocalDate resolvedOn = null;
		// The last talk marked resolved that another talk followed.
		for (int i = sorted.size() - 2; i >= 0; i--) {
			if (sorted.get(i).resolved()) {
				boolean backRecently = sorted.subList(i + 1, sorted.size())
					.stream()
					.anyMatch((t) -> !t.on().isBefore(start));
				if (backRecently) {
					kinds.add(RecurrenceKind.CAME_BACK);
					resolvedOn = sorted.get(i).on();
					since = (since == null || resolvedOn.isBefore(since)) ? resolvedOn : since;
				}
				break;
			}
		}
		if (kinds.isEmpty()) {
			return Optional.empty();
		}
		LocalDate from = since;
		List<LocalDate> dates = new ArrayList<>(
				sorted.stream().map(Talk::on).filter((d) -> !d.isBefore(from)).toList());
		return Optional.of(new Finding(kinds, since, List.copyOf(dates), resolvedOn));
	}

}
