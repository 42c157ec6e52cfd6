package app.steadfast.insights;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One plain paragraph per chart, written from the numbers alone: what went up, what went
 * down, what held, without praise or blame.
 */
final class Readings {

	/**
	 * A change smaller than this many points (percent or tenths) reads as "held steady".
	 */
	private static final double STEADY_PERCENT = 5;

	private static final double STEADY_SCALE = 0.3;

	private Readings() {
	}

	static String promises(List<Progress.WeekRow> weeks) {
		List<Progress.WeekRow> due = weeks.stream().filter((w) -> w.due() > 0).toList();
		if (due.isEmpty()) {
			return "No promises were due in these weeks. One small, checkable commitment is a good place to start.";
		}
		int kept = due.stream().mapToInt(Progress.WeekRow::kept).sum();
		int total = due.stream().mapToInt(Progress.WeekRow::due).sum();
		StringBuilder reading = new StringBuilder();
		if (due.size() >= 2) {
			int half = Math.max(1, due.size() / 2);
			double before = percent(due.subList(0, half));
			double after = percent(due.subList(due.size() - half, due.size()));
			String trend = (Math.abs(after - before) < STEADY_PERCENT) ? "held steady at about %.0f%%".formatted(after)
					: ((after > before) ? "rose" : "fell") + " from %.0f%% to %.0f%%".formatted(before, after);
			reading.append("Promises kept %s over %d weeks with something due. ".formatted(trend, due.size()));
		}
		reading.append("In all, %d of %d due days were kept.".formatted(kept, total));
		int confirmed = due.stream().mapToInt(Progress.WeekRow::confirmed).sum();
		int differently = due.stream().mapToInt(Progress.WeekRow::sawDifferently).sum();
		if (confirmed + differently > 0) {
			reading.append(" Your partner looked at %d of those days: %s".formatted(confirmed + differently,
					(differently == 0) ? "they saw every one of them kept." : (confirmed >= differently)
							? "they saw %d kept and %d differently; where you differ is worth a calm conversation."
								.formatted(confirmed, differently)
							: "they saw more of them differently (%d) than kept (%d). Their view matters as much as your record."
								.formatted(differently, confirmed)));
		}
		return reading.toString();
	}

	static String feelings(List<Progress.WeekRow> weeks) {
		int checkIns = weeks.stream().mapToInt(Progress.WeekRow::checkIns).sum();
		if (checkIns == 0) {
			return "No check-ins in these weeks. Naming what you feel, even once a day, is how the patterns start to show.";
		}
		Map<String, Long> top = weeks.stream()
			.map(Progress.WeekRow::topFamily)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		String family = top.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
		StringBuilder reading = new StringBuilder(
				"You checked in %d %s %s.".formatted(checkIns, (checkIns == 1) ? "time" : "times", over(weeks)));
		if (family != null) {
			reading.append(" The feeling you named most often was %s.".formatted(family.toLowerCase(Locale.ROOT)));
		}
		List<Progress.WeekRow> rated = weeks.stream().filter((w) -> w.averageIntensity() != null).toList();
		if (rated.size() >= 2) {
			int half = Math.max(1, rated.size() / 2);
			double before = rated.subList(0, half)
				.stream()
				.mapToDouble(Progress.WeekRow::averageIntensity)
				.average()
				.orElse(0);
			double after = rated.subList(rated.size() - half, rated.size())
				.stream()
				.mapToDouble(Progress.WeekRow::averageIntensity)
				.average()
				.orElse(0);
			reading.append((Math.abs(after - before) < STEADY_SCALE)
					? " How strongly you felt things stayed about the same, around %.1f out of 10.".formatted(after)
					: " How strongly you felt things %s from %.1f to %.1f out of 10."
						.formatted((after < before) ? "eased" : "rose", before, after));
		}
		return reading.toString();
	}

	/**
	 * Promises, on the partner's own page: his to keep, hers to see where he shares them.
	 */
	static final String PARTNERS_PROMISES = "Promises here are your partner's to keep. Where they share them with you, "
			+ "you can see each day and say what you saw.";

	/** Hard conversations, on the partner's own page. */
	static final String PARTNERS_TALKS = "Your partner logs their hard conversations. Where they share the log with you, "
			+ "you can read it and add how a talk went for you.";

	/**
	 * The pulse on the partner's own page: her scores rate him, and his shared weeks are
	 * how he rates himself.
	 */
	static String partnersPulse(List<Progress.WeekRow> weeks) {
		Progress.WeekRow both = null;
		for (Progress.WeekRow w : weeks) {
			if (w.pulseGap() != null) {
				both = w;
			}
		}
		if (both != null) {
			double gap = both.pulseGap();
			String where = (Math.abs(gap) < STEADY_SCALE) ? "Your views are close."
					: (gap < 0)
							? "Your partner sees themselves more kindly than you see them right now. "
									+ "Your view is yours, and it counts."
							: "You see your partner more kindly than they see themselves.";
			return "In the latest week you both answered, you rated your partner %.1f and they rated themselves %.1f out of 7. %s"
				.formatted(both.myPulse(), both.partnerPulse(), where);
		}
		if (weeks.stream().anyMatch((w) -> w.partnerPulse() != null)) {
			return "Your partner shared some weeks of their own pulse; answer yours in the same weeks to see both views side by side.";
		}
		if (weeks.stream().anyMatch((w) -> w.myPulse() != null)) {
			return "Your partner hasn't shared their own pulse in these weeks. Yours is here for you either way.";
		}
		// Her pulse is open to her whether or not she is linked.
		return "No weekly pulse in these weeks. It takes a minute once a week, and your answers stay yours.";
	}

