package app.steadfast.safety;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk-language check against sentences written apart from it: the evaluation set
 * (src/test/resources/language/risk-evaluation.tsv) was written by someone who never saw
 * the rules or the training rows, and nothing is trained or tuned on it. Prints recall
 * per kind and the share of clean sentences flagged, for the rules alone, the sentence
 * model alone and both together, on the evaluation set and (for comparison only) on the
 * training rows; and holds both layers together to the practice's floor on the evaluation
 * set.
 */
class RiskLanguageEvaluationTests {

	private static final Path EVALUATION = Path.of("src/test/resources/language/risk-evaluation.tsv");

	/**
	 * A second set written apart (December 2026, by someone who read neither the rules,
	 * the training rows nor the first set), after the first set had been looked at to
	 * choose between sentence models and training settings: the figure no choice was made
	 * on.
	 */
	private static final Path HELD_OUT = Path.of("src/test/resources/language/risk-heldout.tsv");

	/**
	 * Two more sets written apart (7 December 2026, by a tenth and an eleventh writer,
	 * each of whom read neither the rules, the training rows nor any other set), 3,400
	 * rows in all: measured, never trained on, never used to choose between classifiers.
	 */
	private static final List<Path> APART = List.of(Path.of("src/test/resources/language/risk-apart-k.tsv"),
			Path.of("src/test/resources/language/risk-apart-l.tsv"));

	private static RiskLanguage language;

