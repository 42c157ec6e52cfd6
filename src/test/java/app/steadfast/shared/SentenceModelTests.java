package app.steadfast.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/**
	 * SentenceModel builds each model's ONNX session itself (one thread a reading); the
	 * classifiers were trained on readings by each package's own session, so ours must
	 * read every sentence as the package does, whatever the pooling and prefix.
	 */
	@ParameterizedTest
	@CsvSource({
			"all-minilm-l6-v2-q, dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
			"bge-small-en-v1.5-q, dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel",
			"e5-small-v2-q, dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel" })
	void eachModelReadsEverySentenceAsItsPackageDoes(String name, String packaged) throws Exception {
		SentenceModel.Reader reader = SentenceModel.Reader.named(name);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			EmbeddingModel ours = new SentenceModel.Session(reader, executor);
			EmbeddingModel theirs = (EmbeddingModel) Class.forName(packaged)
				.getConstructor(java.util.concurrent.Executor.class)
				.newInstance(executor);
			List<TextSegment> sentences = List
				.of("i kept my word.", "Been saving up my prescription for a while now.",
						"sorry you're feeling so hurt about the whole thing",
						"Honestly I don't see much reason to keep going after all this.", "x",
						"If you'd given me a bit of attention I'd never have gone looking elsewhere, and "
								+ "that's the truth of it whether you like it or not.",
						"mate im fine", "Привет, как ты?")
				.stream()
				.map((sentence) -> TextSegment.from(reader.prefix() + sentence))
				.toList();

			List<Embedding> ourReadings = ours.embedAll(sentences).content();
			List<Embedding> theirReadings = theirs.embedAll(sentences).content();

			assertThat(ourReadings).hasSize(sentences.size());
			for (int i = 0; i < sentences.size(); i++) {
				float[] mine = ourReadings.get(i).vector();
				float[] package_ = theirReadings.get(i).vector();
				assertThat(mine).hasSize(reader.dimensions());
				for (int k = 0; k < mine.length; k++) {
					assertThat(mine[k]).as("%s, sentence %d, number %d", name, i, k)
						.isCloseTo(package_[k], org.assertj.core.data.Offset.offset(1e-6f));
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
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
