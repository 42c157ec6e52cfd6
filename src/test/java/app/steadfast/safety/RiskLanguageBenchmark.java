package app.steadfast.safety;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import app.steadfast.shared.LanguageChecksBenchmark;
import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the risk check, rules and sentence model, on a 600-word journal entry (clean rows
 * of the risk evaluation set and two risky ones, shuffled with a fixed seed): with no
 * sentence read before, and with every sentence read before. Target: under 30 ms. Run
 * with {@code bench/language-checks.sh}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class RiskLanguageBenchmark {

	private static final Path EVALUATION = Path.of("src/test/resources/language/risk-evaluation.tsv");

	private SentenceModel model;

	private final SentenceClassifier classifier = SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL);

	private RiskLanguage language;

	private String entry;

	@Setup(Level.Trial)
	public void entry() throws IOException {
		this.model = SentenceModel.loaded(this.classifier.reader(), Duration.ofMinutes(5));
		this.language = new RiskLanguage((event) -> {
		}, this.model, this.classifier);
		this.entry = LanguageChecksBenchmark.prose(EVALUATION, (row) -> row.label().equals("NONE"), 570, 600) + " "
				+ LanguageChecksBenchmark.prose(EVALUATION, (row) -> !row.label().equals("NONE"), 30, 600);
		System.out.printf("%n%d words, %d sentences, a hit: %s%n", Sentences.words(this.entry),
				Sentences.split(this.entry).size(), this.language.check(this.entry).hit());
	}

	/**
	 * Nothing read before: each shot is a new check (nothing remembered of any sentence)
	 * with the model's readings forgotten.
	 */
	@State(Scope.Thread)
	public static class Forgotten {

		RiskLanguage language;

		@Setup(Level.Iteration)
		public void forget(RiskLanguageBenchmark benchmark) {
			this.language = new RiskLanguage((event) -> {
			}, benchmark.model, benchmark.classifier);
			benchmark.model.forget();
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 5)
	@Measurement(iterations = 15)
	public RiskCheck checkA600WordEntryNoSentenceReadBefore(Forgotten forgotten) {
		return forgotten.language.check(this.entry);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 3, time = 1)
	@Measurement(iterations = 5, time = 1)
	public RiskCheck checkA600WordEntryEverySentenceReadBefore() {
		return this.language.check(this.entry);
	}

}
