package app.steadfast.safety;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.steadfast.RandomText;
import app.steadfast.shared.LanguageChecksBenchmark;
import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk check, rules and sentence model both, against 150 random texts from all of
 * Unicode (see {@link RandomText}), two of them up to 20,000 characters: it never throws,
 * and what it answers is consistent (a hit has kinds and a confidence, names only rules
 * that exist, and holds what each layer found, unless the model set the rules' hit aside
 * as plainly clean, when it is the model's answer alone). The seed is printed;
 * {@code -Dsteadfast.seed=N} replays a run.
 */
class RiskLanguagePropertyTests {

	private static RiskLanguage language;

	private static final List<Object> published = new ArrayList<>();

	private static SentenceModel model;

	private static SentenceClassifier classifier;

	@BeforeAll
	static void loadModel() {
		classifier = SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL);
		model = SentenceModel.loaded(classifier.reader(), Duration.ofMinutes(2));
		language = new RiskLanguage(published::add, model, classifier);
		assertThat(language.modelReady()).isTrue();
	}

	@Test
	void anEntryCheckedAgainAfterAnEditIsReadAsAFirstCheckReadsIt() throws IOException {
		// Sentences read before are remembered by the check; an edited one must not be.
		Path evaluation = Path.of("src/test/resources/language/risk-evaluation.tsv");
		String entry = LanguageChecksBenchmark.prose(evaluation, (row) -> true, 200, RandomText.SEED);
		String note = "Long day at work. I want to die.";
		List<String> replacements = List.of("I want to die.", "I would never hurt myself.", "We went to the park.",
				"Part of me wants to end it all.", "I said no. Then I went home.");
		language.check(entry);
		language.check(note);
		Random random = new Random(RandomText.SEED);
		for (int edit = 0; edit < 12; edit++) {
			String text = (edit % 2 == 0) ? entry : note;
			List<Sentences.Span> sentences = Sentences.split(text);
			Sentences.Span sentence = sentences.get(random.nextInt(sentences.size()));
			String edited = text.substring(0, sentence.start()) + replacements.get(random.nextInt(replacements.size()))
					+ text.substring(sentence.end());
			RiskLanguage first = new RiskLanguage((event) -> {
			}, model, classifier);
			assertThat(language.check(edited)).as("seed %d, edit %d: %s", RandomText.SEED, edit, edited)
				.isEqualTo(first.check(edited));
		}
	}

	@Test
	void anyTextIsCheckedWithoutThrowingAndTheAnswerHoldsTogether() {
		System.out.println("RiskLanguagePropertyTests: seed " + RandomText.SEED + " (replay with -Dsteadfast.seed="
				+ RandomText.SEED + ")");
		List<String> samples = RandomText.samples(RandomText.SEED, 150, 2, 200);
		List<String> known = new ArrayList<>(language.rules().ids());
		known.add(RiskCheck.SENTENCE_MODEL);
		for (int i = 0; i < samples.size(); i++) {
			String text = samples.get(i);
			String where = "seed " + RandomText.SEED + ", sample " + i;

			RiskCheck check = language.check(text);
			RiskCheck rules = language.checkByRules(text);
			RiskCheck model = language.checkByModel(text);

			assertThat(check.hit()).as(where).isEqualTo(!check.kinds().isEmpty());
			assertThat(check.confidence() != null).as(where).isEqualTo(check.hit());
			assertThat(known).as(where).containsAll(check.matchedRules());
			assertThat(check.kinds()).as(where).containsAll(model.kinds());
			boolean rulesKept = check.matchedRules().stream().anyMatch(rules.matchedRules()::contains);
			if (rules.hit() && rulesKept) {
				assertThat(check.kinds()).as(where).containsAll(rules.kinds());
				assertThat(check.confidence()).as(where).isEqualTo(RiskConfidence.CLEAR);
			}
			else if (rules.hit()) {
				// The model read every sentence as plainly clean and set the rules' hit
				// aside: the answer is then the model's alone.
				assertThat(check).as(where).isEqualTo(model);
			}
			published.clear();
			RiskCheck reported = language.checkAndReport(text, UUID.randomUUID(), RiskSource.JOURNAL,
					UUID.randomUUID());
			assertThat(reported).as(where).isEqualTo(check);
			assertThat(published).as(where).hasSize(check.hit() ? 1 : 0);
		}
	}

}
