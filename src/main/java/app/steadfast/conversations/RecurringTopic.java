package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One of his topics that keeps coming back, with the dates that show it.
 *
 * @param topic the topic (after merges)
 * @param name its current name, in his words
 * @param kinds why it counts as recurring
 * @param since the first day counted: the first talk of the last four weeks, or the talk
 * he marked resolved, whichever is earlier
 * @param dates the day of every talk on it since then, oldest first
 * @param resolvedOn the day of the talk he marked resolved before it came back, or
 * {@code null}
 */
public record RecurringTopic(TopicId topic, String name, Set<RecurrenceKind> kinds, LocalDate since,
		List<LocalDate> dates, LocalDate resolvedOn) {

	private static final String[] ORDINALS = { "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
			"eighth", "ninth", "tenth" };

	/** How many talks on it since {@link #since}. */
	public int count() {
		return this.dates.size();
	}

	/** The count as a word: "third", "fourth", ... then "11th". */
	public String ordinal() {
		int n = count();
		if (n >= 1 && n <= ORDINALS.length) {
			return ORDINALS[n - 1];
		}
		int lastTwo = n % 100;
		String suffix = (lastTwo >= 11 && lastTwo <= 13) ? "th" : switch (n % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return n + suffix;
	}

	/** Whether it came back after he marked it resolved. */
	public boolean cameBack() {
		return this.kinds.contains(RecurrenceKind.CAME_BACK);
	}

	/** Whether it came up three or more times in four weeks. */
	public boolean frequent() {
		return this.kinds.contains(RecurrenceKind.FREQUENT);
	}

}
