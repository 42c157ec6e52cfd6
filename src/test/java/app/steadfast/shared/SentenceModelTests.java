package app.steadfast.shared;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sentence models' readings: one per sentence, in order, of unit length; a sentence
 * that repeats is read once, and a sentence a model read before is not read again by it.
 * Each shipped model reads apart from the other, and remembers its own readings.
 */
class SentenceModelTests {

	private static final SentenceModel.Reader MINILM = SentenceModel.Reader.named("all-minilm-l6-v2-q");

	private static final SentenceModel.Reader E5 = SentenceModel.Reader.named("e5-small-v2-q");

	@Test
	void aSentenceThatRepeatsIsReadOnceAndRemembered() {
		SentenceModel model = SentenceModel.loaded(MINILM, Duration.ofMinutes(2));
		model.forget();

		List<float[]> readings = model.embed(MINILM, List.of("i kept my word.", "she noticed.", "i kept my word."))
			.orElseThrow();

		assertThat(readings).hasSize(3);
		assertThat(readings.get(2)).as("the repeat is the same reading, not a second one").isSameAs(readings.get(0));
		assertThat(readings.get(1)).isNotEqualTo(readings.get(0));
		assertThat(readings.get(1)).hasSize(MINILM.dimensions());
		assertThat(length(readings.get(1))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		assertThat(model.embed(MINILM, List.of("she noticed.")).orElseThrow().get(0)).as("remembered")
			.isSameAs(readings.get(1));
	}

	@Test
	void twoModelsReadWithTheirOwnReadingsAndRememberThemApart() {
		// all-MiniLM-L6-v2 no longer ships (both checks read with e5-small-v2), but a
		// classifier file may name it, and the training tools read with it.
		SentenceModel.loaded(MINILM, Duration.ofMinutes(3));
		SentenceModel model = SentenceModel.loaded(Duration.ofMinutes(3));
		model.forget();
		List<String> sentences = List.of("i kept my word.", "she noticed.");

		float[] byMiniLm = model.embed(MINILM, sentences).orElseThrow().get(1);
		float[] byE5 = model.embed(E5, sentences).orElseThrow().get(1);

		assertThat(byE5).hasSize(E5.dimensions());
		assertThat(length(byE5)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		// The same sentence, read by two models: two unrelated sets of numbers, each
		// remembered for its own model.
		assertThat(byE5).isNotSameAs(byMiniLm);
		assertThat(dot(byMiniLm, byE5)).as("one model's reading is not the other's").isLessThan(0.9);
		assertThat(model.embed(E5, List.of("she noticed.")).orElseThrow().get(0)).as("remembered for e5")
			.isSameAs(byE5);
		assertThat(model.embed(MINILM, List.of("she noticed.")).orElseThrow().get(0)).as("remembered for MiniLM")
			.isSameAs(byMiniLm);
	}

	@Test
	void theShippedModelIsE5ForBothChecks() {
		assertThat(SentenceModel.SHIPPED).containsExactly(E5);
	}

	@Test
	void aModelNoOneKnowsIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> SentenceModel.Reader.named("gpt-5"))
			.withMessageContaining("gpt-5")
			.withMessageContaining("e5-small-v2-q");
	}

	@Test
	void aModelTurnedOffReadsNothing() {
		SentenceModel.loaded(MINILM, Duration.ofMinutes(2));
		SentenceModel off = new SentenceModel(false);

		assertThat(off.ready(MINILM)).isFalse();
		assertThat(off.embed(MINILM, List.of("i kept my word."))).isEmpty();
	}

	private static double length(float[] reading) {
		return Math.sqrt(dot(reading, reading));
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
