package app.steadfast.consultations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Whole days a therapist takes off (a holiday, a week away), on his own calendar.
 *
 * @param id names it, for taking it back
 * @param first the first day off
 * @param last the last day off (the same as {@code first} for one day)
 */
public record TimeOff(UUID id, LocalDate first, LocalDate last) {

	/** Whether the day falls within it. */
	public boolean covers(LocalDate day) {
		return !day.isBefore(this.first) && !day.isAfter(this.last);
	}

}
