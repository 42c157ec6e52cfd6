package app.steadfast.repair;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import app.steadfast.shared.AccountId;

import org.jspecify.annotations.Nullable;

/**
 * A partner's question with everything that happened to it, as either of the two sees it.
 *
 * @param id the question
 * @param partner who asked
 * @param client who is asked
 * @param words the question
 * @param importance how much it matters to them, if they said
 * @param status where it stands
 * @param needsTimeUntil the date he committed to, while it needs time
 * @param askedAt when it was asked
 * @param ageDays how many days it has waited for an answer (0 once answered)
 * @param overdue whether the date he committed to has passed
 * @param entries answers, corrections, "needs time" and "I need more", oldest first
 * @param held whether she wrote it during her safety pause and it waits to be sent when
 * the pause ends (only she is ever shown such a question)
 */
public record QuestionView(QuestionId id, AccountId partner, AccountId client, String words,
		@Nullable Importance importance, QuestionStatus status, @Nullable LocalDate needsTimeUntil, Instant askedAt,
		long ageDays, boolean overdue, List<Entry> entries, boolean held) {

	/** Whether he has answered it at least once (so it can be corrected). */
	public boolean answered() {
		return this.entries.stream().anyMatch((e) -> e.kind().answer());
	}

	/**
	 * One thing that happened to a question.
	 *
	 * @param kind what it was
	 * @param words the words, if any
	 * @param until the date he committed to, for "needs time"
	 * @param writtenAt when
	 * @param replaces for a correction, the words of the answer it corrects
	 */
	public record Entry(EntryKind kind, @Nullable String words, @Nullable LocalDate until, Instant writtenAt,
			@Nullable String replaces) {
	}

	/** The kinds of entry. */
	public enum EntryKind {

		ANSWER("Answer"), CORRECTION("Correction"), NEEDS_TIME("Needs time"), NEED_MORE("I need more");

		private final String label;

		EntryKind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		/** Whether it is his answer (first or corrected). */
		public boolean answer() {
			return this == ANSWER || this == CORRECTION;
		}

	}

}
