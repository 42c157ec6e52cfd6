package app.steadfast.repair;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;

/**
 * An experiment, in the test tree only: how the excuse check does on labelled files when
 * a rule's warning is set aside below other thresholds of the model's excuse share
 * ({@code set-aside-rules-below}), or the model warns from another share
 * ({@code warning}); the shipped classifier's weights otherwise. Prints, for each setting
 * given, both layers' recall, false positives and right category on each file given, and
 * on all of them together.
 * <p>
 * {@code java ... app.steadfast.repair.ExcuseSetAsideExperiment 0.238,0.5,0.912 FILE...}
 * sets the set-aside bar alone; {@code 0.912/0.238,0.95/0.6 FILE...} gives pairs of the
 * warning threshold and the set-aside bar. {@code -Dmissed=true} also lists the excuse
 * rows both layers miss, for a development set.
 */
public final class ExcuseSetAsideExperiment {

	private ExcuseSetAsideExperiment() {
	}

	public static void main(String[] args) throws Exception {
		SentenceModel model = SentenceModel.loaded(Duration.ofMinutes(2));
		SentenceClassifier shipped = SentenceClassifier.read(ExcuseCheck.SHIPPED_MODEL);
		List<List<Row>> files = new ArrayList<>();
		for (int f = 1; f < args.length; f++) {
			files.add(SentenceTraining.read(Path.of(args[f])));
		}
		for (String setting : args[0].split(",")) {
			String[] pair = setting.split("/");
			// The shipped classifier with these settings (and its nearest examples, if
			// any).
			SentenceClassifier classifier = shipped.with("set-aside-rules-below",
					Double.parseDouble(pair[pair.length - 1]));
			if (pair.length == 2) {
				classifier = classifier.with("warning", Double.parseDouble(pair[0]));
			}
			ExcuseCheck check = ExcuseCheck.shipped().withModel(model, classifier);
			List<Row> all = new ArrayList<>();
			for (int f = 0; f < files.size(); f++) {
				all.addAll(files.get(f));
				// -Dmissed=true: the excuse rows both layers miss at this setting, for a
				// development set (never an evaluation set).
				if (Boolean.getBoolean("missed")) {
					for (Row row : files.get(f)) {
						if (!ExcuseRulesPrecisionTests.clean(row)
								&& check.check(row.text()).stream().noneMatch((mark) -> mark.category().warning())) {
							System.out.println("  missed\t" + String.join(",", row.labels()) + "\t" + row.text());
						}
					}
				}
				print(setting, Path.of(args[f + 1]).getFileName().toString(), files.get(f), check);
			}
			if (files.size() > 1) {
				print(setting, "all files", all, check);
			}
		}
		System.exit(0);
	}

	private static void print(String setting, String name, List<Row> rows, ExcuseCheck check) {
		ExcuseLanguageEvaluationTests.Figures both = ExcuseLanguageEvaluationTests.measure(rows, check::check);
		System.out.printf(java.util.Locale.ROOT,
				"setting %s %s: recall %.3f, false positives %.3f, right category %.3f%n", setting, name, both.recall(),
				both.falsePositives(), both.rightCategory());
	}

}
