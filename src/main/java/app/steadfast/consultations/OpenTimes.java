package app.steadfast.consultations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import app.steadfast.shared.AccountId;

/**
 * The open times of one therapist: his weekly hours on his own calendar, less his days
 * off, less every booked appointment with the practice's buffer on each side, and none
 * before the booking notice ends. Each block of hours is cut into appointments of the
 * length asked for, one buffer apart, in real time: across a change of the clocks a block
 * holds the hours that really pass, and each time is shown on his local clock.
 */
final class OpenTimes {

	private OpenTimes() {
	}

	/**
	 * A booked appointment's time, which no other may come within a buffer of.
	 *
	 * @param start when it begins
	 * @param end when it ends
	 */
	record Busy(Instant start, Instant end) {
	}

	/**
	 * The open times, soonest first.
	 * @param from the first day looked at, on the therapist's calendar
	 * @param to the last day looked at
	 * @param notBefore the earliest start offered (now plus the booking notice)
	 */
	static List<Slot> of(AccountId therapist, ZoneId zone, Collection<WeeklyHours> hours, Collection<TimeOff> off,
			Collection<Busy> busy, LocalDate from, LocalDate to, Duration length, Duration buffer, Instant notBefore) {
		List<Slot> open = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			LocalDate date = day;
			if (off.stream().anyMatch((o) -> o.covers(date))) {
				continue;
			}
			List<WeeklyHours> blocks = hours.stream()
				.filter((h) -> h.day() == date.getDayOfWeek())
				.sorted(java.util.Comparator.comparing(WeeklyHours::from))
				.toList();
			for (WeeklyHours block : blocks) {
				// A block that starts in the hour the clocks skip starts when they
				// resume.
				Instant start = ZonedDateTime.of(date, block.from(), zone).toInstant();
				Instant end = ZonedDateTime.of(date, block.to(), zone).toInstant();
				for (Instant s = start; !s.plus(length).isAfter(end); s = s.plus(length).plus(buffer)) {
					Instant e = s.plus(length);
					if (s.isBefore(notBefore) || clashes(s, e, busy, buffer)) {
						continue;
					}
					open.add(new Slot(therapist, s, e));
				}
			}
		}
		return open;
	}

	/**
	 * Whether an appointment from {@code start} to {@code end} comes within a buffer of
	 * one booked.
	 */
	static boolean clashes(Instant start, Instant end, Collection<Busy> busy, Duration buffer) {
		return busy.stream()
			.anyMatch((b) -> start.isBefore(b.end().plus(buffer)) && b.start().isBefore(end.plus(buffer)));
	}

}
