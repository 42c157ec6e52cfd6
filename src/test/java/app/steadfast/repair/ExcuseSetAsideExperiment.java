package app.steadfast.repair;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;

/**
 * An experiment, in the test tree only: how the excuse check does on a labelled file when
 * a rule's warning is set aside below other thresholds of the model's excuse share
 * ({@code set-aside-rules-below}; the shipped classifier's weights and warning threshold
 * otherwise). Prints, for each threshold given, both layers' recall, false positives and
 * right category on each file given.
 * <p>
 * {@code java ... app.steadfast.repair.ExcuseSetAsideExperiment 0.238,0.5,0.912 FILE...}
 */
public final class ExcuseSetAsideExperiment {

	private ExcuseSetAsideExperiment() {
	}

	public static void main(String[] args) throws Exception {
		SentenceModel model = SentenceModel.loaded(Duration.ofMinutes(2));
		SentenceClassifier shipped = SentenceClassifier.read(ExcuseCheck.SHIPPED_MODEL);
		for (String threshold : args[0].split(",")) {
			Map<String, Double> settings = new HashMap<>(shipped.settings());
			settings.put("set-aside-rules-below", Double.parseDouble(threshold));
			SentenceClassifier classifier = new SentenceClassifier(shipped.reader(), shipped.labels(), shipped.layers(),
					settings);
			ExcuseCheck check = ExcuseCheck.shipped().withModel(model, classifier);
			for (int f = 1; f < args.length; f++) {
				List<Row> rows = SentenceTraining.read(Path.of(args[f]));
				ExcuseLanguageEvaluationTests.Figures both = ExcuseLanguageEvaluationTests.measure(rows, check::check);
				System.out.printf(java.util.Locale.ROOT,
						"set-aside %s %s: recall %.3f, false positives %.3f, " + "right category %.3f%n", threshold,
						Path.of(args[f]).getFileName(), both.recall(), both.falsePositives(), both.rightCategory());
			}
		}
		System.exit(0);
	}

}
