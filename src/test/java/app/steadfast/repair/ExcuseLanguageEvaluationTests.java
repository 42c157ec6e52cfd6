package app.steadfast.repair;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The excuse check against sentences written apart from it: the evaluation set
 * (src/test/resources/language/excuse-evaluation.tsv) was written by someone who never
 * saw the rules or the training rows, and nothing is trained or tuned on it. Prints, for
 * the rules alone, the sentence model alone and both together: the share of excuses
 * caught, per category and overall; the share of clean and owning sentences warned about;
 * and how often a caught excuse is named with its right category. For comparison only,
 * the same on the training rows. Holds both layers together to the figures reached, and
 * prints the practice's floor.
 */
class ExcuseLanguageEvaluationTests {

	private static final Path EVALUATION = Path.of("src/test/resources/language/excuse-evaluation.tsv");

	/**
	 * A second set written apart (December 2026, by someone who read neither the rules,
	 * the training rows nor the first set), after the first set had been looked at to
	 * choose between sentence models and ways of setting thresholds: the figure no choice
	 * was made on.
	 */
	private static final Path HELD_OUT = Path.of("src/test/resources/language/excuse-heldout.tsv");

	/**
	 * Two more sets written apart (7 December 2026, by an eighth and a ninth writer, each
	 * of whom read neither the rules, the training rows nor any other set): measured,
	 * never trained on, never used to choose.
	 */
	private static final List<Path> APART = List.of(Path.of("src/test/resources/language/excuse-apart-m.tsv"),
			Path.of("src/test/resources/language/excuse-apart-n.tsv"));

	private static ExcuseCheck check;

	@BeforeAll
	static void loadModel() {
		check = ExcuseCheck.shipped().withModel(SentenceModel.loaded(Duration.ofMinutes(2)));
		// The shipped classifier is read in the background from the first time it is
		// asked for.
		org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(check::modelReady);
	}

