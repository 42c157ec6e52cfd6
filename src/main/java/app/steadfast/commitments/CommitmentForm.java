package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The new and edit form, as typed.
 *
 * @param title the promise
 * @param why why it matters, optional
 * @param recurrence a {@link Recurrence} name
 * @param weekdays chosen day names, for weekly ones
 * @param onceDate the day, for one-off ones (yyyy-mm-dd)
 * @param dueTime the time it is due by, optional (hh:mm)
 * @param startDate the first day, optional (yyyy-mm-dd; today when empty)
 * @param endDate the last day, optional (yyyy-mm-dd)
 * @param remindAt when to remind him on a due day, optional (hh:mm)
 * @param request the partner's request it answers, optional (an id)
 */
record CommitmentForm(String title, String why, String recurrence, List<String> weekdays, String onceDate,
		String dueTime, String startDate, String endDate, String remindAt, String request) {

	CommitmentForm {
		weekdays = (weekdays != null) ? List.copyOf(weekdays) : List.of();
	}

	/** The chosen days. */
	Set<DayOfWeek> days() {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String value : this.weekdays) {
			try {
				days.add(DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				// An unknown day is ignored; the form offers only real ones.
			}
		}
		return days;
	}

	static CommitmentForm empty() {
		return new CommitmentForm("", "", Recurrence.DAILY.name(), List.of(), "", "", "", "", "", "");
	}

	static CommitmentForm of(CommitmentView view) {
		return new CommitmentForm(view.title(), (view.why() != null) ? view.why() : "", view.recurrence().name(),
				view.weekdays().stream().map(Enum::name).toList(),
				(view.onceDate() != null) ? view.onceDate().toString() : "",
				(view.dueTime() != null) ? view.dueTime().toString() : "", view.startDate().toString(),
				(view.endDate() != null) ? view.endDate().toString() : "",
				(view.remindAt() != null) ? view.remindAt().toString() : "",
				(view.fromRequest() != null) ? view.fromRequest().toString() : "");
	}

}
