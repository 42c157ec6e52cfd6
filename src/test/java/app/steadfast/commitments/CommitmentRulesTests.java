package app.steadfast.commitments;

import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.AbstractAggregateRoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules a commitment guards itself, without Spring or a database: which changes it
 * allows in which state, which days can be recorded, what is kept of earlier wording, and
 * what each change announces.
 */
class CommitmentRulesTests {

	private static final Encryption encryption = new Encryption(Encryption.newKeyset());

	private static final AccountId him = new AccountId(UUID.randomUUID());

	private static final LocalDate monday = LocalDate.parse("2026-11-16");

	private static final Instant now = Instant.parse("2026-11-16T20:00:00Z");

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	static Commitment daily(String title) {
		return Commitment.make(him, new CommitmentDetails(title, null, Recurrence.DAILY, Set.of(), null, null), null,
				monday, now, encryption);
	}

	@Test
	void aNewCommitmentRunsFromTodayWithItsWordsSealed() {
		Commitment made = Commitment.make(him, new CommitmentDetails("  Phone face down at dinner  ", "  She asked  ",
				Recurrence.WEEKLY, Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, null), null, monday, now,
				encryption);
		assertThat(made.status()).isEqualTo(CommitmentStatus.ACTIVE);
		assertThat(made.owner()).isEqualTo(him);
		assertThat(made.weekdays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
		assertThat(made.title(encryption)).isEqualTo("Phone face down at dinner");
		assertThat(made.why(encryption)).isEqualTo("She asked");
		assertThat(made.due(d("2026-11-16"))).isTrue();
		assertThat(made.due(d("2026-11-17"))).isFalse();
		assertThat(made.due(d("2026-11-15"))).as("before it started").isFalse();
	}

	@Test
	void aCommitmentThatCannotBeCheckedOrPromisesThePastIsNotMade() {
		assertRefused(() -> daily("ok"), "title", "Say what you'll do in 3 to 200 characters.");
		assertRefused(() -> daily("x".repeat(201)), "title", "Say what you'll do in 3 to 200 characters.");
		assertRefused(
				() -> make(new CommitmentDetails("Call on my days", null, Recurrence.WEEKLY, Set.of(), null, null)),
				"weekdays", "Choose at least one day.");
		assertRefused(() -> make(
				new CommitmentDetails("Call her mother", null, Recurrence.ONCE, Set.of(), d("2026-11-15"), null)),
				"onceDate", "Choose the day: today or later.");
		assertRefused(
				() -> make(new CommitmentDetails("Walk after work", null, Recurrence.DAILY, Set.of(), null, null,
						d("2026-11-15"), null, null, null)),
				"startDate", "Start today or later; you can't promise the past.");
		assertRefused(
				() -> make(new CommitmentDetails("Walk after work", null, Recurrence.DAILY, Set.of(), null, null,
						d("2026-11-20"), d("2026-11-19"), null, null)),
				"endDate", "The last day can't come before the first.");
	}

	@Test
	void aPauseRemovesOnlyTheDaysItCoversAndIsAnnounced() {
		Commitment walk = daily("Walk for 20 minutes after work");
		walk.pause(d("2026-11-18"), now);
		assertThat(walk.status()).isEqualTo(CommitmentStatus.PAUSED);
		assertThat(announced(walk)).containsExactly(new CommitmentPaused(walk.commitmentId(), him, d("2026-11-18")));
		walk.resume(d("2026-11-21"), now);
		assertThat(walk.status()).isEqualTo(CommitmentStatus.ACTIVE);
		assertThat(walk.pauses()).containsExactly(new Pause(d("2026-11-18"), d("2026-11-21")));
		assertThat(announced(walk)).last().isEqualTo(new CommitmentResumed(walk.commitmentId(), him, d("2026-11-21")));
		assertThat(walk.due(d("2026-11-17"))).isTrue();
		assertThat(walk.due(d("2026-11-18"))).isFalse();
		assertThat(walk.due(d("2026-11-20"))).isFalse();
		assertThat(walk.due(d("2026-11-21"))).isTrue();
	}

	@Test
	void pausingAgainOnTheDayItResumedTakesThatDaysPausesPlace() {
		Commitment walk = daily("Walk for 20 minutes after work");
		walk.pause(d("2026-11-18"), now);
		walk.resume(d("2026-11-18"), now);
		walk.pause(d("2026-11-18"), now);
		assertThat(walk.pauses()).containsExactly(new Pause(d("2026-11-18"), null));
	}

	@Test
	void onlyARunningCommitmentPausesAndOnlyAPausedOneResumes() {
		Commitment walk = daily("Walk for 20 minutes after work");
		assertRefused(() -> walk.resume(monday, now), "status", "Only a paused commitment can be resumed.");
		walk.pause(monday, now);
		assertRefused(() -> walk.pause(monday, now), "status", "Only a running commitment can be paused.");
		walk.end(monday, now);
		assertRefused(() -> walk.pause(monday, now), "status", "Only a running commitment can be paused.");
		assertRefused(() -> walk.resume(monday, now), "status", "Only a paused commitment can be resumed.");
	}

	@Test
	void endingMakesTodayTheLastDueDayAndEndingAgainChangesNothing() {
		Commitment walk = daily("Walk for 20 minutes after work");
		walk.end(d("2026-11-19"), now);
		assertThat(walk.status()).isEqualTo(CommitmentStatus.ENDED);
		assertThat(walk.endDate()).isEqualTo(d("2026-11-19"));
		assertThat(walk.due(d("2026-11-19"))).isTrue();
		assertThat(walk.due(d("2026-11-20"))).isFalse();
		walk.end(d("2026-11-25"), now);
		assertThat(walk.endDate()).isEqualTo(d("2026-11-19"));
		assertThat(announced(walk)).containsExactly(new CommitmentEnded(walk.commitmentId(), him, d("2026-11-19")));
	}

	@Test
	void endingAfterItsOwnLastDayKeepsThatDay() {
		Commitment walk = make(new CommitmentDetails("Walk for 20 minutes after work", null, Recurrence.DAILY, Set.of(),
				null, null, null, d("2026-11-20"), null, null));
		walk.end(d("2026-11-25"), now);
		assertThat(walk.endDate()).isEqualTo(d("2026-11-20"));
	}

	@Test
	void rewordingKeepsTheEarlierWordingSealedAndTheSameWordingKeepsNoHistory() {
		Commitment dinner = daily("Be a better husband");
		dinner.reword("  Be a better husband ", "Because she asked", now, encryption);
		assertThat(dinner.wordings()).isEmpty();
		assertThat(dinner.why(encryption)).isEqualTo("Because she asked");

		dinner.reword("Phone face down at dinner", " ", now, encryption);
		assertThat(dinner.title(encryption)).isEqualTo("Phone face down at dinner");
		assertThat(dinner.why(encryption)).isNull();
		assertThat(dinner.wordings()).singleElement().satisfies((earlier) -> {
			assertThat(earlier.oldTitle()).doesNotContain("husband");
			assertThat(encryption.open(earlier.oldTitle(), EarlierWording.binding(dinner.id(), him.value())))
				.isEqualTo("Be a better husband");
		});
		assertThat(announced(dinner)).containsOnly(new CommitmentReworded(dinner.commitmentId(), him));
	}

	@Test
	void wordingThatCannotBeUsedIsRefusedAndLeavesTheOldOne() {
		Commitment dinner = daily("Phone face down at dinner");
		assertRefused(() -> dinner.reword(" no ", null, now, encryption), "title",
				"Say what you'll do in 3 to 200 characters.");
		assertRefused(() -> dinner.reword("Phone away at dinner", "x".repeat(1001), now, encryption), "why",
				"Keep it under 1000 characters.");
		assertThat(dinner.title(encryption)).isEqualTo("Phone face down at dinner");
		assertThat(announced(dinner)).isEmpty();
	}

	@Test
	void aDayIsRecordedOnceItHasComeAndOnlyIfItWasDue() {
		Commitment walk = make(new CommitmentDetails("Cook dinner on Mon, Wed and Fri", null, Recurrence.WEEKLY,
				Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), null, null));
		LocalDate today = d("2026-11-20");
		assertRefused(() -> walk.record(d("2026-11-18"), null, null, null, today, now, encryption), "outcome",
				"Choose kept or missed.");
		assertRefused(() -> walk.record(d("2026-11-23"), Outcome.KEPT, null, null, today, now, encryption), "dueDate",
				"You can record a day once it has come.");
		assertRefused(() -> walk.record(null, Outcome.KEPT, null, null, today, now, encryption), "dueDate",
				"You can record a day once it has come.");
		assertRefused(() -> walk.record(d("2026-11-17"), Outcome.KEPT, null, null, today, now, encryption), "dueDate",
				"That day isn't one this commitment was due.");
		assertRefused(() -> walk.record(d("2026-11-13"), Outcome.KEPT, null, null, today, now, encryption), "dueDate",
				"That day isn't one this commitment was due.");
		assertRefused(
				() -> walk.record(d("2026-11-18"), Outcome.MISSED, "x".repeat(1001), null, today, now, encryption),
				"note", "Keep it under 1000 characters.");
		walk.pause(d("2026-11-18"), now);
		assertRefused(() -> walk.record(d("2026-11-18"), Outcome.KEPT, null, null, today, now, encryption), "dueDate",
				"That day isn't one this commitment was due.");
		assertThat(walk.record(d("2026-11-16"), Outcome.KEPT, null, null, today, now, encryption)).isNotNull();
	}

