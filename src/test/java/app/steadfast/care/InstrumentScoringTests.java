package app.steadfast.care;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * PHQ-9 and GAD-7 are scored as published: the sum of item answers (0 to 3), in the
 * published severity bands; any PHQ-9 item 9 answer above 0 calls for an alert.
 */
class InstrumentScoringTests {

	@Test
	void phq9BandsMatchThePublishedCutPoints() {
		int[][] cases = { { 0, 0 }, { 4, 0 }, { 5, 1 }, { 9, 1 }, { 10, 2 }, { 14, 2 }, { 15, 3 }, { 19, 3 }, { 20, 4 },
				{ 27, 4 } };
		List<String> labels = List.of("Minimal", "Mild", "Moderate", "Moderately severe", "Severe");
		for (int[] c : cases) {
			assertThat(Instrument.PHQ9.severity(c[0])).as("PHQ-9 total %d", c[0]).isEqualTo(labels.get(c[1]));
		}
		assertThat(Instrument.PHQ9.items()).hasSize(9);
		assertThat(Instrument.PHQ9.maximum()).isEqualTo(27);
		assertThat(Instrument.PHQ9.items().get(8))
			.isEqualTo("Thoughts that you would be better off dead or of hurting yourself in some way");
	}

	@Test
	void gad7BandsMatchThePublishedCutPoints() {
		int[][] cases = { { 0, 0 }, { 4, 0 }, { 5, 1 }, { 9, 1 }, { 10, 2 }, { 14, 2 }, { 15, 3 }, { 21, 3 } };
		List<String> labels = List.of("Minimal", "Mild", "Moderate", "Severe");
		for (int[] c : cases) {
			assertThat(Instrument.GAD7.severity(c[0])).as("GAD-7 total %d", c[0]).isEqualTo(labels.get(c[1]));
		}
		assertThat(Instrument.GAD7.items()).hasSize(7);
		assertThat(Instrument.GAD7.maximum()).isEqualTo(21);
		assertThat(Instrument.GAD7.items().get(0)).isEqualTo("Feeling nervous, anxious or on edge");
	}

	@Test
	void everyPossibleTotalHasExactlyOneBand() {
		for (Instrument instrument : Instrument.values()) {
			for (int total = 0; total <= instrument.maximum(); total++) {
				int t = total;
				assertThat(instrument.bands().stream().filter((b) -> t >= b.from() && t <= b.to()).count())
					.as("%s total %d", instrument, total)
					.isEqualTo(1);
			}
			assertThatIllegalArgumentException().isThrownBy(() -> instrument.severity(instrument.maximum() + 1));
		}
	}

	@Test
	void theScoreIsTheSumOfAnswersForRandomAnswerSets() {
		Random random = new Random(20260415L);
		for (int round = 0; round < 500; round++) {
			for (Instrument instrument : Instrument.values()) {
				List<Integer> answers = new ArrayList<>();
				int sum = 0;
				for (int i = 0; i < instrument.items().size(); i++) {
					int a = random.nextInt(4);
					answers.add(a);
					sum += a;
				}
				assertThat(instrument.score(answers)).isEqualTo(sum);
				assertThat(instrument.raisesAlert(answers))
					.isEqualTo(instrument == Instrument.PHQ9 && answers.get(8) > 0);
			}
		}
	}

	@Test
	void item9AloneRaisesAnAlertWhateverTheTotal() {
		List<Integer> onlyItem9 = Arrays.asList(0, 0, 0, 0, 0, 0, 0, 0, 1);
		assertThat(Instrument.PHQ9.score(onlyItem9)).isEqualTo(1);
		assertThat(Instrument.PHQ9.severity(1)).isEqualTo("Minimal");
		assertThat(Instrument.PHQ9.raisesAlert(onlyItem9)).isTrue();
		assertThat(Instrument.PHQ9.raisesAlert(Arrays.asList(3, 3, 3, 3, 3, 3, 3, 3, 0))).isFalse();
		assertThat(Instrument.GAD7.raisesAlert(Arrays.asList(3, 3, 3, 3, 3, 3, 3))).isFalse();
	}

	@Test
	void incompleteOrOutOfRangeAnswersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Instrument.GAD7.score(List.of(0, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Instrument.GAD7.score(List.of(0, 1, 2, 3, 4, 0, 0)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Instrument.GAD7.score(Arrays.asList(0, 1, 2, 3, null, 0, 0)));
	}

}
