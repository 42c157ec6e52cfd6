package app.steadfast.repair;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import app.steadfast.RandomText;
import app.steadfast.shared.LanguageChecksBenchmark;
import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The excuse check, rules and sentence model both, against 150 random texts from all of
 * Unicode (see {@link RandomText}), two of them up to 20,000 characters: it never throws,
 * and every mark lies inside the text, in order, without cutting a character in half, and
 * never overlaps another of its category. The seed is printed; {@code -Dsteadfast.seed=N}
 * replays a run.
 */
class ExcuseCheckPropertyTests {

	private static final ExcuseCheck rules = ExcuseCheck.shipped();

	private static SentenceModel model;

	private static SentenceClassifier classifier;

	private static final Path EVALUATION = Path.of("src/test/resources/language/excuse-evaluation.tsv");

	private static ExcuseCheck check;

	@BeforeAll
	static void loadModel() {
		classifier = SentenceClassifier.read(ExcuseCheck.SHIPPED_MODEL);
		model = SentenceModel.loaded(classifier.reader(), Duration.ofMinutes(2));
		check = rules.withModel(model, classifier);
		assertThat(check.modelReady()).isTrue();
	}

	@Test
	void anyTextIsMarkedOnlyInsideItself() {
		System.out.println("ExcuseCheckPropertyTests: seed " + RandomText.SEED + " (replay with -Dsteadfast.seed="
				+ RandomText.SEED + ")");
		List<String> samples = RandomText.samples(RandomText.SEED, 150, 2, 200);
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
	void aStatementCheckedAgainAfterAnEditIsMarkedAsAFirstCheckMarksIt() throws IOException {
		// Sentences read before are remembered by the check; an edited one must not be.
		String statement = LanguageChecksBenchmark.prose(EVALUATION, (row) -> true, 300, RandomText.SEED);
		List<Sentences.Span> sentences = Sentences.split(statement);
		List<String> replacements = List.of("It was only once.", "I take full responsibility for it.",
				"You drove me to it.", "We went to the park.", "\"It was nothing,\" I told her.",
				"Mistakes were made.");
		check.check(statement);
		Random random = new Random(RandomText.SEED);
		for (int edit = 0; edit < 12; edit++) {
			Sentences.Span sentence = sentences.get(random.nextInt(sentences.size()));
			String replacement = replacements.get(random.nextInt(replacements.size()));
			String edited = statement.substring(0, sentence.start()) + replacement
					+ statement.substring(sentence.end());
			ExcuseCheck first = rules.withModel(model, classifier);
			assertThat(check.check(edited)).as("seed %d, edit %d", RandomText.SEED, edit)
				.isEqualTo(first.check(edited));
			assertThat(check.checkByModel(statement)).as("seed %d, edit %d", RandomText.SEED, edit)
				.isEqualTo(first.checkByModel(statement));
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