	@Test
	void aRecordedDayHoldsHisWordsSealedAndAnnouncesTheDay() {
		Commitment walk = daily("Walk for 20 minutes after work");
		RecordedDay day = walk.record(d("2026-11-17"), Outcome.MISSED, "Shame again", " ", d("2026-11-18"), now,
				encryption);
		assertThat(day.getId()).isEqualTo(new RecordedDay.Key(walk.id(), d("2026-11-17")));
		assertThat(day.isNew()).isTrue();
		assertThat(day.outcome()).isEqualTo(Outcome.MISSED);
		assertThat(day.note()).doesNotContain("Shame");
		assertThat(encryption.open(day.note(), RecordedDay.binding(walk.id(), d("2026-11-17"), him.value())))
			.isEqualTo("Shame again");
		assertThat(day.whatGotInTheWay()).isNull();
		assertThat(announced(day))
			.containsExactly(new CommitmentDayRecorded(walk.commitmentId(), him, d("2026-11-17")));
	}

	@Test
	void recordingADayAgainMakesARecordThatTakesTheEarlierOnesPlace() {
		Commitment walk = daily("Walk for 20 minutes after work");
		RecordedDay first = walk.record(monday, Outcome.MISSED, null, null, monday, now, encryption);
		RecordedDay second = walk.record(monday, Outcome.KEPT, null, null, monday, now, encryption);
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(second.outcome()).isEqualTo(Outcome.KEPT);
		assertThat(announced(walk)).as("the commitment itself is unchanged").isEmpty();
	}

