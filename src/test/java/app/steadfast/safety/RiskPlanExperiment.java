package app.steadfast.safety;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;

/**
 * An experiment, in the test tree only: how the risk check does on labelled files when a
 * sentence that words a plan (the PLAN wording of content/risk-language.txt) is a
 * possible hit from a lower reading of the model ({@code possible-with-plan}); the
 * shipped classifier otherwise. Prints, for each threshold given ("none" for the shipped
 * check), both layers' recall and false positives on each file given.
 * <p>
 * {@code java ... app.steadfast.safety.RiskPlanExperiment none,0.5,0.7 FILE...}
 */
public final class RiskPlanExperiment {

	private RiskPlanExperiment() {
	}

	public static void main(String[] args) throws Exception {
		SentenceModel model = SentenceModel.loaded(Duration.ofMinutes(2));
		SentenceClassifier shipped = SentenceClassifier.read(RiskLanguage.SHIPPED_MODEL);
		for (String bar : args[0].split(",")) {
			// "none": no reading of the layers reaches the plan's bar, so only "possible"
			// raises a hit. The shipped classifier's nearest examples are kept.
			RiskLanguage language = new RiskLanguage((event) -> {
			}, model, shipped.with("possible-with-plan", bar.equals("none") ? 1.01 : Double.parseDouble(bar)));
			for (int f = 1; f < args.length; f++) {
				List<Row> rows = SentenceTraining.read(Path.of(args[f]));
				RiskLanguageEvaluationTests.Figures both = RiskLanguageEvaluationTests.measure(rows, language::check);
				System.out.printf(Locale.ROOT, "plan bar %s %s: recall %.4f, false positives %.4f%n", bar,
						Path.of(args[f]).getFileName(), both.recall(), both.falsePositives());
			}
		}
		System.exit(0);
	}

}
