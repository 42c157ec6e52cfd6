package app.steadfast.shared;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: the language checks with their sentence models. Here, how long each shipped model
 * takes to load in a fresh process (one shot in each of three forks); the excuse check in
 * {@code app.steadfast.repair.ExcuseCheckModelBenchmark}, the risk check in
 * {@code app.steadfast.safety.RiskLanguageBenchmark}. {@link #main} runs all of them and
 * prints each figure against its target. Run with {@code bench/language-checks.sh}.
 */
@State(Scope.Benchmark)
public class LanguageChecksBenchmark {

	/**
	 * The model loaded: the shipped one, and all-MiniLM-L6-v2 (shipped before) to
	 * compare.
	 */
	@Param({ "all-minilm-l6-v2-q", "e5-small-v2-q" })
	public String reader;

	// What each benchmark is held to, in ms; none for a first reading of a long
	// statement.
	private static final Map<String, Double> TARGETS = Map.of("checkAfterAOneSentenceEdit", 50.0,
			"checkA600WordEntryNoSentenceReadBefore", 30.0, "checkA600WordEntryEverySentenceReadBefore", 30.0);

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	@Fork(3)
	public long loadTheSentenceModel() {
		SentenceModel.Reader reader = SentenceModel.Reader.named(this.reader);
		SentenceModel.loaded(reader, Duration.ofMinutes(5));
		return SentenceModel.loadMillis(reader);
	}

	/**
	 * Prose of about this many words: rows of a labelled file, shuffled with the seed,
	 * none twice, each made a sentence (a capital, a full stop), some followed by a blank
	 * line.
	 */
	public static String prose(Path file, Predicate<SentenceTraining.Row> which, int words, long seed)
			throws IOException {
		List<String> rows = new ArrayList<>(
				SentenceTraining.read(file).stream().filter(which).map(SentenceTraining.Row::text).toList());
		Random random = new Random(seed);
		Collections.shuffle(rows, random);
		StringBuilder text = new StringBuilder();
		int count = 0;
		for (String row : rows) {
			if (count >= words) {
				break;
			}
			String sentence = Character.toUpperCase(row.charAt(0)) + row.substring(1);
			if (".!?".indexOf(sentence.charAt(sentence.length() - 1)) < 0) {
				sentence += ".";
			}
			text.append(sentence).append((random.nextInt(6) == 0) ? "\n\n" : " ");
			count += Sentences.words(sentence);
		}
		if (count < words) {
			throw new IllegalStateException(file + " has too few rows for " + words + " words");
		}
		return text.toString().strip();
	}

	public static void main(String[] args) throws RunnerException {
		Collection<RunResult> results = new Runner(new OptionsBuilder()
			.include("app\\.steadfast\\.(repair\\.ExcuseCheckModelBenchmark|safety\\.RiskLanguageBenchmark"
					+ "|shared\\.LanguageChecksBenchmark)\\.")
			.build()).run();
		System.out.println();
		System.out.println("Language checks with their sentence models (ms; lower is better):");
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
			String reader = result.getParams().getParam("reader");
			String label = (reader == null) ? name : name + " " + reader;
			double score = result.getPrimaryResult().getScore();
			double error = result.getPrimaryResult().getScoreError();
			Double target = TARGETS.get(name);
			String verdict = (target == null) ? "no target"
					: (score <= target) ? String.format(Locale.ROOT, "target %.0f: met", target)
							: String.format(Locale.ROOT, "target %.0f: missed by %.1f", target, score - target);
			System.out.printf(Locale.ROOT, "  %-45s %9.2f \u00b1 %7.2f  %s%n", label, score,
					Double.isNaN(error) ? 0 : error, verdict);
		}
	}

}
