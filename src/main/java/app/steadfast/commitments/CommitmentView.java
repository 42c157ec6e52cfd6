package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;

/**
 * A commitment as its owner (or someone he shares with) sees it.
 *
 * @param id its id
 * @param owner whose it is
 * @param title the current wording
 * @param why why it matters, or {@code null}
 * @param recurrence how often it falls due
 * @param weekdays the chosen days, for weekly ones
 * @param onceDate the day, for one-off ones
 * @param dueTime the time it is due by, or {@code null}
 * @param startDate the first day it could fall due
 * @param endDate the last day, once ended
 * @param status where it stands
 * @param vague whether the wording may be hard to check (no number, or a word like
 * "better")
 * @param wordings earlier wording, newest first
 * @param occurrences recent and coming due dates, last week and this week, oldest first
 * @param remindAt when he is reminded on a due day, in his time zone, or {@code null}
 * @param fromRequest the partner's request it answers, or {@code null}
 * @param ownersToday today where its owner is: a start after it is still to come
 */
public record CommitmentView(CommitmentId id, AccountId owner, String title, String why, Recurrence recurrence,
		Set<DayOfWeek> weekdays, LocalDate onceDate, LocalTime dueTime, LocalDate startDate, LocalDate endDate,
		CommitmentStatus status, boolean vague, List<Wording> wordings, List<OccurrenceView> occurrences,
		LocalTime remindAt, UUID fromRequest, LocalDate ownersToday) {

	/**
	 * Wording he replaced.
	 *
	 * @param title what it said
	 * @param changedAt when he changed it
	 */
	public record Wording(String title, Instant changedAt) {
	}

	/** When it falls due, in words. */
	public String schedule() {
		String when = switch (this.recurrence) {
			case ONCE -> "Once, on " + this.onceDate;
			case DAILY -> "Every day";
			case WEEKDAYS -> "Monday to Friday";
			case WEEKLY -> "Every " + String.join(", ",
					this.weekdays.stream()
						.sorted()
						.map((d) -> d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
						.toList());
		};
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
				java.util.Locale.ENGLISH);
		if (this.recurrence != Recurrence.ONCE && this.startDate.isAfter(this.ownersToday)) {
			when += ", from " + day.format(this.startDate);
		}
		if (this.recurrence != Recurrence.ONCE && this.endDate != null) {
			when += ", until " + day.format(this.endDate);
		}
		return (this.dueTime != null) ? when + ", by " + this.dueTime : when;
	}

	/** Whether a weekly one falls on the day. */
	public boolean on(DayOfWeek day) {
		return this.weekdays.contains(day);
	}

}
