package app.steadfast.repair;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.steadfast.RandomText;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The excuse check, rules and sentence model both, against two hundred random texts from
 * all of Unicode (see {@link RandomText}), three of them up to 20,000 characters: it
 * never throws, and every mark lies inside the text, in order, without cutting a
 * character in half, and never overlaps another of its category. The seed is printed;
 * {@code -Dsteadfast.seed=N} replays a run.
 */
class ExcuseCheckPropertyTests {

	private static ExcuseCheck check;

	@BeforeAll
	static void loadModel() {
		check = ExcuseCheck.shipped().withModel(SentenceModel.loaded(Duration.ofMinutes(2)));
		assertThat(check.modelReady()).isTrue();
	}

	@Test
	void anyTextIsMarkedOnlyInsideItself() {
		System.out.println("ExcuseCheckPropertyTests: seed " + RandomText.SEED + " (replay with -Dsteadfast.seed="
				+ RandomText.SEED + ")");
		List<String> samples = RandomText.samples(RandomText.SEED, 200, 3, 250);
		for (int i = 0; i < samples.size(); i++) {
			String text = samples.get(i);
			String where = "seed " + RandomText.SEED + ", sample " + i;

			List<ExcuseMark> marks = check.check(text);
			assertWithin(text, marks, where);
			assertWithin(text, check.checkByRules(text), where);
			List<ExcuseMark> byModel = check.checkByModel(text);
			assertWithin(text, byModel, where);
			List<Sentences.Span> sentences = Sentences.split(text);
			for (ExcuseMark mark : byModel) {
				assertThat(sentences).as("%s: %s is a whole sentence", where, mark)
					.contains(new Sentences.Span(mark.start(), mark.end()));
			}
		}
	}

	@Test
	void aQuotedSentenceEndingInALongRunOfCommasIsReadQuickly() {
		// Telling whether it was all quotation took time in the square of the run.
		String text = "\"a " + ",".repeat(100_000) + " b";
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThat(check.check(text)).isNotNull());
	}

	private static void assertWithin(String text, List<ExcuseMark> marks, String where) {
		Map<ExcuseCategory, Integer> reach = new EnumMap<>(ExcuseCategory.class);
		int previousStart = 0;
		for (ExcuseMark mark : marks) {
			assertThat(mark.start()).as("%s: %s", where, mark).isGreaterThanOrEqualTo(0).isLessThan(mark.end());
			assertThat(mark.end()).as("%s: %s", where, mark).isLessThanOrEqualTo(text.length());
			assertThat(mark.start()).as("%s: %s in order", where, mark).isGreaterThanOrEqualTo(previousStart);
			assertThat(cutsAPair(text, mark.start()) || cutsAPair(text, mark.end()))
				.as("%s: %s cuts a character in half", where, mark)
				.isFalse();
			assertThat(mark.start()).as("%s: %s overlaps another %s", where, mark, mark.category())
				.isGreaterThanOrEqualTo(reach.getOrDefault(mark.category(), 0));
			assertThat(mark.words(text)).isNotEmpty();
			reach.put(mark.category(), mark.end());
			previousStart = mark.start();
		}
	}

	private static boolean cutsAPair(String text, int at) {
		return at > 0 && at < text.length() && Character.isHighSurrogate(text.charAt(at - 1))
				&& Character.isLowSurrogate(text.charAt(at));
	}

}
