package app.steadfast.repair;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: the excuse check on a 2,000-word statement (sentences from the evaluation set and
 * plain prose, mixed with a fixed seed). Target: a mean under 2 ms. Run with
 * {@code bench/excuse-check.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ExcuseCheckBenchmark {

	private ExcuseCheck check;

	private String statement;

	@Setup
	public void statement() throws Exception {
		this.check = ExcuseCheck.shipped();
		List<String> sentences = ExcuseCheckEvaluationTests.evaluationSet()
			.stream()
			.map(ExcuseCheckEvaluationTests.Labelled::sentence)
			.toList();
		Random random = new Random(2000);
		StringBuilder text = new StringBuilder();
		int words = 0;
		while (words < 2000) {
			String sentence = sentences.get(random.nextInt(sentences.size()));
			text.append(sentence).append((random.nextInt(6) == 0) ? "\n\n" : " ");
			words += sentence.split("\\s+").length;
		}
		this.statement = text.toString();
	}

	@Benchmark
	public List<ExcuseMark> checkA2000WordStatement() {
		return this.check.check(this.statement);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(ExcuseCheckBenchmark.class.getSimpleName()).build()).run();
	}

}
