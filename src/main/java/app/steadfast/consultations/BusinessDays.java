package app.steadfast.consultations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The practice promises a first contact within one business day (Monday to Friday, in its
 * time zone; public holidays are not known to it).
 */
final class BusinessDays {

	private BusinessDays() {
	}

	/**
	 * When a request received at the given moment should have been answered: the same
	 * time on the next business day; a request from the weekend counts from Monday
	 * morning.
	 */
	static Instant answerDue(Instant received, ZoneId zone) {
		ZonedDateTime start = received.atZone(zone);
		if (isWeekend(start)) {
			while (isWeekend(start)) {
				start = start.plusDays(1);
			}
			start = start.toLocalDate().atStartOfDay(zone);
		}
		ZonedDateTime due = start.plusDays(1);
		while (isWeekend(due)) {
			due = due.plusDays(1);
		}
		return due.toInstant();
	}

	/**
	 * How long ago, in words: "just now", "20 minutes ago", "5 hours ago", "3 days ago".
	 */
	static String age(Instant since, Instant now) {
		Duration age = Duration.between(since, now);
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toMinutes() < 60) {
			return plural(age.toMinutes(), "minute");
		}
		if (age.toHours() < 48) {
			return plural(age.toHours(), "hour");
		}
		return plural(age.toDays(), "day");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s") + " ago";
	}

	private static boolean isWeekend(ZonedDateTime moment) {
		DayOfWeek day = moment.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

}
