package app.steadfast.insights;

import java.time.LocalDate;
import java.util.List;

import app.steadfast.shared.BarChart;
import app.steadfast.shared.Role;
import org.jspecify.annotations.Nullable;

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
	 * The same progress as its owner reads it on their own page. A partner keeps no
	 * promises and logs no talks here (those are his), and her pulse rates him, so her
	 * readings say so.
	 */
	public Progress ownedBy(Role role) {
		if (role != Role.PARTNER) {
			return this;
		}
		return new Progress(this.weeks, Readings.PARTNERS_PROMISES, this.feelingsReading,
				Readings.partnersPulse(this.weeks), Readings.PARTNERS_TALKS, this.signals, this.hasTherapist,
				this.hasPromises, this.questions);
	}

	private static final java.time.format.DateTimeFormatter TICK = java.time.format.DateTimeFormatter.ofPattern("d/M");

	/** Promises kept, as a share of those due, per week. */
	public BarChart promisesChart() {
		return new BarChart("Share of due promises kept, per week. The table below has the same figures.", "100%",
				this.weeks.stream()
					.map((w) -> new BarChart.Bar(TICK.format(w.monday()),
							(w.due() == 0) ? null : (double) w.kept() / w.due(), w.current(), null))
					.toList());
	}

	/** The average intensity of feelings, out of 10, per week. */
	public BarChart feelingsChart() {
		return new BarChart("Average intensity of feelings, out of 10, per week. The table below has the same figures.",
				"10",
				this.weeks.stream()
					.map((w) -> new BarChart.Bar(TICK.format(w.monday()),
							(w.averageIntensity() == null) ? null : w.averageIntensity() / 10, w.current(), null))
					.toList());
	}

	/** How defensive he got on average, out of 5, per week. */
	public BarChart talksChart() {
		return new BarChart(
				"How defensive you got on average, out of 5, per week. The table below has the same figures.", "5",
				this.weeks.stream()
					.map((w) -> new BarChart.Bar(TICK.format(w.monday()),
							(w.averageDefensiveness() == null) ? null : w.averageDefensiveness() / 5, w.current(),
							null))
					.toList());
	}

	/** His pulse and his partner's shared pulse, out of 7, per week, side by side. */
	public BarChart pulseChart() {
		return new BarChart(
				"Your pulse and your partner's shared pulse, out of 7, per week. The table below has the same figures.",
				"7",
				this.weeks.stream()
					.map((w) -> new BarChart.Bar(TICK.format(w.monday()),
							(w.myPulse() == null) ? null : w.myPulse() / 7, false,
							(w.partnerPulse() == null) ? null : w.partnerPulse() / 7))
					.toList());
	}

	/**
	 * Whether nothing at all was recorded in the weeks shown: his first days, most often.
	 */
	public boolean isEmpty() {
		return this.weeks.stream().noneMatch(WeekRow::hasAnything)
				&& (this.questions == null || this.questions.askedInWeeks() + this.questions.waiting() == 0);
	}

	/** The weeks shown, in words: "3 Nov to 16 Nov 2026 (2 weeks)". */
	public String period() {
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
				java.util.Locale.UK);
		return "%s to %s (%s)".formatted(day.format(this.weeks.get(0).monday()),
				day.format(this.weeks.get(this.weeks.size() - 1).monday().plusDays(6)),
				Readings.weeks(this.weeks.size()));
	}

	/**
	 * The page's lead, at most three sentences: the first sentence of each reading that
	 * has something to say, promises first for the man doing the work, feelings first for
	 * his partner (promises and talks are his, not hers).
	 */
	public List<String> summary(boolean partner) {
		List<String> readings = new java.util.ArrayList<>();
		boolean his = !partner;
		if (his && this.hasPromises) {
			readings.add(this.promisesReading);
		}
		if (hasFeelings() || this.weeks.stream().anyMatch((w) -> w.checkIns() > 0)) {
			readings.add(this.feelingsReading);
		}
		if (hasPulse()) {
			readings.add(this.pulseReading);
		}
		if (his && hasTalks()) {
			readings.add(this.talksReading);
		}
		return readings.stream().limit(3).map(Progress::firstSentence).toList();
	}

	/**
	 * The one chart the page leads with: promises kept for him while any were due, else
	 * how strongly he felt things, else the pulse; {@code null} when none has figures.
	 */
	public @Nullable BarChart leadChart(boolean partner) {
		if (!partner && this.hasPromises) {
			return promisesChart();
		}
		if (hasFeelings()) {
			return feelingsChart();
		}
		return hasPulse() ? pulseChart() : null;
	}

	/** The text up to and including its first full stop followed by a space. */
	static String firstSentence(String text) {
		int end = text.indexOf(". ");
		return (end < 0) ? text : text.substring(0, end + 1);
	}

	/** Whether any week had a check-in with an intensity. */
	public boolean hasFeelings() {
		return this.weeks.stream().anyMatch((w) -> w.averageIntensity() != null);
	}

	/** Whether any week had a logged talk. */
	public boolean hasTalks() {
		return this.weeks.stream().anyMatch((w) -> w.talks() > 0);
	}

	/** Whether any week had a pulse, his or a shared one of his partner's. */
	public boolean hasPulse() {
		return this.weeks.stream().anyMatch((w) -> w.myPulse() != null || w.partnerPulse() != null);
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

		/**
		 * Whether anything at all was recorded in this week, by him or shared with him.
		 */
		public boolean hasAnything() {
			return this.checkIns > 0 || this.due > 0 || this.myPulse != null || this.partnerPulse != null
					|| this.talks > 0;
		}

		/** The gap between his view and hers, when both are there. */
		public Double pulseGap() {
			return (this.myPulse == null || this.partnerPulse == null) ? null
					: Math.round(10.0 * (this.myPulse - this.partnerPulse)) / 10.0;
		}

	}

}
