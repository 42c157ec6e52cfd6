package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.LocalDate;

import app.steadfast.safety.CrisisResources;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's office hours for messages: his own words about when he reads them, within
 * how many working days he answers, and what to do in a crisis instead of waiting. Not
 * clinical; what his clients read before they write to him ({@link Messages}).
 */
@Service
class OfficeHours {

	/** The longest office-hours text a therapist may set. */
	static final int MAX_HOURS = 300;

	/** Working days to an answer, when the therapist said nothing else. */
	static final int DEFAULT_REPLY_DAYS = 2;

	private final JdbcClient jdbc;

	private final CrisisResources crisis;

	OfficeHours(JdbcClient jdbc, CrisisResources crisis) {
		this.jdbc = jdbc;
		this.crisis = crisis;
	}

	/**
	 * What the therapist tells his clients before they write: his own words about when he
	 * reads messages (or the practice's default), and within how many working days he
	 * answers.
	 */
	@Transactional(readOnly = true)
	Said of(AccountId therapist) {
		return this.jdbc.sql("SELECT hours, reply_days FROM care_office_hours WHERE therapist_id = :t")
			.param("t", therapist.value())
			.query((rs, n) -> new Said(rs.getString("hours"), rs.getInt("reply_days")))
			.optional()
			.orElse(new Said(null, DEFAULT_REPLY_DAYS));
	}

	/**
	 * The therapist sets what his clients read before they write. Empty hours mean the
	 * default words.
	 * @throws InvalidInput naming the field at fault
	 */
	@Transactional
	void set(AccountId therapist, @Nullable String hours, @Nullable Integer replyDays) {
		String words = (hours == null || hours.isBlank()) ? null : hours.strip();
		if (words != null && words.length() > MAX_HOURS) {
			throw new InvalidInput("hours", "Keep it under " + MAX_HOURS + " characters; a sentence or two is best.");
		}
		if (replyDays == null || replyDays < 1 || replyDays > 5) {
			throw new InvalidInput("replyDays", "Choose from 1 to 5 working days.");
		}
		this.jdbc.sql("DELETE FROM care_office_hours WHERE therapist_id = :t").param("t", therapist.value()).update();
		this.jdbc.sql("INSERT INTO care_office_hours (therapist_id, hours, reply_days) VALUES (:t, :h, :d)")
			.param("t", therapist.value())
			.param("h", words)
			.param("d", replyDays)
			.update();
	}

	/**
	 * What to do in a crisis instead of waiting for an answer, with the practice's lines.
	 */
	String inACrisis() {
		CrisisResources.Resources lines = this.crisis.current();
		return "Messages are not watched around the clock. In a crisis, don’t wait for an answer: "
				+ lines.primary().contact() + " (" + lines.primary().name() + "), or "
				+ lines.emergency().contact().toLowerCase(java.util.Locale.ENGLISH)
				+ " if you or someone else is in danger.";
	}

	/**
	 * The day an answer is due: {@code days} working days (Monday to Friday) after
	 * {@code sent}.
	 */
	static LocalDate answerBy(LocalDate sent, int days) {
		LocalDate day = sent;
		int left = days;
		while (left > 0) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return day;
	}

	/**
	 * What a therapist tells his clients before they write.
	 *
	 * @param hours his words about when he reads messages; null for the default
	 * @param replyDays within how many working days he answers
	 */
	record Said(@Nullable String hours, int replyDays) {

		/** His words, or the default ones. */
		public String text() {
			return (this.hours != null) ? this.hours : "Messages are read on weekdays, during office hours.";
		}

		/** The expected answer time, in words. */
		public String replyTime() {
			return (this.replyDays == 1) ? "within one working day" : "within " + this.replyDays + " working days";
		}

	}

}
