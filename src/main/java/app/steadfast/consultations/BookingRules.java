package app.steadfast.consultations;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.steadfast.shared.PracticeSettings;

import org.springframework.stereotype.Component;

/**
 * The practice's booking rules as they stand now: what the admin set in the practice
 * settings, each rule he left empty as configured ({@code steadfast.booking.*}). Every
 * node reads the same settings, so all offer and check the same times.
 */
@Component
class BookingRules {

	static final String SESSION_LENGTH = "booking-session-minutes";

	static final String BUFFER = "booking-buffer-minutes";

	static final String NOTICE = "booking-notice-hours";

	static final String HORIZON = "booking-horizon-days";

	private final BookingSettings configured;

	private final PracticeSettings settings;

	BookingRules(BookingSettings configured, PracticeSettings settings) {
		this.configured = configured;
		this.settings = settings;
	}

	/** The rules now, the admin's where he set them. */
	BookingSettings current() {
		return new BookingSettings(set(SESSION_LENGTH).map(Duration::ofMinutes).orElse(this.configured.sessionLength()),
				set(BUFFER).map(Duration::ofMinutes).orElse(this.configured.buffer()),
				set(NOTICE).map(Duration::ofHours).orElse(this.configured.notice()),
				set(HORIZON).map(Duration::ofDays).orElse(this.configured.horizon()), this.configured.videoRoom(),
				this.configured.linkOpens());
	}

	/** The rules as configured, before any admin's setting. */
	BookingSettings configured() {
		return this.configured;
	}

	/** What the admin set, field by field, as he typed it; empty for the configured. */
	AppointmentManagement.RuleSettings typed() {
		return new AppointmentManagement.RuleSettings(set(SESSION_LENGTH).map(String::valueOf).orElse(""),
				set(BUFFER).map(String::valueOf).orElse(""), set(NOTICE).map(String::valueOf).orElse(""),
				set(HORIZON).map(String::valueOf).orElse(""));
	}

	/**
	 * Checks and keeps what the admin typed; an empty field goes back to the configured
	 * rule.
	 * @return the problem with each field at fault, by field; empty when saved
	 */
	Map<String, String> change(AppointmentManagement.RuleSettings typed) {
		Map<String, String> problems = problems(typed);
		if (problems.isEmpty()) {
			this.settings.put(SESSION_LENGTH, typed.sessionMinutes().strip());
			this.settings.put(BUFFER, typed.bufferMinutes().strip());
			this.settings.put(NOTICE, typed.noticeHours().strip());
			this.settings.put(HORIZON, typed.horizonDays().strip());
		}
		return problems;
	}

	/** The problem with each field at fault, by field; empty when all are right. */
	Map<String, String> problems(AppointmentManagement.RuleSettings typed) {
		Map<String, String> problems = new LinkedHashMap<>();
		check(problems, "sessionLength", typed.sessionMinutes(), 15, 180,
				"Give the length of a session in minutes, from 15 to 180, or leave it empty.");
		check(problems, "buffer", typed.bufferMinutes(), 0, 120,
				"Give the minutes kept free between appointments, from 0 to 120, or leave it empty.");
		check(problems, "notice", typed.noticeHours(), 0, 336,
				"Give the notice in hours, from 0 to 336 (two weeks), or leave it empty.");
		check(problems, "horizon", typed.horizonDays(), 1, 180,
				"Give how many days ahead people can book, from 1 to 180, or leave it empty.");
		return problems;
	}

	private static void check(Map<String, String> problems, String field, String typed, int least, int most,
			String problem) {
		if (typed.isBlank()) {
			return;
		}
		Optional<Integer> number = number(typed);
		if (number.isEmpty() || number.get() < least || number.get() > most) {
			problems.put(field, problem);
		}
	}

	private Optional<Integer> set(String setting) {
		return this.settings.get(setting).flatMap(BookingRules::number);
	}

	private static Optional<Integer> number(String text) {
		String digits = text.strip();
		if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return Optional.of(Integer.parseInt(digits));
	}

}