	@Test
	void whatAPartnerSawNeedsAViewOfADueDayThatHasCome() {
		Commitment walk = daily("Walk for 20 minutes after work");
		AccountId her = new AccountId(UUID.randomUUID());
		LocalDate today = d("2026-11-18");
		assertRefused(() -> walk.witness(her, monday, null, null, today, now, encryption), "seen",
				"Choose what you saw.");
		assertRefused(() -> walk.witness(her, d("2026-11-19"), Seen.CONFIRMED, null, today, now, encryption), "dueDate",
				"That day isn't one this commitment was due yet.");
		assertRefused(() -> walk.witness(her, d("2026-11-15"), Seen.CONFIRMED, null, today, now, encryption), "dueDate",
				"That day isn't one this commitment was due yet.");
		assertRefused(() -> walk.witness(her, monday, Seen.CONFIRMED, "x".repeat(1001), today, now, encryption), "note",
				"Keep it under 1000 characters.");
		WitnessedDay seen = walk.witness(her, monday, Seen.SAW_DIFFERENTLY, "He came home late", today, now,
				encryption);
		assertThat(seen.getId()).isEqualTo(new WitnessedDay.Key(walk.id(), monday, her.value()));
		assertThat(seen.note()).doesNotContain("late");
		assertThat(encryption.open(seen.note(), WitnessedDay.binding(walk.id(), monday, her.value())))
			.isEqualTo("He came home late");
		assertThat(announced(seen)).containsExactly(new CommitmentDayRecorded(walk.commitmentId(), him, monday));
	}

	@Test
	void wordingIsVagueWithoutAnythingCountable() {
		assertThat(Commitment.vague("Be a better husband")).isTrue();
		assertThat(Commitment.vague("Listen more")).isTrue();
		assertThat(Commitment.vague("Phone face down at dinner")).isFalse();
		assertThat(Commitment.vague("Gym 3x")).isFalse();
	}

	private static Commitment make(CommitmentDetails details) {
		return Commitment.make(him, details, null, monday, now, encryption);
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable change, String field,
			String message) {
		assertThatThrownBy(change).isInstanceOfSatisfying(InvalidCommitment.class, (ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

	/** What the aggregate will publish when it is saved. */
	@SuppressWarnings("unchecked")
	private static Collection<Object> announced(AbstractAggregateRoot<?> aggregate) {
		try {
			Method events = AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
			events.setAccessible(true);
			return (Collection<Object>) events.invoke(aggregate);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
