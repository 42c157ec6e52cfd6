package app.steadfast.repair;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * JMH: the excuse check with its sentence model (the one its classifier names) on a
 * 2,000-word statement (rows of the excuse evaluation set, shuffled with a fixed seed,
 * none twice): the first check, no sentence read before (no target); and the check after
 * a one-sentence edit, every other sentence read before (target: under 50 ms). Run with
 * {@code bench/language-checks.sh}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class ExcuseCheckModelBenchmark {

	private SentenceModel model;

	private final ExcuseCheck rules = ExcuseCheck.shipped();

	private final SentenceClassifier classifier = SentenceClassifier.read(ExcuseCheck.SHIPPED_MODEL);

	private ExcuseCheck check;

	private String statement;

	private List<Sentences.Span> sentences;

	@Setup(Level.Trial)
	public void statement() throws IOException {
		this.model = SentenceModel.loaded(this.classifier.reader(), Duration.ofMinutes(5));
		this.check = this.rules.withModel(this.model, this.classifier);
		this.statement = LanguageChecksBenchmark.prose(Path.of("src/test/resources/language/excuse-evaluation.tsv"),
				(row) -> true, 2000, 2000);
		this.sentences = Sentences.split(this.statement);
		System.out.printf("%n%d words, %d sentences%n", Sentences.words(this.statement), this.sentences.size());
	}

	/**
	 * Nothing read before: each shot is a new check (nothing remembered of any sentence)
	 * with the model's readings forgotten.
	 */
	@State(Scope.Thread)
	public static class Forgotten {

		ExcuseCheck check;

		@Setup(Level.Iteration)
		public void forget(ExcuseCheckModelBenchmark benchmark) {
			this.check = benchmark.rules.withModel(benchmark.model, benchmark.classifier);
			benchmark.model.forget();
		}

	}

	/** The statement with one sentence, a different one each time, rewritten. */
	@State(Scope.Thread)
	public static class Edited {

		private int edits;

		String text;

		@Setup(Level.Trial)
		public void readTheStatement(ExcuseCheckModelBenchmark benchmark) {
			benchmark.check.check(benchmark.statement);
		}

		@Setup(Level.Invocation)
		public void edit(ExcuseCheckModelBenchmark benchmark) {
			this.edits++;
			Sentences.Span sentence = benchmark.sentences.get(this.edits % benchmark.sentences.size());
			this.text = benchmark.statement.substring(0, sentence.start()) + "On day " + this.edits
					+ " I told her the truth about the money." + benchmark.statement.substring(sentence.end());
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@Warmup(iterations = 2)
	@Measurement(iterations = 5)
	public List<ExcuseMark> checkA2000WordStatementNoSentenceReadBefore(Forgotten forgotten) {
		return forgotten.check.check(this.statement);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 3, time = 1)
	@Measurement(iterations = 5, time = 1)
	public List<ExcuseMark> checkAfterAOneSentenceEdit(Edited edited) {
		return this.check.check(edited.text);
	}

}
