package app.steadfast.shared;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * The training rows a classifier asks: the nearest ones vote by the angle between
 * readings, the vote blends with the layers' probabilities by the weight the file gives,
 * and a file with examples is written and read back the same.
 */
class NearestExamplesTests {

	private static final SentenceModel.Reader E5 = SentenceModel.Reader.named("e5-small-v2-q");

	private static float[] pointing(int dimension, float... rest) {
		float[] reading = new float[384];
		reading[dimension] = 1;
		for (int i = 0; i < rest.length; i++) {
			reading[(dimension + 1 + i) % 384] = rest[i];
		}
		return reading;
	}

	@Test
	void theNearestExamplesVoteAndTheNearerWeighMore() {
		// Two examples of label 1 near the way of dimension 0, one of label 2 a little
		// nearer, and one of label 0 far away.
		NearestExamples examples = NearestExamples.of(
				new float[][] { pointing(0, 0.3f), pointing(0, 0.35f), pointing(0, 0.1f), pointing(200) },
				new int[] { 1, 1, 2, 0 });

		float[] all = examples.vote(pointing(0), 3, 4, 0.05);
		float[] nearest = examples.vote(pointing(0), 3, 1, 0.05);
		float[] two = examples.vote(pointing(0), 3, 2, 0.05);

		assertThat(nearest).containsExactly(0f, 0f, 1f);
		// With two, the label-2 example is nearer and weighs more than the label-1 one.
		assertThat(two[2]).isGreaterThan(two[1]).isGreaterThan(0f);
		assertThat(two[0]).isZero();
		// The far example (cosine 0) weighs next to nothing at temperature 0.05.
		assertThat(all[0]).isLessThan(0.001f);
		assertThat(all[0] + all[1] + all[2]).isCloseTo(1f, within(1e-5f));
	}

	@Test
	void theVoteReadsTheAngleNotTheLength() {
		NearestExamples examples = NearestExamples.of(new float[][] { pointing(0), pointing(5) }, new int[] { 1, 2 });
		float[] longer = pointing(5);
		longer[5] = 40;

		assertThat(examples.vote(longer, 3, 1, 0.05)).containsExactly(0f, 0f, 1f);
		assertThat(examples.vote(pointing(5), 3, 1, 0.05)).containsExactly(0f, 0f, 1f);
	}

	@Test
	void moreNeighboursThanExamplesAskAllOfThem() {
		NearestExamples examples = NearestExamples.of(new float[][] { pointing(0), pointing(1) }, new int[] { 0, 1 });

		float[] vote = examples.vote(pointing(0), 2, 10, 1);

		assertThat(vote[0]).isGreaterThan(vote[1]);
		assertThat(vote[0] + vote[1]).isCloseTo(1f, within(1e-5f));
	}

	@Test
	void aReadingOfAnotherSizeIsRefused() {
		NearestExamples examples = NearestExamples.of(new float[][] { pointing(0) }, new int[] { 0 });

		assertThatIllegalArgumentException().isThrownBy(() -> examples.vote(new float[10], 2, 1, 0.05));
		assertThatIllegalArgumentException().isThrownBy(() -> NearestExamples.of(new float[0][], new int[0]));
	}

	private static SentenceClassifier tiny() {
		// Layers that say label 1 for everything.
		float[][] weights = new float[2][384];
		SentenceClassifier.Layer layer = new SentenceClassifier.Layer(weights, new float[] { 0, 10 }, true);
		return new SentenceClassifier(E5, List.of("NONE", "RISK"), List.of(layer), java.util.Map.of("grams", 0.0));
	}

	@Test
	void blendedWeighsTheVoteBesideTheLayersAndWithoutExamplesIsTheLayers() {
		SentenceClassifier layers = tiny();
		SentenceClassifier asking = layers
			.withNearest(NearestExamples.of(new float[][] { pointing(0) }, new int[] { 0 }), 1, 0.3, 0.05);
		SentenceClassifier.Input input = new SentenceClassifier.Input(pointing(0), new int[0], 0);

		float[] alone = layers.probabilities(input);
		assertThat(layers.blended(input)).containsExactly(alone);
		assertThat(asking.probabilities(input)).containsExactly(alone);
		// The one example says NONE: 0.7 of the layers' NONE (near 0) plus 0.3.
		assertThat(asking.blended(input)[0]).isCloseTo(0.7f * alone[0] + 0.3f, within(1e-5f));
		assertThat(asking.settings()).containsEntry("nearest-k", 1.0)
			.containsEntry("nearest-weight", 0.3)
			.containsEntry("nearest-temperature", 0.05);
		// A setting added later keeps the examples.
		assertThat(asking.with("possible", 0.9).blended(input)).containsExactly(asking.blended(input));
	}

	@Test
	void aFileWithExamplesIsWrittenAndReadBackTheSame() {
		Random random = new Random(7);
		float[][] readings = new float[50][384];
		int[] labels = new int[50];
		for (int i = 0; i < readings.length; i++) {
			for (int d = 0; d < 384; d++) {
				readings[i][d] = (float) random.nextGaussian();
			}
			labels[i] = random.nextInt(2);
		}
		SentenceClassifier asking = tiny().withNearest(NearestExamples.of(readings, labels), 5, 0.5, 0.05)
			.with("possible", 0.9);

		String written = asking.write("with examples");
		SentenceClassifier read = SentenceClassifier.parse(written, "with examples");

		assertThat(read.write("with examples")).isEqualTo(written);
		assertThat(read.nearest()).isPresent();
		assertThat(read.nearest().orElseThrow().size()).isEqualTo(50);
		for (float[] reading : readings) {
			SentenceClassifier.Input input = new SentenceClassifier.Input(reading, new int[0], 0);
			assertThat(read.blended(input)).containsExactly(asking.blended(input));
		}
		// Each example's reading is kept close enough that it is its own nearest.
		for (int i = 0; i < readings.length; i++) {
			assertThat(read.nearest().orElseThrow().vote(readings[i], 2, 1, 0.05)[labels[i]]).isEqualTo(1f);
		}
	}

	@Test
	void aFileWhoseExampleIsOfAnotherSizeIsRefused() {
		String written = tiny()
			.withNearest(NearestExamples.of(new float[][] { pointing(0) }, new int[] { 1 }), 1, 0.5, 0.05)
			.write("one example");
		String cut = written.replaceAll("(?m)^1 [A-Za-z0-9+/=]+$", "1 AAAA");

		assertThat(cut).isNotEqualTo(written);
		assertThatIllegalStateException().isThrownBy(() -> SentenceClassifier.parse(cut, "cut"))
			.withMessageContaining("example 1");
	}

}
