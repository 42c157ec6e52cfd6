package app.steadfast.safety;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;

/**
 * An experiment, in the test tree only: how the risk check does on a labelled file when a
 * rule's hit is set aside below other thresholds of the model's highest sentence risk
 * ({@code set-aside-rules-below}; the shipped classifier otherwise). Prints, for each
 * threshold given, both layers' recall, false positives and the risky rows lost against
 * the first threshold given, on each file given. For a development set; an evaluation set
 * is measured once, after the choice.
 * <p>
 * {@code java ... app.steadfast.safety.RiskSetAsideExperiment 0.075,0.1,0.2 FILE...}
 * ({@code -Dlost=true} also lists the risky rows lost, {@code -Dalarms=true} the clean
 * rows a rule flags, {@code -Dmissed=true} those missed at the first threshold)
 */
public final class RiskSetAsideExperiment {

	private RiskSetAsideExperiment() {
	}

	public static void main(String[] args) throws Exception {
		RiskLanguage language = new RiskLanguage((event) -> {
		}, SentenceModel.loaded(Duration.ofMinutes(2)), SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL));
		String[] bars = args[0].split(",");
		for (int f = 1; f < args.length; f++) {
			List<Row> rows = SentenceTraining.read(Path.of(args[f]));
			// Each text is checked with every threshold in turn, so its sentences are
			// read
			// by the model once (the check keeps them) however many thresholds there are.
			List<List<RiskCheck>> checks = new ArrayList<>();
			for (Row row : rows) {
				List<RiskCheck> forRow = new ArrayList<>();
				for (String bar : bars) {
					forRow.add(language.check(row.text(), Double.parseDouble(bar)));
				}
				checks.add(forRow);
			}
			if (Boolean.getBoolean("missed")) {
				// How the model's highest sentence risk spreads over the clean rows,
				// beside
				// the misses above: whether any threshold could part them.
				double[] clean = rows.stream()
					.filter((row) -> row.label().equals("NONE"))
					.mapToDouble((row) -> language.highestByModel(row.text()))
					.sorted()
					.toArray();
				for (double q : new double[] { 0.5, 0.8, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99 }) {
					System.out.printf(Locale.ROOT, "  clean rows' highest risk, %.2f quantile: %.3f%n", q,
							clean[(int) Math.min(clean.length - 1, Math.floor(q * clean.length))]);
				}
			}
			for (int b = 0; b < bars.length; b++) {
				int at = b;
				java.util.Map<String, RiskCheck> answers = new java.util.HashMap<>();
				int lost = 0;
				for (int r = 0; r < rows.size(); r++) {
					answers.put(rows.get(r).text(), checks.get(r).get(at));
					// -Dmissed=true: the risky rows missed at the first threshold, to see
					// what a development set's misses are (never an evaluation set's).
					if (b == 0 && Boolean.getBoolean("missed") && !rows.get(r).label().equals("NONE")
							&& !checks.get(r).get(0).hit()) {
						System.out.printf(Locale.ROOT, "  missed\t%.3f\t%s\t%s%n",
								language.highestByModel(rows.get(r).text()), rows.get(r).label(), rows.get(r).text());
					}
					// -Dalarms=true: the clean rows a rule flags at the first threshold
					// (the model did not set it aside), with the rules and the model's
					// reading: where the rules misfire on a development set.
					if (b == 0 && Boolean.getBoolean("alarms") && rows.get(r).label().equals("NONE")
							&& checks.get(r).get(0).hit()
							&& !checks.get(r).get(0).matchedRules().equals(List.of(RiskCheck.SENTENCE_MODEL))) {
						System.out.printf(Locale.ROOT, "  alarm\t%.3f\t%s\t%s%n",
								language.highestByModel(rows.get(r).text()), checks.get(r).get(0).matchedRules(),
								rows.get(r).text());
					}
					if (!rows.get(r).label().equals("NONE") && checks.get(r).get(0).hit()
							&& !checks.get(r).get(at).hit()) {
						lost++;
						// -Dlost=true: the rows lost, for the docs' "what it misses",
						// once
						// a threshold has been chosen.
						if (Boolean.getBoolean("lost")) {
							System.out.println(
									"  lost at " + bars[b] + "\t" + rows.get(r).label() + "\t" + rows.get(r).text());
						}
					}
				}
				RiskLanguageEvaluationTests.Figures both = RiskLanguageEvaluationTests.measure(rows, answers::get);
				System.out.printf(Locale.ROOT,
						"set-aside %s %s: recall %.4f, false positives %.4f, risky rows lost against %s: %d%n", bars[b],
						Path.of(args[f]).getFileName(), both.recall(), both.falsePositives(), bars[0], lost);
			}
		}
		System.exit(0);
	}

}
