package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The new and edit form, bound and converted by Spring. It holds no rules: a commitment's
 * rules are the aggregate's ({@link Commitment}), which every way of making or rewording
 * one goes through. What cannot be converted (letters for a time, an impossible date) is
 * a {@code typeMismatch} error beside its field, worded in {@code messages.properties},
 * and the text he typed is shown back.
 *
 * @param title the promise
 * @param why why it matters, optional
 * @param recurrence how often it falls due
 * @param weekdays the chosen days, for weekly ones
 * @param onceDate the day, for one-off ones (yyyy-mm-dd)
 * @param dueTime the time it is due by, optional (hh:mm)
 * @param startDate the first day, optional (yyyy-mm-dd; today when empty)
 * @param endDate the last day, optional (yyyy-mm-dd)
 * @param remindAt when to remind him on a due day, optional (hh:mm)
 * @param request the partner's request it answers, optional
 */
record CommitmentForm(@Nullable String title, @Nullable String why, @Nullable Recurrence recurrence,
		@Nullable List<DayOfWeek> weekdays, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate onceDate,
		@DateTimeFormat(pattern = TIME, fallbackPatterns = TIME_WITH_SECONDS) @Nullable LocalTime dueTime,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endDate,
		@DateTimeFormat(pattern = TIME, fallbackPatterns = TIME_WITH_SECONDS) @Nullable LocalTime remindAt,
		@Nullable UUID request) {

	/** A time as a browser's time field gives it, and shows it back. */
	static final String TIME = "HH:mm";

	/** A time with seconds, as some browsers give it. */
	static final String TIME_WITH_SECONDS = "HH:mm:ss";

	CommitmentForm {
		// A blank day (only spaces or line breaks) binds as no day, not as a failure.
		weekdays = (weekdays != null) ? weekdays.stream().filter(java.util.Objects::nonNull).toList() : List.of();
	}

	/** The chosen days. */
	Set<DayOfWeek> days() {
		return this.weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(this.weekdays);
	}

	/** What he entered, for the commitment's rules to check. */
	CommitmentDetails details() {
		return new CommitmentDetails(this.title, this.why, this.recurrence, days(), this.onceDate, this.dueTime,
				this.startDate, this.endDate, this.remindAt, this.request);
	}

	static CommitmentForm empty() {
		return answering(null);
	}

	/** An empty form answering the partner's request, if any. */
	static CommitmentForm answering(@Nullable UUID request) {
		return new CommitmentForm("", "", Recurrence.DAILY, List.of(), null, null, null, null, null, request);
	}

	static CommitmentForm of(CommitmentView view) {
		return new CommitmentForm(view.title(), (view.why() != null) ? view.why() : "", view.recurrence(),
				List.copyOf(view.weekdays()), view.onceDate(), view.dueTime(), view.startDate(), view.endDate(),
				view.remindAt(), view.fromRequest());
	}

}