	static String pulse(List<Progress.WeekRow> weeks, boolean own) {
		if (!own) {
			List<Progress.WeekRow> rated = weeks.stream().filter((w) -> w.myPulse() != null).toList();
			if (rated.isEmpty()) {
				return "No weekly pulse of his in these weeks. His partner's pulse is theirs and isn't part of this view.";
			}
			if (rated.size() == 1) {
				return "His own weekly pulse (how he rates himself, out of 7) was %.1f in the one week he answered it. His partner's pulse is theirs and isn't part of this view."
					.formatted(rated.get(0).myPulse());
			}
			return "His own weekly pulse (how he rates himself, out of 7) went from %.1f to %.1f over %d answered weeks. His partner's pulse is theirs and isn't part of this view."
				.formatted(rated.get(0).myPulse(), rated.get(rated.size() - 1).myPulse(), rated.size());
		}
		Progress.WeekRow both = null;
		for (Progress.WeekRow w : weeks) {
			if (w.pulseGap() != null) {
				both = w;
			}
		}
		boolean hers = weeks.stream().anyMatch((w) -> w.partnerPulse() != null);
		boolean mine = weeks.stream().anyMatch((w) -> w.myPulse() != null);
		if (both != null) {
			double gap = both.pulseGap();
			String where = (Math.abs(gap) < STEADY_SCALE) ? "Your views are close." : (gap > 0)
					? "You see yourself more kindly than your partner does right now; that gap is where the work is."
					: "Your partner sees you more kindly than you see yourself.";
			return "In the latest week you both answered, you rated yourself %.1f and your partner rated you %.1f out of 7. %s"
				.formatted(both.myPulse(), both.partnerPulse(), where);
		}
		if (hers) {
			return "Your partner shared some weeks of their pulse; answer yours in the same weeks to see both views side by side.";
		}
		if (mine) {
			return "Your partner hasn't shared a pulse in these weeks. That's their choice, and it can change.";
		}
		return "No weekly pulse in these weeks. While you and your partner are linked, it takes a minute once a week.";
	}

	static String talks(List<Progress.WeekRow> weeks) {
		List<Progress.WeekRow> talked = weeks.stream().filter((w) -> w.talks() > 0).toList();
		if (talked.isEmpty()) {
			return "No hard conversations logged in these weeks. After the next one, a minute of honest notes shows you what helps.";
		}
		int talks = talked.stream().mapToInt(Progress.WeekRow::talks).sum();
		int escalated = talked.stream().mapToInt(Progress.WeekRow::escalated).sum();
		StringBuilder reading = new StringBuilder(
				"You logged %d hard %s %s; %s.".formatted(talks, (talks == 1) ? "conversation" : "conversations",
						over(weeks), (escalated == 0) ? "none escalated" : escalated + " escalated"));
		if (talked.size() >= 2) {
			int half = Math.max(1, talked.size() / 2);
			double before = talked.subList(0, half)
				.stream()
				.mapToDouble(Progress.WeekRow::averageDefensiveness)
				.average()
				.orElse(0);
			double after = talked.subList(talked.size() - half, talked.size())
				.stream()
				.mapToDouble(Progress.WeekRow::averageDefensiveness)
				.average()
				.orElse(0);
			reading.append((Math.abs(after - before) < STEADY_SCALE)
					? " How defensive you got held at about %.1f out of 5.".formatted(after)
					: " How defensive you got %s from %.1f to %.1f out of 5."
						.formatted((after < before) ? "eased" : "rose", before, after));
		}
		return reading.toString();
	}

	static String questions(int asked, int answered, int waiting, int overdue, long oldest) {
		if (asked == 0 && waiting == 0) {
			return "Your partner hasn't asked anything in these weeks. When they do, an honest answer, even a hard one, is how trust gets rebuilt.";
		}
		StringBuilder reading = new StringBuilder("Your partner asked %d %s in these weeks, and you answered %d."
			.formatted(asked, (asked == 1) ? "question" : "questions", answered));
		if (waiting > 0) {
			reading.append(" %d still %s for you; the oldest has waited %d %s.".formatted(waiting,
					(waiting == 1) ? "waits" : "wait", oldest, (oldest == 1) ? "day" : "days"));
		}
		if (overdue > 0) {
			reading.append(" %d %s past the date you gave. Say so, and give a new date you can keep.".formatted(overdue,
					(overdue == 1) ? "is" : "are"));
		}
		return reading.toString();
	}

	/**
	 * "over 5 weeks", or "this week" when the only week shown is the one under way (his
	 * first week, most often).
	 */
	static String over(List<Progress.WeekRow> weeks) {
		if (weeks.size() == 1) {
			return weeks.get(0).current() ? "this week" : "in one week";
		}
		return "over %d weeks".formatted(weeks.size());
	}

	/** "1 week" or "5 weeks". */
	static String weeks(int count) {
		return (count == 1) ? "1 week" : count + " weeks";
	}

	private static double percent(List<Progress.WeekRow> weeks) {
		int due = weeks.stream().mapToInt(Progress.WeekRow::due).sum();
		int kept = weeks.stream().mapToInt(Progress.WeekRow::kept).sum();
		return (due == 0) ? 0 : 100.0 * kept / due;
	}

}