	@BeforeAll
	static void loadModel() {
		language = new RiskLanguage((event) -> {
		}, SentenceModel.loaded(Duration.ofMinutes(2)),
				app.steadfast.shared.SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL));
		assertThat(language.modelReady()).isTrue();
	}

	/**
	 * The figures of one layer on one set.
	 *
	 * @param recall share of risky rows flagged, any kind
	 * @param recallByKind share of rows of each kind flagged with that kind
	 * @param falsePositives share of clean rows flagged
	 * @param clearShare share of the flagged risky rows flagged as clear
	 */
	record Figures(double recall, Map<RiskKind, Double> recallByKind, double falsePositives, double clearShare) {

		String line(String name) {
			StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
					"  %-12s recall %.3f, false positives %.3f, clear among hits %.3f; by kind:", name, this.recall,
					this.falsePositives, this.clearShare));
			this.recallByKind.forEach((kind, r) -> out.append(String.format(Locale.ROOT, " %s %.3f", kind, r)));
			return out.toString();
		}

	}

	static Figures measure(List<Row> rows, Function<String, RiskCheck> check) {
		int risky = 0;
		int caught = 0;
		int clean = 0;
		int flagged = 0;
		int clear = 0;
		Map<RiskKind, int[]> byKind = new EnumMap<>(RiskKind.class);
		for (Row row : rows) {
			RiskCheck result = check.apply(row.text());
			if (row.label().equals("NONE")) {
				clean++;
				if (result.hit()) {
					flagged++;
				}
				continue;
			}
			risky++;
			if (result.hit()) {
				caught++;
				if (result.confidence() == RiskConfidence.CLEAR) {
					clear++;
				}
			}
			RiskKind kind = RiskKind.valueOf(row.label());
			int[] counts = byKind.computeIfAbsent(kind, (k) -> new int[2]);
			counts[0]++;
			if (row.labels()
				.stream()
				.anyMatch((l) -> !l.equals("NONE") && result.kinds().contains(RiskKind.valueOf(l)))) {
				counts[1]++;
			}
		}
		Map<RiskKind, Double> recallByKind = new EnumMap<>(RiskKind.class);
		byKind.forEach((kind, counts) -> recallByKind.put(kind, counts[1] / (double) counts[0]));
		return new Figures(caught / (double) risky, recallByKind, flagged / (double) clean,
				(caught == 0) ? 0 : clear / (double) caught);
	}

	// Each layer's answer for each text already checked: a set printed file by file and
	// then whole is read by the model once (thousands of sentences, more than the model
	// keeps readings of).
	private static final Map<String, RiskCheck> byRules = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Map<String, RiskCheck> byModel = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Map<String, RiskCheck> byBoth = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Prints the three layers' figures on these rows under a title, and gives both
	 * layers' together.
	 */
	static Figures print(String title, List<Row> rows) {
		System.out.println(title);
		System.out
			.println(measure(rows, (text) -> byRules.computeIfAbsent(text, language::checkByRules)).line("rules"));
		System.out
			.println(measure(rows, (text) -> byModel.computeIfAbsent(text, language::checkByModel)).line("model"));
		Figures both = measure(rows, (text) -> byBoth.computeIfAbsent(text, language::check));
		System.out.println(both.line("both"));
		return both;
	}

	static void printFloor(Figures both) {
		System.out.printf(java.util.Locale.ROOT,
				"Practice's floor: recall 0.95, false positives 0.05; reached %.3f and %.3f%n", both.recall(),
				both.falsePositives());
	}

	@Test
	void bothLayersTogetherReachThePracticesFloorOnSentencesWrittenApartFromThem() throws IOException {
		List<Row> evaluation = SentenceTraining.read(EVALUATION);
		Figures both = print("Risk language, evaluation set (" + evaluation.size() + " rows written apart):",
				evaluation);
		List<Row> training = SentenceTraining.trainingSample("risk", 600);
		print("Risk language, a sample of the training rows (" + training.size()
				+ " rows the model learned from, for comparison only):", training);
		// The practice's floor is recall 0.95 with at most 0.05 false positives; this
		// model does not reach it yet (issue 18 stays open). Until it does, this holds
		// the figures reached so that they can only go up.
		printFloor(both);
		// 0.929 and 0.036 since the classifier also asks its nearest training rows
		// (8 December 2026, "possible" chosen on development set W); 0.881 and 0.047
		// since the plan rules know more words (from development set V,
		// 8 December 2026); 0.878 and 0.047 since a sentence that words a plan needs a
		// lower reading
		// (chosen on the rows kept aside as T, 7 December 2026: a few more false alarms
		// for more recall on new writers); 0.878 and 0.044 since the model sets more of
		// the rules' hits aside (the bar chosen on development set P); 0.878 and 0.053
		// before, with the classifier over e5-small-v2's readings of nine writers' rows;
		// 0.867 and 0.044 over all-MiniLM-L6-v2's readings of five writers' rows.
		assertThat(both.recall()).as("recall on the evaluation set").isGreaterThanOrEqualTo(0.928);
		assertThat(both.falsePositives()).as("false positives on the evaluation set").isLessThanOrEqualTo(0.037);
		assertThat(measure(evaluation, language::checkByRules).recall())
			.as("the two layers together catch more than the rules")
			.isLessThan(both.recall());
	}

	@Test
	void onTwoMoreWritersApart() throws IOException {
		List<Row> all = SentenceTraining.readEach(APART, (file, rows) -> print(
				"Risk language, " + file.getFileName() + " (" + rows.size() + " rows written apart):", rows));
		Figures both = print("Risk language, both writers apart (" + all.size() + " rows):", all);
		printFloor(both);
		assertThat(all).hasSizeGreaterThan(3000);
		// Measured once (7 December 2026): both layers 0.856 and 0.134, the rules alone
		// 0.059 and 0.040, the model alone 0.851 and 0.109; both layers 0.856 and 0.125
		// since the model sets more of the rules' hits aside (the bar chosen on
		// development set P); 0.863 and 0.128 since a sentence that words a plan
		// needs a lower reading; 0.864 and 0.129 since the plan rules know more words
		// (one risky sentence more caught, one or two clean ones more flagged); 0.885 and
		// 0.105 since the classifier also asks its nearest training rows. Far from
		// the floor on both counts; held so that they can
		// only improve.
		assertThat(both.recall()).as("recall on the two writers apart").isGreaterThanOrEqualTo(0.884);
		assertThat(both.falsePositives()).as("false positives on the two writers apart").isLessThanOrEqualTo(0.106);
	}

	@Test
	void onASecondSetWrittenApartToo() throws IOException {
		List<Row> heldOut = SentenceTraining.read(HELD_OUT);
		Figures both = print("Risk language, held-out set (" + heldOut.size()
				+ " rows written apart; one choice made on them, to keep twin rows out of training):", heldOut);
		printFloor(both);
		// Reached when first measured (0.988 and 0.317, 0.319 since risk-as-topic was
		// narrowed, 0.317 again since the bar under which the model sets a rule's hit
		// aside was chosen on development set P, 0.325 since a sentence that words a
		// plan needs a lower reading, 0.994 and 0.296 since the classifier also asks its
		// nearest training rows; the classifier before it: 0.932
		// and 0.346). Far from the practice's floor on clean sentences: this set pairs
		// many risky sentences with a clean one about the same means or topic (a rope
		// swing beside a rope, an exhaust repair beside a hose on the exhaust), and both
		// layers flag about a third of those. Held so that it can only improve.
		assertThat(both.recall()).as("recall on the held-out set").isGreaterThanOrEqualTo(0.99);
		assertThat(both.falsePositives()).as("false positives on the held-out set").isLessThanOrEqualTo(0.297);
	}

}
