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

	@Test
	void aShippedFileIsReadInTheBackgroundAndIsReadyOnlyOnceRead() {
		SentenceClassifier.Source shipped = SentenceClassifier.lazily("content/language/excuse-model.txt");
		// Asking starts the reading; it is ready once read, and then answers at once.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(shipped::ready);
		assertThat(shipped.get().labels()).contains("NONE", "OWNERSHIP");
		assertThat(SentenceClassifier.grams(shipped.get().settings())).isEqualTo(16384);
	}

	@Test
	void aFileThatCannotBeReadIsNeverReadySoTheRulesAnswerAlone() {
		SentenceClassifier.Source missing = SentenceClassifier.lazily("content/language/no-such-model.txt");
		assertThat(missing.ready()).isFalse();
		org.awaitility.Awaitility.await()
			.during(java.time.Duration.ofMillis(500))
			.atMost(java.time.Duration.ofSeconds(5))
			.until(() -> !missing.ready());
	}

	@Test
	void wordPiecesAreSeenOnlyWhenTheClassifierAsksForThem() {
		float[] reading = new float[SentenceModel.DIMENSIONS];
		SentenceClassifier.Input words = SentenceClassifier.input(reading, "saving my pills", 16384, false);
		SentenceClassifier.Input pieces = SentenceClassifier.input(reading, "saving my pills", 16384, true);
		// Three words, three pairs and the closing pair; with pieces, "<saving>" alone
		// adds five runs of four letters.
		assertThat(words.grams()).hasSize(7);
		assertThat(pieces.grams().length).isGreaterThan(words.grams().length + 5);
		assertThat(SentenceClassifier.chars(java.util.Map.of("chars", 1.0))).isTrue();
		assertThat(SentenceClassifier.chars(java.util.Map.of())).isFalse();
	}

}
