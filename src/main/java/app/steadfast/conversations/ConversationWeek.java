package app.steadfast.conversations;

import java.time.LocalDate;

/**
 * One ISO week of a person's logged talks, as figures only.
 *
 * @param monday the week's first day
 * @param talks how many talks
 * @param defensivenessSum the sum of how defensive he got (1 to 5 each)
 * @param escalatedSomewhat talks that escalated somewhat
 * @param escalatedBadly talks that escalated badly
 * @param cameBack talks where he took a break and came back
 */
public record ConversationWeek(LocalDate monday, int talks, int defensivenessSum, int escalatedSomewhat,
		int escalatedBadly, int cameBack) {

	/** How defensive he got on average, one decimal, or {@code null} without talks. */
	public Double averageDefensiveness() {
		return (this.talks == 0) ? null : Math.round(10.0 * this.defensivenessSum / this.talks) / 10.0;
	}

}
