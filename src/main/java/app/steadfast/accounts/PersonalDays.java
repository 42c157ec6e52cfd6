package app.steadfast.accounts;

import java.time.LocalDate;

/**
 * Two days of a person's calendar, both counted in his own time zone.
 *
 * @param today today where he is
 * @param joined the day his account was made
 */
public record PersonalDays(LocalDate today, LocalDate joined) {
}
