package app.steadfast.checkins;

import java.util.List;

/**
 * What the last weeks of check-ins show.
 *
 * @param weeks how many weeks it covers
 * @param checkIns how many check-ins fell in them
 * @param topWords the most frequent words, most first
 * @param intensityByFamily the average intensity of each family he named
 * @param timesOfDay how many check-ins fell in each part of the day
 * @param triggers words from what set feelings off, with the family they led to most
 */
public record CheckInSummary(int weeks, int checkIns, List<WordCount> topWords, List<FamilyIntensity> intensityByFamily,
		List<TimeOfDayCount> timesOfDay, List<TriggerLink> triggers) {

	/**
	 * A word and how often it was named.
	 *
	 * @param word the word
	 * @param count how many check-ins named it
	 */
	public record WordCount(String word, int count) {
	}

	/**
	 * A family's average intensity.
	 *
	 * @param family the family
	 * @param average the average intensity, one decimal
	 * @param count how many check-ins with an intensity it is over
	 */
	public record FamilyIntensity(String family, double average, int count) {
	}

	/**
	 * A part of the day and its check-ins.
	 *
	 * @param part night, morning, afternoon or evening
	 * @param count how many check-ins
	 */
	public record TimeOfDayCount(String part, int count) {
	}

	/**
	 * A word from what set feelings off, and the family it led to.
	 *
	 * @param word the word from the trigger notes
	 * @param family the primary family it came with most
	 * @param count how many check-ins had both
	 */
	public record TriggerLink(String word, String family, int count) {
	}

}
