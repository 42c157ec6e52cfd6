package app.steadfast.shared;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Shows moments in the practice's time zone. Templates call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

	private final DateTimeFormatter dateTime;

	Dates(Practice practice) {
		this.dateTime = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(practice.zone());
	}

	/** A date and time such as "27 Nov 2026, 14:05 UTC"; empty for {@code null}. */
	public String dateTime(Instant moment) {
		return (moment != null) ? this.dateTime.format(moment) : "";
	}

}
