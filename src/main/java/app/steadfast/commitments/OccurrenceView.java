package app.steadfast.commitments;

import java.time.LocalDate;

/**
 * One due date and what is known about it. A past date with nothing recorded is
 * {@link State#NOT_RECORDED}, never counted as kept.
 *
 * @param dueDate the day
 * @param state what is known
 * @param note his note, or {@code null}
 * @param whatGotInTheWay what got in the way, or {@code null}
 * @param recordable whether he can record it now (it is not in the future)
 * @param partnerView what his partner saw of it, beside his record, or {@code null}
 */
public record OccurrenceView(LocalDate dueDate, State state, String note, String whatGotInTheWay, boolean recordable,
		PartnerView partnerView) {

	/**
	 * What the partner saw.
	 *
	 * @param seen confirmed, or seen differently
	 * @param note her note, or {@code null}
	 */
	public record PartnerView(Seen seen, String note) {
	}

	/** What is known about a due date. */
	public enum State {

		KEPT("Kept"), MISSED("Missed"), NOT_RECORDED("Not recorded"), UPCOMING("Coming up");

		private final String label;

		State(String label) {
			this.label = label;
		}

		/** The state in words. */
		public String label() {
			return this.label;
		}

	}

}
