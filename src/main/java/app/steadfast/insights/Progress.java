package app.steadfast.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * What a person's progress page shows.
 *
 * @param weeks every week shown, oldest first; the last one is under way
 * @param promisesReading a plain-language reading of the promises kept
 * @param feelingsReading the same for check-ins
 * @param pulseReading the same for the weekly trust pulse
 * @param talksReading the same for hard conversations
 * @param signals stuck signals that hold now and are not set aside
 * @param hasTherapist whether he has a therapist to bring them to
 * @param hasPromises whether any promise was due in these weeks
 * @param questions his partner's questions, for him; {@code null} on anyone else's view
 */
public record Progress(List<WeekRow> weeks, String promisesReading, String feelingsReading, String pulseReading,
		String talksReading, List<StuckSignal> signals, boolean hasTherapist, boolean hasPromises,
		Questions questions) {

	public Progress {
		weeks = List.copyOf(weeks);
		signals = List.copyOf(signals);
	}

	/**
	 * His partner's questions: how many she asked in these weeks and where all of them
	 * stand now.
	 *
	 * @param askedInWeeks asked in the weeks shown
	 * @param answeredInWeeks first answered in the weeks shown
	 * @param waiting still waiting for an answer, or for more
	 * @param overdue past the date he gave
	 * @param oldestWaitingDays how long the oldest waiting one has waited, in days
	 * @param reading a plain-language reading of these
	 */
	public record Questions(int askedInWeeks, int answeredInWeeks, int waiting, int overdue, long oldestWaitingDays,
			String reading) {
	}

	/**
	 * One week's figures.
	 *
	 * @param monday its first day
	 * @param current whether it is still under way
	 * @param checkIns check-ins made
	 * @param averageIntensity their average intensity, or {@code null}
	 * @param topFamily the family named first most often, or {@code null}
	 * @param kept promises kept
	 * @param due promises due
	 * @param confirmed days his partner saw kept
	 * @param sawDifferently days his partner saw differently
	 * @param myPulse his own pulse average, or {@code null}
	 * @param partnerPulse his partner's shared pulse average, or {@code null}
	 * @param talks hard conversations he logged
	 * @param averageDefensiveness how defensive he got on average (1 to 5), or
	 * {@code null}
	 * @param escalated talks that escalated, somewhat or badly
	 */
	public record WeekRow(LocalDate monday, boolean current, int checkIns, Double averageIntensity, String topFamily,
			int kept, int due, int confirmed, int sawDifferently, Double myPulse, Double partnerPulse, int talks,
			Double averageDefensiveness, int escalated) {

		/** Promises kept as a whole percentage, or {@code null} when none was due. */
		public Integer keptPercent() {
			return (this.due == 0) ? null : Math.round(100f * this.kept / this.due);
		}

		/** The gap between his view and hers, when both are there. */
		public Double pulseGap() {
			return (this.myPulse == null || this.partnerPulse == null) ? null
					: Math.round(10.0 * (this.myPulse - this.partnerPulse)) / 10.0;
		}

	}

}
