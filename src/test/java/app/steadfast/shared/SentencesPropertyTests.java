package app.steadfast.shared;

import java.util.List;
import java.util.Locale;

import app.steadfast.RandomText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Sentences against six hundred random texts from all of Unicode (see
 * {@link RandomText}), thirty of them up to 20,000 characters: it never throws, every
 * span lies inside the text in order without cutting a character in half, and the
 * standard form is what it promises. The seed is printed; {@code -Dsteadfast.seed=N}
 * replays a run.
 */
class SentencesPropertyTests {

	@Test
	void anyTextIsCutIntoSpansInsideItAndPutInTheStandardForm() {
		System.out.println("SentencesPropertyTests: seed " + RandomText.SEED + " (replay with -Dsteadfast.seed="
				+ RandomText.SEED + ")");
		List<String> samples = RandomText.samples(RandomText.SEED, 600, 30, 2000);
		for (int i = 0; i < samples.size(); i++) {
			String text = samples.get(i);
			String where = "seed " + RandomText.SEED + ", sample " + i;

			List<Sentences.Span> spans = Sentences.split(text);
			int previousEnd = 0;
			for (Sentences.Span span : spans) {
				assertThat(span.start()).as("%s: %s starts after the last", where, span)
					.isGreaterThanOrEqualTo(previousEnd);
				assertThat(span.end()).as("%s: %s", where, span)
					.isGreaterThan(span.start())
					.isLessThanOrEqualTo(text.length());
				assertThat(cutsAPair(text, span.start()) || cutsAPair(text, span.end()))
					.as("%s: %s cuts a character in half", where, span)
					.isFalse();
				String words = span.of(text);
				assertThat(words).as("%s: %s is trimmed", where, span).isEqualTo(words.strip());
				assertThat(words.codePoints().anyMatch(Character::isLetterOrDigit))
					.as("%s: %s has a letter", where, span)
					.isTrue();
				assertThat(Sentences.words(words)).as("%s: %s is at most 40 words", where, span)
					.isLessThanOrEqualTo(40);
				previousEnd = span.end();
			}
			for (int c = 0; c < text.length(); c++) {
				if (!Character.isSurrogate(text.charAt(c)) && Character.isLetterOrDigit(text.charAt(c))) {
					int at = c;
					assertThat(spans).as("%s: the letter at %d is in a sentence", where, c)
						.anyMatch((span) -> span.start() <= at && at < span.end());
				}
			}

			String normalised = Sentences.normalise(text);
			assertThat(normalised).as("%s: stripped", where).isEqualTo(normalised.strip());
			assertThat(normalised).as("%s: lower case", where).isEqualTo(normalised.toLowerCase(Locale.ROOT));
			assertThat(normalised).as("%s: single spaces", where).doesNotContain("  ");
			assertThat(normalised.codePoints()
				.noneMatch((cp) -> Character.getType(cp) == Character.CONTROL
						|| Character.getType(cp) == Character.FORMAT))
				.as("%s: no control or invisible characters", where)
				.isTrue();
			assertThat(Sentences.words(text)).as(where).isBetween(0, text.length());
		}
	}

	@Test
	void aLongRunOfDotsOrCommasIsReadInTimeLinearInItsLength() {
		// Each took time in the square of its length: about 25 s and 65 s at this size.
		String dots = ".".repeat(100_000) + "x";
		String commas = "word ".repeat(41) + ",".repeat(100_000);
		assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
			assertThat(Sentences.split(dots)).hasSize(1);
			assertThat(Sentences.split(commas)).hasSize(2);
		});
	}

	@Test
	void aLetterUnderAHugeStackOfMarksIsNormalisedQuickly() {
		String zalgo = ("a" + "\u0301\u0302\u0303\u0304".repeat(50) + " ").repeat(2000);
		assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
			assertThat(Sentences.normalise(zalgo))
				.startsWith("\u00e1\u0302\u0303\u0304\u0301\u0302\u0303\u0304\u0301 ");
		});
	}

	private static boolean cutsAPair(String text, int at) {
		return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
				&& Character.isLowSurrogate(text.charAt(at));
	}

}
