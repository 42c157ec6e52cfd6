package app.steadfast.consultations;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One block of a therapist's weekly hours, in his own time zone.
 *
 * @param day the day of the week
 * @param from when the block starts
 * @param to when it ends (after {@code from}, on the same day)
 */
public record WeeklyHours(DayOfWeek day, LocalTime from, LocalTime to) {
}