	/**
	 * The figures of one layer on one set.
	 *
	 * @param recall share of excuse rows with any warning
	 * @param recallByCategory share of rows of each category (main label) with a warning
	 * of a category they carry
	 * @param falsePositives share of clean and owning rows with any warning
	 * @param rightCategory share of the caught excuse rows warned with a category they
	 * carry
	 */
	record Figures(double recall, Map<ExcuseCategory, Double> recallByCategory, double falsePositives,
			double rightCategory) {

		String line(String name) {
			StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
					"  %-6s recall %.3f, false positives %.3f, right category among hits %.3f; by category:", name,
					this.recall, this.falsePositives, this.rightCategory));
			this.recallByCategory
				.forEach((category, r) -> out.append(String.format(Locale.ROOT, " %s %.3f", category, r)));
			return out.toString();
		}

	}

	static Figures measure(List<Row> rows, Function<String, List<ExcuseMark>> layer) {
		int excuses = 0;
		int caught = 0;
		int rightCategory = 0;
		int clean = 0;
		int warned = 0;
		Map<ExcuseCategory, int[]> byCategory = new EnumMap<>(ExcuseCategory.class);
		for (Row row : rows) {
			Set<ExcuseCategory> found = EnumSet.noneOf(ExcuseCategory.class);
			layer.apply(row.text())
				.stream()
				.filter((mark) -> mark.category().warning())
				.forEach((mark) -> found.add(mark.category()));
			if (ExcuseRulesPrecisionTests.clean(row)) {
				clean++;
				if (!found.isEmpty()) {
					warned++;
				}
				continue;
			}
			excuses++;
			Set<ExcuseCategory> expected = EnumSet.noneOf(ExcuseCategory.class);
			row.labels().forEach((label) -> expected.add(ExcuseCategory.valueOf(label)));
			boolean right = found.stream().anyMatch(expected::contains);
			if (!found.isEmpty()) {
				caught++;
				if (right) {
					rightCategory++;
				}
			}
			int[] counts = byCategory.computeIfAbsent(ExcuseCategory.valueOf(row.label()), (c) -> new int[2]);
			counts[0]++;
			if (right) {
				counts[1]++;
			}
		}
		Map<ExcuseCategory, Double> recallByCategory = new EnumMap<>(ExcuseCategory.class);
		byCategory.forEach((category, counts) -> recallByCategory.put(category, counts[1] / (double) counts[0]));
		return new Figures(caught / (double) excuses, recallByCategory, warned / (double) clean,
				(caught == 0) ? 0 : rightCategory / (double) caught);
	}

	// Each layer's answer for each text already checked: a set printed file by file and
	// then whole is read by the model once.
	private static final Map<String, List<ExcuseMark>> byRules = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Map<String, List<ExcuseMark>> byModel = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Map<String, List<ExcuseMark>> byBoth = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Prints the three layers' figures on these rows under a title, and gives both
	 * layers' together.
	 */
	static Figures print(String title, List<Row> rows) {
		System.out.println(title);
		System.out.println(measure(rows, (text) -> byRules.computeIfAbsent(text, check::checkByRules)).line("rules"));
		System.out.println(measure(rows, (text) -> byModel.computeIfAbsent(text, check::checkByModel)).line("model"));
		Figures both = measure(rows, (text) -> byBoth.computeIfAbsent(text, check::check));
		System.out.println(both.line("both"));
		return both;
	}

	static void printFloor(Figures both) {
		System.out.printf(Locale.ROOT,
				"Practice's floor: recall 0.85, false positives 0.05, right category 0.85; reached %.3f, %.3f and %.3f%n",
				both.recall(), both.falsePositives(), both.rightCategory());
	}

	@Test
	void bothLayersTogetherCatchMoreThanTheRulesOnSentencesWrittenApartFromThem() throws IOException {
		List<Row> evaluation = SentenceTraining.read(EVALUATION);
		Figures rules = measure(evaluation, check::checkByRules);
		Figures both = print("Excuse check, evaluation set (" + evaluation.size() + " rows written apart):",
				evaluation);
		List<Row> training = SentenceTraining.trainingSample("excuse", 600);
		print("Excuse check, a sample of the training rows (" + training.size()
				+ " rows the model learned from, for comparison only):", training);
		printFloor(both);
		// The floor is not reached yet (issue 18 stays open); until it is, this holds the
		// figures reached so that they can only go up.
		assertThat(both.recall()).as("recall on the evaluation set").isGreaterThanOrEqualTo(FLOOR_RECALL);
		assertThat(both.falsePositives()).as("false positives on the evaluation set")
			.isLessThanOrEqualTo(CEILING_FALSE_POSITIVES);
		assertThat(both.rightCategory()).as("right category among hits").isGreaterThanOrEqualTo(FLOOR_CATEGORY);
		assertThat(both.recall()).as("the two layers together catch more than the rules").isGreaterThan(rules.recall());
	}

	@Test
	void onASecondSetWrittenApartToo() throws IOException {
		List<Row> heldOut = SentenceTraining.read(HELD_OUT);
		Figures both = print("Excuse check, held-out set (" + heldOut.size()
				+ " rows written apart; one choice made on them, to keep twin rows out of training):", heldOut);
		printFloor(both);
		// Reached on this set (0.941, 0.028 and 0.966 when it was first measured; 0.918,
		// 0.022 and 0.968 with the threshold that holds on every writer's file): the
		// practice's floor holds here.
		assertThat(both.recall()).as("recall on the held-out set").isGreaterThanOrEqualTo(0.85);
		assertThat(both.falsePositives()).as("false positives on the held-out set").isLessThanOrEqualTo(0.05);
		assertThat(both.rightCategory()).as("right category among hits, held-out set").isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void onTwoMoreWritersApart() throws IOException {
		List<Row> all = SentenceTraining.readEach(APART, (file, rows) -> print(
				"Excuse check, " + file.getFileName() + " (" + rows.size() + " rows written apart):", rows));
		Figures both = print("Excuse check, both writers apart (" + all.size() + " rows):", all);
		printFloor(both);
		assertThat(all).hasSizeGreaterThan(1200);
		// Measured once (7 December 2026): both layers 0.881, 0.071 and 0.955; the rules
		// alone 0.237 and 0.038 (0.006 on the training rows), the model alone 0.868 and
		// 0.053. Held so that they can only improve.
		assertThat(both.recall()).as("recall on the two writers apart").isGreaterThanOrEqualTo(0.88);
		assertThat(both.falsePositives()).as("false positives on the two writers apart").isLessThanOrEqualTo(0.072);
		assertThat(both.rightCategory()).as("right category among hits, two writers apart")
			.isGreaterThanOrEqualTo(0.95);
	}

	// The figures reached by the shipped classifier on the first set, rounded against it:
	// 0.904, 0.067 and 0.958 since its warning threshold holds on every training writer's
	// file (7 December 2026, third session; the same weights gave 0.930, 0.086 and 0.956
	// with the threshold set on all writers pooled: now fewer excuses are caught and
	// fewer
	// honest sentences warned about, still more than the floor's 0.05); 0.843, 0.054 and
	// 0.969 before, over all-MiniLM-L6-v2's readings of four writers' rows. On the
	// held-out
	// set below the same classifier reaches the practice's floor (docs/excuse-check.md).
	private static final double FLOOR_RECALL = 0.90;

	private static final double CEILING_FALSE_POSITIVES = 0.07;

	private static final double FLOOR_CATEGORY = 0.95;

}
