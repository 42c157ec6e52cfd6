package app.steadfast.couple;

import java.time.LocalDate;
import java.util.List;

/**
 * One person's pulse for one week.
 *
 * @param weekStart the Monday of the week
 * @param scores the five scores, 1 to 7, in {@link PulseItem} order
 * @param note the optional note, or {@code null}
 * @param shared whether they share this week's scores (and note) with their partner
 */
public record PulseWeek(LocalDate weekStart, List<Integer> scores, String note, boolean shared) {

	public PulseWeek {
		scores = List.copyOf(scores);
	}

	/** The average of the five scores, one decimal. */
	public double average() {
		return Math.round(10.0 * this.scores.stream().mapToInt(Integer::intValue).average().orElse(0)) / 10.0;
	}

}
