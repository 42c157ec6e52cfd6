package app.steadfast.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the training tool sets a check's thresholds from out-of-fold scores: the excuse
 * check's warning holds its 3% of clean rows on every writer's file, not only on all
 * writers pooled, where an easy writer's clean rows hide a hard one's; the risk check's
 * stay pooled.
 */
class SentenceTrainingThresholdTests {

	private static final List<String> LABELS = List.of("NONE", "OWNERSHIP", "MINIMIZING");

	@Test
	void theExcuseWarningHoldsOnEveryWritersFile() {
		Rows rows = twoWriters();

		Map<String, Double> pooled = SentenceTraining.thresholds("excuse", LABELS, rows.y(), rows.oof(), null, null);
		Map<String, Double> everyWriter = SentenceTraining.thresholds("excuse", LABELS, rows.y(), rows.oof(), null,
				rows.files());

		// Pooled, the careful writer's clean rows hide the other's: all the 3% warned
		// about
		// are theirs, 6% of their clean rows.
		assertThat(rows.cleanFlagged(1, pooled.get("warning"))).isGreaterThan(0.05);
		assertThat(rows.cleanFlagged(0, pooled.get("warning"))).isZero();
		// On every writer's file, at most 3% of each.
		assertThat(rows.cleanFlagged(0, everyWriter.get("warning"))).isLessThanOrEqualTo(0.03);
		assertThat(rows.cleanFlagged(1, everyWriter.get("warning"))).isLessThanOrEqualTo(0.03);
		assertThat(everyWriter.get("warning")).isGreaterThan(pooled.get("warning"));
	}

	@Test
	void theRiskThresholdsStayPooled() {
		Rows rows = twoWriters();

		Map<String, Double> pooled = SentenceTraining.thresholds("risk", LABELS, rows.y(), rows.oof(), null, null);
		Map<String, Double> byWriter = SentenceTraining.thresholds("risk", LABELS, rows.y(), rows.oof(), null,
				rows.files());

		assertThat(byWriter.get("possible")).isEqualTo(pooled.get("possible"));
		assertThat(byWriter.get("clear")).isEqualTo(pooled.get("clear"));
	}

	/**
	 * Writer 0 writes clean sentences the model scores low (0 to 0.5); writer 1's clean
	 * sentences score from 0.5 to 0.99; both write excuses scored 0.995.
	 */
	private static Rows twoWriters() {
		List<Integer> y = new ArrayList<>();
		List<float[]> oof = new ArrayList<>();
		List<Integer> files = new ArrayList<>();
		for (int writer = 0; writer < 2; writer++) {
			for (int i = 0; i < 300; i++) {
				float score = (writer == 0) ? 0.5f * i / 300 : 0.5f + 0.49f * i / 300;
				y.add(0);
				oof.add(new float[] { 1 - score, 0, score });
				files.add(writer);
			}
			for (int i = 0; i < 100; i++) {
				y.add(2);
				oof.add(new float[] { 0.005f, 0, 0.995f });
				files.add(writer);
			}
		}
		return new Rows(y.stream().mapToInt(Integer::intValue).toArray(), oof.toArray(float[][]::new),
				files.stream().mapToInt(Integer::intValue).toArray());
	}

	private record Rows(int[] y, float[][] oof, int[] files) {

		double cleanFlagged(int file, double threshold) {
			int clean = 0;
			int flagged = 0;
			for (int i = 0; i < this.y.length; i++) {
				if (this.files[i] == file && this.y[i] == 0) {
					clean++;
					if (1 - this.oof[i][0] - this.oof[i][1] >= threshold) {
						flagged++;
					}
				}
			}
			return flagged / (double) clean;
		}

	}

}
