package app.steadfast.checkins;

import java.time.LocalDate;
import java.util.Map;

/**
 * One ISO week of a person's check-ins, as figures only.
 *
 * @param monday the week's first day
 * @param checkIns how many check-ins
 * @param intensitySum the sum of their intensities, where given
 * @param withIntensity how many gave an intensity
 * @param families how many check-ins named each family first
 * @param intenseAngerOrShame check-ins whose first word is anger or shame at intensity
 * {@value #INTENSE} or more
 */
public record CheckInWeek(LocalDate monday, int checkIns, int intensitySum, int withIntensity,
		Map<String, Integer> families, int intenseAngerOrShame) {

	/** The intensity from which anger or shame counts as intense. */
	public static final int INTENSE = 8;

	public CheckInWeek {
		families = Map.copyOf(families);
	}

	/** The average intensity, one decimal, or {@code null} when none was given. */
	public Double averageIntensity() {
		return (this.withIntensity == 0) ? null : Math.round(10.0 * this.intensitySum / this.withIntensity) / 10.0;
	}

}
