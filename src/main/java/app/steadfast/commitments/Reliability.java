package app.steadfast.commitments;

import java.time.LocalDate;
import java.util.List;

import app.steadfast.shared.BarChart;

/**
 * How reliably commitments were kept: kept out of due, per ISO week (Monday to Sunday)
 * and over the last 4 and 12 weeks (the current, possibly partial, week and the weeks
 * before it). Only due dates up to today count; unrecorded ones count as due and not
 * kept; paused days are not due.
 *
 * @param today the day it was computed for
 * @param weeks every week shown, oldest first, all commitments together
 * @param last4 the last 4 weeks, all commitments together
 * @param last12 the last 12 weeks, all commitments together
 * @param commitments the same per commitment
 */
public record Reliability(LocalDate today, List<Week> weeks, Tally last4, Tally last12,
		List<PerCommitment> commitments) {

	/** Kept as a share of due, per week, all commitments together. */
	public BarChart chart() {
		java.time.format.DateTimeFormatter tick = java.time.format.DateTimeFormatter.ofPattern("d/M");
		return new BarChart("Share of due days kept, per week. The table below has the same figures.", "100%",
				this.weeks.stream()
					.map((w) -> new BarChart.Bar(tick.format(w.monday()),
							(w.tally().due() == 0) ? null : (double) w.tally().kept() / w.tally().due(), w.partial(),
							null))
					.toList());
	}

	/**
	 * Kept out of due, and what his partner said of those days.
	 *
	 * @param kept due dates recorded as kept
	 * @param due due dates up to today
	 * @param confirmed due dates his partner confirmed
	 * @param sawDifferently due dates his partner saw differently
	 */
	public record Tally(int kept, int due, int confirmed, int sawDifferently) {

		/** Kept out of due, with nothing said by his partner. */
		public Tally(int kept, int due) {
			this(kept, due, 0, 0);
		}

		/** Whether his partner said anything about these days. */
		public boolean witnessed() {
			return this.confirmed + this.sawDifferently > 0;
		}

		/** Kept as a whole percentage, or {@code null} when nothing was due. */
		public Integer percent() {
			return (this.due == 0) ? null : Math.round(100f * this.kept / this.due);
		}

		Tally plus(Tally other) {
			return new Tally(this.kept + other.kept, this.due + other.due, this.confirmed + other.confirmed,
					this.sawDifferently + other.sawDifferently);
		}

	}

	/**
	 * One ISO week.
	 *
	 * @param monday its first day
	 * @param tally kept out of due
	 * @param partial whether it is the current week, still under way
	 */
	public record Week(LocalDate monday, Tally tally, boolean partial) {
	}

	/**
	 * One commitment's reliability.
	 *
	 * @param id the commitment
	 * @param title its wording
	 * @param weeks its weeks, oldest first
	 * @param last4 its last 4 weeks
	 * @param last12 its last 12 weeks
	 */
	public record PerCommitment(CommitmentId id, String title, List<Week> weeks, Tally last4, Tally last12) {
	}

}
