package app.steadfast.couple;

import java.time.LocalDate;

/**
 * One item of one week, seen from both sides.
 *
 * @param weekStart the Monday of the week
 * @param item the statement
 * @param partner the partner's score, 1 to 7
 * @param self his own score, 1 to 7
 */
public record PulseGap(LocalDate weekStart, PulseItem item, int partner, int self) {

	/**
	 * How far his view is above hers (negative: he rates himself lower than she does).
	 */
	public int gap() {
		return this.self - this.partner;
	}

	/** A plain reading of the gap. */
	public String reading() {
		int gap = gap();
		if (Math.abs(gap) <= 1) {
			return "You see this about the same way.";
		}
		return (gap > 0)
				? "You rate yourself higher than your partner does. That's where the work is: ask what they need to see."
				: "Your partner rates you higher than you rate yourself. Let that count.";
	}

}
