package app.steadfast.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A weights file says which sentence model's readings it was trained on; one trained on
 * another model's readings, or of another size, or that does not say, is refused rather
 * than read as numbers that mean nothing.
 */
class SentenceClassifierTests {

	private static String file(String readerLine) {
		int d = SentenceModel.DIMENSIONS;
		StringBuilder out = new StringBuilder("# a tiny linear classifier\n").append(readerLine)
			.append("labels NONE RISK\nsetting grams 0.0\nlayer ")
			.append(d)
			.append(" 2 softmax\n");
		for (int row = 0; row < 2; row++) {
			for (int k = 0; k < d; k++) {
				out.append((row == 1 && k == 0) ? "10 " : "0 ");
			}
			out.append("0\n");
		}
		return out.toString();
	}

	@Test
	void aFileTrainedOnTheModelInUseIsReadAndWrittenBackTheSame() {
		String source = file("reader " + SentenceModel.READER.name() + " " + SentenceModel.DIMENSIONS + "\n");
		SentenceClassifier classifier = SentenceClassifier.parse(source, "tiny");
		float[] reading = new float[SentenceModel.DIMENSIONS];
		reading[0] = 1;

		assertThat(classifier.probabilities(reading)[1]).isGreaterThan(0.99f);
		assertThat(classifier.write("a tiny linear classifier")).isEqualTo(source);
	}

	@Test
	void aFileTrainedOnAnotherModelIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SentenceClassifier
				.parse(file("reader some-other-model " + SentenceModel.DIMENSIONS + "\n"), "other"))
			.withMessageContaining("some-other-model")
			.withMessageContaining(SentenceModel.READER.name());
	}

	@Test
	void aFileOfAnotherSizeIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> SentenceClassifier.parse(
				file("reader " + SentenceModel.READER.name() + " " + (SentenceModel.DIMENSIONS * 2) + "\n"), "wider"))
			.withMessageContaining("" + (SentenceModel.DIMENSIONS * 2));
	}

	@Test
	void aFileThatDoesNotSayWhichModelItReadsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> SentenceClassifier.parse(file(""), "unnamed"))
			.withMessageContaining("no reader line");
	}

}
