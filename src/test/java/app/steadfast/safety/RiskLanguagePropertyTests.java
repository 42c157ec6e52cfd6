package app.steadfast.safety;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.steadfast.RandomText;
import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk check, rules and sentence model both, against two hundred random texts from
 * all of Unicode (see {@link RandomText}), three of them up to 20,000 characters: it
 * never throws, and what it answers is consistent (a hit has kinds and a confidence,
 * names only rules that exist, and holds what each layer found). The seed is printed;
 * {@code -Dsteadfast.seed=N} replays a run.
 */
class RiskLanguagePropertyTests {

	private static RiskLanguage language;

	private static final List<Object> published = new ArrayList<>();

	@BeforeAll
	static void loadModel() {
		language = new RiskLanguage(published::add, SentenceModel.loaded(Duration.ofMinutes(2)),
				SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL));
		assertThat(language.modelReady()).isTrue();
	}

	@Test
	void anyTextIsCheckedWithoutThrowingAndTheAnswerHoldsTogether() {
		System.out.println("RiskLanguagePropertyTests: seed " + RandomText.SEED + " (replay with -Dsteadfast.seed="
				+ RandomText.SEED + ")");
		List<String> samples = RandomText.samples(RandomText.SEED, 200, 3, 250);
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
			assertThat(check.kinds()).as(where).containsAll(rules.kinds()).containsAll(model.kinds());
			if (rules.hit()) {
				assertThat(check.confidence()).as(where).isEqualTo(RiskConfidence.CLEAR);
			}
			published.clear();
			RiskCheck reported = language.checkAndReport(text, UUID.randomUUID(), RiskSource.JOURNAL,
					UUID.randomUUID());
			assertThat(reported).as(where).isEqualTo(check);
			assertThat(published).as(where).hasSize(check.hit() ? 1 : 0);
		}
	}

}
