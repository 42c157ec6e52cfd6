package app.steadfast.shared;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence model's readings: one per sentence, in order, of unit length; a sentence
 * that repeats is read once, and a sentence read before is not read again.
 */
class SentenceModelTests {

	@Test
	void aSentenceThatRepeatsIsReadOnceAndRemembered() {
		SentenceModel model = SentenceModel.loaded(Duration.ofMinutes(2));
		model.forget();

		List<float[]> readings = model.embed(List.of("i kept my word.", "she noticed.", "i kept my word."))
			.orElseThrow();

		assertThat(readings).hasSize(3);
		assertThat(readings.get(2)).as("the repeat is the same reading, not a second one").isSameAs(readings.get(0));
		assertThat(readings.get(1)).isNotEqualTo(readings.get(0));
		double length = 0;
		for (float value : readings.get(1)) {
			length += value * value;
		}
		assertThat(readings.get(1)).hasSize(SentenceModel.DIMENSIONS);
		assertThat(Math.sqrt(length)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		assertThat(model.embed(List.of("she noticed.")).orElseThrow().get(0)).as("remembered")
			.isSameAs(readings.get(1));
	}

	@Test
	void aModelTurnedOffReadsNothing() {
		assertThat(new SentenceModel(false).embed(List.of("i kept my word."))).isEmpty();
	}

}
