package app.steadfast.library;

/**
 * Reading time at an unhurried 200 words a minute, never less than one minute.
 */
final class ReadingTime {

	static final int WORDS_PER_MINUTE = 200;

	private ReadingTime() {
	}

	static int minutes(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return 1;
		}
		int words = markdown.strip().split("\\s+").length;
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

}
