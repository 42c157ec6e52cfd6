package app.steadfast.safety;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;

/**
 * A tool, in the test tree only: how precise each risk rule is on one labelled file, as
 * {@link RiskRulesPrecisionTests} prints it for the training rows. For a development set
 * written apart (never for an evaluation set, which stays unseen).
 * <p>
 * {@code java ... app.steadfast.safety.RiskRulesOnFile FILE} ({@code -Dcaught=true} also
 * lists the risky rows the rules catch)
 */
public final class RiskRulesOnFile {

	private RiskRulesOnFile() {
	}

	public static void main(String[] args) throws Exception {
		List<Row> rows = SentenceTraining.read(Path.of(args[0]));
		Map<String, RiskRulesPrecisionTests.Counts> counts = RiskRulesPrecisionTests.perRule(rows);
		long clean = rows.stream().filter(RiskRulesPrecisionTests::clean).count();
		long fired = counts.values().stream().flatMap((c) -> c.cleanRows.stream()).distinct().count();
		long caught = counts.values().stream().flatMap((c) -> c.riskyRows.stream()).distinct().count();
		System.out.printf(Locale.ROOT, "%s: %d clean, %d risky; the rules fire on %d clean (%.3f), catch %d risky%n",
				args[0], clean, rows.size() - clean, fired, fired / (double) clean, caught);
		counts.forEach((id, c) -> {
			if (c.clean + c.right + c.wrong > 0) {
				System.out.printf(Locale.ROOT, "  %-24s clean %4d, right %4d, wrong %4d%n", id, c.clean, c.right,
						c.wrong);
			}
		});
		counts.forEach((id, c) -> c.cleanRows.forEach((row) -> System.out.println("  " + id + "\t" + row)));
		// -Dcaught=true: every risky row the rules catch, to hold a narrowed rule to
		// catching the same rows, row for row.
		if (Boolean.getBoolean("caught")) {
			counts.values()
				.stream()
				.flatMap((c) -> c.riskyRows.stream())
				.distinct()
				.sorted()
				.forEach((row) -> System.out.println("caught\t" + row));
		}
		System.exit(0);
	}

}
