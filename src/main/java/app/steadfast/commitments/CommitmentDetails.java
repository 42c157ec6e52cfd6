package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * What a new commitment says and when it falls due.
 *
 * @param title the promise, in his words (3 to 200 characters)
 * @param why why it matters to him, optional
 * @param recurrence how often it falls due
 * @param weekdays the days it falls due, for {@link Recurrence#WEEKLY}
 * @param onceDate the day, for {@link Recurrence#ONCE}
 * @param dueTime the time of day it is due by, optional
 * @param startDate the first day it may fall due; {@code null} for today
 * @param endDate the last day it may fall due, optional
 * @param remindAt when to email him a reminder on a due day, in his time zone; optional
 * @param fromRequest the partner's request it answers, optional
 */
public record CommitmentDetails(String title, String why, Recurrence recurrence, Set<DayOfWeek> weekdays,
		LocalDate onceDate, LocalTime dueTime, LocalDate startDate, LocalDate endDate, LocalTime remindAt,
		UUID fromRequest) {

	/** The longest title. */
	public static final int MAX_TITLE = 200;

	/** The longest note or reason. */
	public static final int MAX_TEXT = 1000;

	public CommitmentDetails {
		weekdays = (weekdays != null) ? Set.copyOf(weekdays) : Set.of();
	}

	/** A commitment starting today, with no end, reminder or request. */
	public CommitmentDetails(String title, String why, Recurrence recurrence, Set<DayOfWeek> weekdays,
			LocalDate onceDate, LocalTime dueTime) {
		this(title, why, recurrence, weekdays, onceDate, dueTime, null, null, null, null);
	}

}
