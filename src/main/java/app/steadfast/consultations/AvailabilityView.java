package app.steadfast.consultations;

import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A therapist's bookable week as he keeps it.
 *
 * @param hours his weekly hours, by day and time
 * @param timeOff his days off from today on, soonest first
 * @param videoRoom his own meeting-room address; null for the practice's
 * @param practiceRoom the practice's meeting-room address; null when it has none
 * @param takesConsultations whether new people can book a free consultation with him
 * @param zone the time zone his hours are in (his own)
 */
public record AvailabilityView(List<WeeklyHours> hours, List<TimeOff> timeOff, @Nullable String videoRoom,
		@Nullable String practiceRoom, boolean takesConsultations, ZoneId zone) {
}
