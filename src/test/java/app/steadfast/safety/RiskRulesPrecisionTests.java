package app.steadfast.safety;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.steadfast.shared.SentenceTraining;
import app.steadfast.shared.SentenceTraining.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How precise each risk-language rule is, on the training rows only
 * (src/test/resources/language/risk-training*.tsv; never the evaluation file, which stays
 * unseen). Prints, per rule id, how many clean rows (NONE) it fires on, how many risky
 * rows it catches with a kind they carry and with another, and how many risky rows no
 * other rule catches; then every clean row each rule fires on. Holds the rules alone to
 * firing on at most 1.5% of the clean training rows: until the sentence model has loaded
 * the rules answer alone, and a rule that fires on clean wording ("this deadline is
 * killing me", a charity walk for suicide prevention, risk long past) shows a crisis
 * panel no one needed, and the two layers together then flag more clean notes than the
 * practice allows.
 */
class RiskRulesPrecisionTests {

	private static final RiskLanguage language = new RiskLanguage((event) -> {
	});

	/**
	 * The share of clean training rows the rules alone may fire on. On the five writers'
	 * rows it was first set for, 0.016: most of what was left is a screening question
	 * answered no in the next sentence ("The GP asked if I'd had thoughts of hurting
	 * myself. No."), which the rules deliberately read as written (see
	 * RiskNegationTests#anAnswerInTheNextSentenceDoesNotSetTheQuestionAside). The four
	 * writers who came next wrote their clean rows to probe exactly these shapes (a bare
	 * "No." after a screening question, "kms" after a missed bus, someone else's "I could
	 * murder him"): on all nine files the rules fired on 0.027, and 0.023 once the
	 * set-asides were widened without losing one risky row. The ceiling holds that, so a
	 * new or widened rule that fires on clean talk is still seen.
	 */
	private static final double CEILING_CLEAN = 0.024;

	/**
	 * One rule's counts.
	 */
	static final class Counts {

		int clean;

		int right;

		int wrong;

		int only;

		final List<String> cleanRows = new ArrayList<>();

		final List<String> riskyRows = new ArrayList<>();

	}

	static boolean clean(Row row) {
		return row.label().equals("NONE");
	}

	static List<Row> training() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (Path file : SentenceTraining.trainingFiles("risk")) {
			assertThat(file.getFileName().toString()).doesNotContain("evaluation");
			rows.addAll(SentenceTraining.read(file));
		}
		return rows;
	}

	/** Per rule id (in file order), its counts on these rows. */
	static Map<String, Counts> perRule(List<Row> rows) {
		Map<String, Counts> counts = new LinkedHashMap<>();
		language.rules().hits().forEach((hit) -> counts.put(hit.id(), new Counts()));
		for (Row row : rows) {
			RiskCheck check = language.checkByRules(row.text());
			for (String id : check.matchedRules()) {
				Counts c = counts.get(id);
				String line = row.labels() + "\t" + row.text();
				if (clean(row)) {
					c.clean++;
					c.cleanRows.add(line);
					continue;
				}
				c.riskyRows.add(line);
				RiskKind kind = language.rules()
					.hits()
					.stream()
					.filter((hit) -> hit.id().equals(id))
					.findFirst()
					.orElseThrow()
					.kind();
				if (row.labels().contains(kind.name())) {
					c.right++;
				}
				else {
					c.wrong++;
				}
				if (check.matchedRules().size() == 1) {
					c.only++;
				}
			}
		}
		return counts;
	}

	@Test
	void theRulesFireOnFewCleanTrainingRows() throws IOException {
		List<Row> rows = training();
		long cleanRows = rows.stream().filter(RiskRulesPrecisionTests::clean).count();
		long riskyRows = rows.size() - cleanRows;
		long firedClean = rows.stream()
			.filter(RiskRulesPrecisionTests::clean)
			.filter((row) -> language.checkByRules(row.text()).hit())
			.count();
		long caught = rows.stream()
			.filter((row) -> !clean(row))
			.filter((row) -> language.checkByRules(row.text()).hit())
			.count();
		Map<String, Counts> counts = perRule(rows);
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Risk rules alone on the training rows: %d clean, %d risky; "
						+ "fire on %d clean (%.3f), catch %d risky (%.3f)%n",
				cleanRows, riskyRows, firedClean, firedClean / (double) cleanRows, caught,
				caught / (double) riskyRows));
		out.append(String.format(Locale.ROOT, "  %-24s %6s %6s %6s %6s%n", "rule", "clean", "right", "wrong", "only"));
		counts.forEach((id, c) -> out
			.append(String.format(Locale.ROOT, "  %-24s %6d %6d %6d %6d%n", id, c.clean, c.right, c.wrong, c.only)));
		out.append("Clean training rows each rule fires on:\n");
		counts.forEach((id, c) -> c.cleanRows
			.forEach((row) -> out.append("  ").append(id).append('\t').append(row).append('\n')));
		// -Dsteadfast.risk.rules=suicide,kill-someone: the risky rows they catch too.
		for (String id : System.getProperty("steadfast.risk.rules", "").split(",")) {
			if (counts.containsKey(id)) {
				out.append("Risky training rows ").append(id).append(" catches:\n");
				counts.get(id).riskyRows
					.forEach((row) -> out.append("  ").append(id).append('\t').append(row).append('\n'));
			}
		}
		System.out.print(out);
		assertThat(firedClean / (double) cleanRows).as("share of clean training rows the rules alone fire on")
			.isLessThanOrEqualTo(CEILING_CLEAN);
	}

}
