package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The due dates of a commitment. Dates are calendar dates in the owner's own zone, so a
 * day with a clock change is still one day and one due date.
 */
final class Occurrences {

	private static final Set<DayOfWeek> WORK_DAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	private Occurrences() {
	}

	/**
	 * The due dates from {@code from} to {@code to} (both included), oldest first.
	 * @param start the first day it can fall due
	 * @param end the last day it can fall due, or {@code null} while it runs
	 */
	static List<LocalDate> dueDates(Recurrence recurrence, Set<DayOfWeek> weekdays, LocalDate once, LocalDate start,
			LocalDate end, LocalDate from, LocalDate to) {
		LocalDate first = from.isAfter(start) ? from : start;
		LocalDate last = (end != null && end.isBefore(to)) ? end : to;
		List<LocalDate> dates = new ArrayList<>();
		if (recurrence == Recurrence.ONCE) {
			if (once != null && !once.isBefore(first) && !once.isAfter(last)) {
				dates.add(once);
			}
			return dates;
		}
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			if (falls(recurrence, weekdays, day.getDayOfWeek())) {
				dates.add(day);
			}
		}
		return dates;
	}

	/**
	 * The due dates from {@code from} to {@code to} (both included) that no pause covers,
	 * oldest first.
	 */
	static List<LocalDate> dueDates(Recurrence recurrence, Set<DayOfWeek> weekdays, LocalDate once, LocalDate start,
			LocalDate end, Collection<Pause> pauses, LocalDate from, LocalDate to) {
		return dueDates(recurrence, weekdays, once, start, end, from, to).stream()
			.filter((date) -> pauses.stream().noneMatch((pause) -> pause.covers(date)))
			.toList();
	}

	private static boolean falls(Recurrence recurrence, Set<DayOfWeek> weekdays, DayOfWeek day) {
		return switch (recurrence) {
			case DAILY -> true;
			case WEEKDAYS -> WORK_DAYS.contains(day);
			case WEEKLY -> weekdays.contains(day);
			case ONCE -> false;
		};
	}

}
