package app.steadfast.checkins;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A month of check-ins as a calendar: each day with the family of its strongest feeling.
 *
 * @param month the month
 * @param weeks its weeks, Monday first; days outside the month are {@code null}
 */
public record CalendarMonth(YearMonth month, List<List<Day>> weeks) {

	/**
	 * One day.
	 *
	 * @param date the date
	 * @param family the primary family of the day's strongest check-in, or {@code null}
	 * @param checkIns how many check-ins that day
	 */
	public record Day(LocalDate date, String family, int checkIns) {
	}

}
