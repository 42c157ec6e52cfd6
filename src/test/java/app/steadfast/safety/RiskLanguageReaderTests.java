package app.steadfast.safety;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.PointingClassifier;
import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk check reads each sentence with the sentence model its classifier file names
 * (e5-small-v2 for the shipped one), not with another model. A classifier that leans to a
 * risk only for one model's reading of a plain sentence finds it in that sentence when
 * its file names that model, and not when the same weights name the other model.
 */
class RiskLanguageReaderTests {

	private static final SentenceModel.Reader MINILM = SentenceModel.Reader.named("all-minilm-l6-v2-q");

	private static final SentenceModel.Reader E5 = SentenceModel.Reader.named("e5-small-v2-q");

	private static final String SENTENCE = "The weather turned cold on the drive home.";

	private static final List<String> LABELS = List.of("NONE", "SUICIDE", "SELF_HARM", "HARM_TO_OTHERS");

	private static SentenceModel model;

	@BeforeAll
	static void loadModels() {
		// The other reader is not shipped: load it too, so this class does not depend on
		// another having loaded it first.
		SentenceModel.loaded(MINILM, Duration.ofMinutes(3));
		model = SentenceModel.loaded(Duration.ofMinutes(3));
	}

	@Test
	void theShippedClassifierReadsWithE5() {
		SentenceClassifier shipped = SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL);

		assertThat(shipped.reader()).isEqualTo(E5);
		assertThat(new RiskLanguage((event) -> {
		}, model, shipped).modelReady()).isTrue();
	}

	@Test
	void aSentenceIsReadWithTheModelTheClassifierNames() {
		String unit = RiskText.normalise(SENTENCE);
		float[] byMiniLm = model.embed(MINILM, List.of(unit)).orElseThrow().get(0);
		float[] byE5 = model.embed(E5, List.of(unit)).orElseThrow().get(0);
		// The same weights, pointing at all-MiniLM-L6-v2's reading of the sentence, said
		// to
		// be trained on each model's readings; the "possible" threshold halfway between
		// what each model's reading scores.
		double miniLmScores = risk(PointingClassifier.of(MINILM, byMiniLm, LABELS, "SELF_HARM", Map.of()), byMiniLm);
		double e5Scores = risk(PointingClassifier.of(E5, byMiniLm, LABELS, "SELF_HARM", Map.of()), byE5);
		assertThat(miniLmScores - e5Scores).as("the two models' readings score apart").isGreaterThan(0.5);
		Map<String, Double> settings = Map.of("possible", (miniLmScores + e5Scores) / 2, "clear", 1.0);
		RiskLanguage rules = new RiskLanguage((event) -> {
		});
		assertThat(rules.check(SENTENCE).hit()).as("no rule finds risk in the sentence").isFalse();

		RiskLanguage namingMiniLm = new RiskLanguage((event) -> {
		}, model, PointingClassifier.of(MINILM, byMiniLm, LABELS, "SELF_HARM", settings));
		RiskLanguage namingE5 = new RiskLanguage((event) -> {
		}, model, PointingClassifier.of(E5, byMiniLm, LABELS, "SELF_HARM", settings));

		RiskCheck check = namingMiniLm.check(SENTENCE);
		assertThat(check.hit()).isTrue();
		assertThat(check.kinds()).containsExactly(RiskKind.SELF_HARM);
		assertThat(check.matchedRules()).containsExactly(RiskCheck.SENTENCE_MODEL);
		assertThat(namingE5.check(SENTENCE).hit()).isFalse();
	}

	// How much the classifier leans to any risk for this reading (what the check holds
	// against the "possible" threshold).
	private static double risk(SentenceClassifier classifier, float[] reading) {
		return 1 - classifier.probabilities(reading)[0];
	}

}
