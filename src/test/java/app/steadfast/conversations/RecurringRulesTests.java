package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recurring-topic rules on hand-built timelines: three talks in four weeks (28 days,
 * today included), and a topic marked resolved that comes back.
 */
class RecurringRulesTests {

	static final LocalDate TODAY = LocalDate.parse("2026-03-28");

	static RecurringRules.Talk talk(String day) {
		return new RecurringRules.Talk(LocalDate.parse(day), 0, false);
	}

	static RecurringRules.Talk resolved(String day) {
		return new RecurringRules.Talk(LocalDate.parse(day), 0, true);
	}

	static Optional<RecurringRules.Finding> assess(RecurringRules.Talk... talks) {
		List<RecurringRules.Talk> ordered = new ArrayList<>();
		for (int i = 0; i < talks.length; i++) {
			ordered.add(new RecurringRules.Talk(talks[i].on(), i, talks[i].resolved()));
		}
		return RecurringRules.assess(ordered, TODAY);
	}

	@Test
	void threeTalksWithTheFirstExactly27DaysAgoAreRecurring() {
		// 1 March is the first day of the 28 days ending 28 March.
		assertThat(RecurringRules.windowStart(TODAY)).isEqualTo("2026-03-01");
		var found = assess(talk("2026-03-01"), talk("2026-03-15"), talk("2026-03-28"));
		assertThat(found).isPresent();
		assertThat(found.get().kinds()).containsExactly(RecurrenceKind.FREQUENT);
		assertThat(found.get().since()).isEqualTo("2026-03-01");
		assertThat(found.get().dates()).extracting(LocalDate::toString)
			.containsExactly("2026-03-01", "2026-03-15", "2026-03-28");
	}

	@Test
	void threeTalksWithTheFirstOneDayOutsideTheFourWeeksAreNot() {
		assertThat(assess(talk("2026-02-28"), talk("2026-03-15"), talk("2026-03-28"))).isEmpty();
	}

	@Test
	void twoTalksInFourWeeksAreNot() {
		assertThat(assess(talk("2026-03-20"), talk("2026-03-28"))).isEmpty();
		assertThat(assess(talk("2026-03-28"), talk("2026-03-28"))).isEmpty();
	}

	@Test
	void threeTalksOnOneDayAreRecurring() {
		assertThat(assess(talk("2026-03-28"), talk("2026-03-28"), talk("2026-03-28"))).isPresent();
	}

	@Test
	void aFourthTalkCountsFromTheFirstInTheWindow() {
		var found = assess(talk("2026-01-10"), talk("2026-03-02"), talk("2026-03-09"), talk("2026-03-16"),
				talk("2026-03-27"));
		assertThat(found.get().dates()).hasSize(4);
		assertThat(found.get().since()).isEqualTo("2026-03-02");
	}

	@Test
	void talksInTheFutureAreNotCounted() {
		assertThat(assess(talk("2026-03-27"), talk("2026-03-28"), talk("2026-03-29"))).isEmpty();
	}

	@Test
	void aResolvedTopicThatComesBackIsRecurringEvenWithOneTalkSince() {
		var found = assess(resolved("2026-01-05"), talk("2026-03-20"));
		assertThat(found).isPresent();
		assertThat(found.get().kinds()).containsExactly(RecurrenceKind.CAME_BACK);
		assertThat(found.get().resolvedOn()).isEqualTo("2026-01-05");
		assertThat(found.get().since()).isEqualTo("2026-01-05");
		assertThat(found.get().dates()).extracting(LocalDate::toString).containsExactly("2026-01-05", "2026-03-20");
	}

	@Test
	void aResolvedTopicNotYetBackIsNot() {
		assertThat(assess(talk("2026-03-01"), resolved("2026-03-20"))).isEmpty();
	}

	@Test
	void aReturnOlderThanFourWeeksNoLongerCounts() {
		assertThat(assess(resolved("2026-01-05"), talk("2026-02-28"))).isEmpty();
		assertThat(assess(resolved("2026-01-05"), talk("2026-03-01"))).isPresent();
	}

	@Test
	void aReturnOnTheSameDayCountsByTheOrderTheyWereLogged() {
		assertThat(assess(resolved("2026-03-20"), talk("2026-03-20"))).isPresent();
		assertThat(assess(talk("2026-03-20"), resolved("2026-03-20"))).isEmpty();
	}

	@Test
	void bothRulesAtOnceCountFromTheEarlierDay() {
		var found = assess(resolved("2026-02-01"), talk("2026-03-10"), talk("2026-03-12"), talk("2026-03-14"));
		assertThat(found.get().kinds()).containsExactlyInAnyOrder(RecurrenceKind.FREQUENT, RecurrenceKind.CAME_BACK);
		assertThat(found.get().since()).isEqualTo("2026-02-01");
		assertThat(found.get().dates()).hasSize(4);
	}

	@Test
	void theOrderTalksArriveInDoesNotChangeTheAnswer() {
		Random random = new Random(20260328L);
		for (int round = 0; round < 300; round++) {
			List<RecurringRules.Talk> talks = new ArrayList<>();
			int n = random.nextInt(6);
			for (int i = 0; i < n; i++) {
				talks.add(new RecurringRules.Talk(TODAY.minusDays(random.nextInt(60)), i, random.nextInt(4) == 0));
			}
			List<RecurringRules.Talk> shuffled = new ArrayList<>(talks);
			java.util.Collections.shuffle(shuffled, random);
			assertThat(RecurringRules.assess(shuffled, TODAY)).isEqualTo(RecurringRules.assess(talks, TODAY));
			long recent = talks.stream().filter((t) -> !t.on().isBefore(TODAY.minusDays(27))).count();
			assertThat(RecurringRules.assess(talks, TODAY)
				.map((f) -> f.kinds().contains(RecurrenceKind.FREQUENT))
				.orElse(false)).isEqualTo(recent >= 3);
		}
	}

}
