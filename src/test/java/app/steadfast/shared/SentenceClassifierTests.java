package app.steadfast.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A weights file says which sentence model's readings it was trained on, and that is the
 * model its check reads with; one that names a model no one knows, or gives it another
 * size, or does not say, is refused rather than read as numbers that mean nothing.
 */
class SentenceClassifierTests {

	private static final SentenceModel.Reader MINILM = SentenceModel.Reader.named("all-minilm-l6-v2-q");

	private static final SentenceModel.Reader E5 = SentenceModel.Reader.named("e5-small-v2-q");

	private static String file(String readerLine) {
		int d = 384;
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

	@ParameterizedTest
	@ValueSource(strings = { "all-minilm-l6-v2-q", "e5-small-v2-q", "bge-small-en-v1.5-q" })
	void aFileIsReadWithTheModelItNamesAndWrittenBackTheSame(String name) {
		String source = file("reader " + name + " 384\n");
		SentenceClassifier classifier = SentenceClassifier.parse(source, "tiny");
		float[] reading = new float[384];
		reading[0] = 1;

		assertThat(classifier.reader()).isEqualTo(SentenceModel.Reader.named(name));
		assertThat(classifier.probabilities(reading)[1]).isGreaterThan(0.99f);
		assertThat(classifier.write("a tiny linear classifier")).isEqualTo(source);
		assertThat(classifier.with("possible", 0.5).reader()).isEqualTo(classifier.reader());
	}

	@Test
	void aFileTrainedOnAModelNoOneKnowsIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SentenceClassifier.parse(file("reader some-other-model 384\n"), "other"))
			.withMessageContaining("some-other-model")
			.withMessageContaining(MINILM.name())
			.withMessageContaining(E5.name());
	}

	@Test
	void aFileOfAnotherSizeIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SentenceClassifier.parse(file("reader " + E5.name() + " 768\n"), "wider"))
			.withMessageContaining("768")
			.withMessageContaining(E5.name());
	}

	@Test
	void aFileThatDoesNotSayWhichModelItReadsIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> SentenceClassifier.parse(file(""), "unnamed"))
			.withMessageContaining("no reader line");
	}

	@Test
	void bothChecksReadWithE5AndNoOtherModelShips() throws IOException {
		Map<String, SentenceModel.Reader> named = new TreeMap<>();
		try (var files = Files.list(Path.of("src/main/resources/content/language"))) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith("-model.txt")).toList()) {
				try (var lines = Files.lines(file)) {
					String line = lines.filter((l) -> l.startsWith("reader ")).findFirst().orElseThrow();
					named.put(file.getFileName().toString(), SentenceModel.Reader.named(line.split(" ")[1]));
				}
			}
		}

		// Each check could name its own model; since the risk classifier learned from
		// nine
		// writers' rows, e5-small-v2 read both better writer by writer.
		assertThat(named).containsExactly(entry("excuse-model.txt", E5), entry("risk-model.txt", E5));
		// What loads after start-up is what the shipped classifiers read with.
		assertThat(SentenceModel.SHIPPED).containsExactlyInAnyOrderElementsOf(new HashSet<>(named.values()));
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
		float[] reading = new float[384];
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
