package app.steadfast.care;

import java.time.LocalDate;

import app.steadfast.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The care pages' forms. The services check them and name the field at fault; the forms
 * hold no rules. Dates and choices are bound and converted by Spring: what cannot be
 * converted is a {@code typeMismatch} error beside its field, worded in
 * {@code messages.properties}, and the text typed is shown back.
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
	record NoteForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate sessionDate,
			@Nullable String body, @Nullable String plan) {

		static NoteForm empty(LocalDate today) {
			return new NoteForm(today, "", "");
		}

	}

	/**
	 * Homework.
	 *
	 * @param kind what kind of homework
	 * @param articleSlug the article, for reading
	 * @param exercise a {@link Homework.Exercise} name
	 * @param task the task in words
	 * @param dueDate when it is due (yyyy-mm-dd)
	 */
	record HomeworkForm(Homework.@Nullable Kind kind, @Nullable String articleSlug, @Nullable String exercise,
			@Nullable String task, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueDate) {

		static HomeworkForm empty(LocalDate due) {
			return new HomeworkForm(Homework.Kind.TASK, "", "", "", due);
		}

	}

	/**
	 * Emergency access; its rules are {@link BreakGlass#open}'s.
	 *
	 * @param clientEmail the client's email address
	 * @param therapistId the therapist's account id, from the list
	 * @param reason why, in words the client will read
	 */
	record BreakGlassForm(@Nullable String clientEmail, @Nullable AccountId therapistId, @Nullable String reason) {

		static BreakGlassForm empty() {
			return new BreakGlassForm("", null, "");
		}

	}

	/**
	 * Handing a client over to another therapist; its rules are {@link Handovers}'.
	 *
	 * @param clientEmail the client's email address
	 * @param therapistId his new therapist's account id, from the list
	 */
	record HandoverForm(@Nullable String clientEmail, @Nullable AccountId therapistId) {

		static HandoverForm empty() {
			return new HandoverForm("", null);
		}

	}

}
