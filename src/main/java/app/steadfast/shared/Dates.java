package app.steadfast.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows moments in the time zone of the person looking: the signed-in person's own, the
 * practice's for visitors. Templates call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z",
			Locale.ENGLISH);

	private final Practice practice;

	private final java.time.Clock clock;

	Dates(Practice practice, java.time.Clock clock) {
		this.practice = practice;
		this.clock = clock;
	}

	/** Today where this person is (the practice's zone for a session without one). */
	public java.time.LocalDate today(SignedIn person) {
		return java.time.LocalDate.ofInstant(this.clock.instant(), zoneOf(person));
	}

	/**
	 * Whether the person is in his first seven days here, counted on his own calendar;
	 * false for a session that does not know when he joined.
	 */
	public boolean inFirstWeek(SignedIn person) {
		java.time.Instant joined = person.joinedAt();
		return joined != null
				&& today(person).isBefore(java.time.LocalDate.ofInstant(joined, zoneOf(person)).plusDays(7));
	}

	/** The moment this person's today began. */
	public Instant startOfToday(SignedIn person) {
		return today(person).atStartOfDay(zoneOf(person)).toInstant();
	}

	private ZoneId zoneOf(SignedIn person) {
		return (person.zone() != null) ? person.zone() : this.practice.zone();
	}

	/**
	 * A date and time in the viewer's zone, labelled with it, such as "27 Nov 2026, 14:05
	 * UTC"; empty for {@code null}.
	 */
	public String dateTime(Instant moment) {
		return (moment != null) ? DATE_TIME.withZone(zone()).format(moment) : "";
	}

	/** The zone of the person signed in, or the practice's when no one is. */
	public ZoneId zone() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn person
				&& person.zone() != null) {
			return person.zone();
		}
		return this.practice.zone();
	}

}
