package app.steadfast.repair;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.PointingClassifier;
import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The excuse check reads each sentence with the sentence model its classifier file names
 * (e5-small-v2 for the shipped one), not with another model. A classifier that leans to
 * an excuse only for one model's reading of a plain sentence marks that sentence when its
 * file names that model, and not when the same weights name the other model.
 */
class ExcuseCheckReaderTests {

	private static final SentenceModel.Reader MINILM = SentenceModel.Reader.named("all-minilm-l6-v2-q");

	private static final SentenceModel.Reader E5 = SentenceModel.Reader.named("e5-small-v2-q");

	private static final String SENTENCE = "The weather turned cold on the drive home.";

	private static final List<String> LABELS = List.of("NONE", "OWNERSHIP", "MINIMIZING");

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
		SentenceClassifier shipped = SentenceClassifier.read(ExcuseCheck.SHIPPED_MODEL);

		assertThat(shipped.reader()).isEqualTo(E5);
		assertThat(ExcuseCheck.shipped().withModel(model, shipped).modelReady()).isTrue();
	}

	@Test
	void aSentenceIsReadWithTheModelTheClassifierNames() {
		String unit = Sentences.normalise(SENTENCE);
		float[] byE5 = model.embed(E5, List.of(unit)).orElseThrow().get(0);
		float[] byMiniLm = model.embed(MINILM, List.of(unit)).orElseThrow().get(0);
		// The same weights, pointing at e5's reading of the sentence, said to be trained
		// on
		// each model's readings; the warning threshold halfway between what each model's
		// reading scores.
		double e5Scores = excuseShare(PointingClassifier.of(E5, byE5, LABELS, "MINIMIZING", Map.of()), byE5);
		double miniLmScores = excuseShare(PointingClassifier.of(MINILM, byE5, LABELS, "MINIMIZING", Map.of()),
				byMiniLm);
		assertThat(e5Scores - miniLmScores).as("the two models' readings score apart").isGreaterThan(0.5);
		Map<String, Double> settings = Map.of("warning", (e5Scores + miniLmScores) / 2);
		ExcuseCheck rules = ExcuseCheck.shipped();
		assertThat(rules.checkByRules(SENTENCE)).as("no rule marks the sentence").isEmpty();

		ExcuseCheck namingE5 = rules.withModel(model, PointingClassifier.of(E5, byE5, LABELS, "MINIMIZING", settings));
		ExcuseCheck namingMiniLm = rules.withModel(model,
				PointingClassifier.of(MINILM, byE5, LABELS, "MINIMIZING", settings));

		assertThat(namingE5.check(SENTENCE)).singleElement()
			.satisfies((mark) -> assertThat(mark.rule()).isEqualTo(ExcuseCheck.SENTENCE_MODEL))
			.satisfies((mark) -> assertThat(mark.category()).isEqualTo(ExcuseCategory.MINIMIZING));
		assertThat(namingMiniLm.check(SENTENCE)).isEmpty();
	}

	// How much the classifier leans to an excuse for this reading (what the check holds
	// against the warning threshold).
	private static double excuseShare(SentenceClassifier classifier, float[] reading) {
		float[] p = classifier.probabilities(reading);
		return 1 - p[0] - p[1];
	}

}
