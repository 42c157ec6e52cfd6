package app.steadfast.care;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The care pages' forms, as typed; the services check them and name the field at fault.
 */
final class CareForms {

	private CareForms() {
	}

	/**
	 * A session note.
	 *
	 * @param sessionDate the session's date (yyyy-mm-dd)
	 * @param body the note
	 * @param plan the plan, optional
	 */
	record NoteForm(String sessionDate, String body, String plan) {

		static NoteForm empty(LocalDate today) {
			return new NoteForm(today.toString(), "", "");
		}

	}

	/**
	 * Homework.
	 *
	 * @param kind a {@link Homework.Kind} name
	 * @param articleSlug the article, for reading
	 * @param exercise a {@link Homework.Exercise} name
	 * @param task the task in words
	 * @param dueDate when it is due (yyyy-mm-dd)
	 */
	record HomeworkForm(String kind, String articleSlug, String exercise, String task, String dueDate) {

		static HomeworkForm empty(LocalDate due) {
			return new HomeworkForm("TASK", "", "", "", due.toString());
		}

	}

	/**
	 * Emergency access.
	 *
	 * @param clientEmail the client's email address
	 * @param therapistId the therapist's account id
	 * @param reason why, in words the client will read
	 */
	record BreakGlassForm(String clientEmail, String therapistId, String reason) {

		static BreakGlassForm empty() {
			return new BreakGlassForm("", "", "");
		}

	}

	/** A date as typed, or {@code null} when blank or not a date. */
	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
