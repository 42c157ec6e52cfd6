package app.steadfast.repair;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.repair.PartnerQuestions.Row;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is written on a question once asked: his answers, corrections and the time he
 * needs, and her asking for more; each an entry on record that never changes.
 */
@Component
class Answers {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final PartnerQuestions questions;

	private final RiskLanguage risk;

	private final Clock clock;

	Answers(JdbcClient jdbc, Encryption encryption, PartnerQuestions questions, RiskLanguage risk, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.questions = questions;
		this.risk = risk;
		this.clock = clock;
	}

	/** See {@link QuestionManagement#answer}. */
	@Transactional
	boolean answer(AccountId client, QuestionId id, String words) {
		Row row = this.questions.asked(client, id);
		if (row.status() == QuestionStatus.ANSWERED) {
			throw new InvalidRepairInput("words", "You've answered this. To change your answer, add a correction.");
		}
		return write(row, QuestionView.EntryKind.ANSWER, words, client);
	}

	/** See {@link QuestionManagement#correct}. */
	@Transactional
	boolean correct(AccountId client, QuestionId id, String words) {
		Row row = this.questions.asked(client, id);
		if (this.questions.entries(row).stream().noneMatch((e) -> e.kind().answer())) {
			throw new InvalidRepairInput("words", "There's no answer to correct yet.");
		}
		return write(row, QuestionView.EntryKind.CORRECTION, words, client);
	}

	/** See {@link QuestionManagement#needsTime}. */
	@Transactional
	void needsTime(AccountId client, QuestionId id, @Nullable LocalDate until) {
		Row row = this.questions.asked(client, id);
		if (row.status() == QuestionStatus.ANSWERED) {
			throw new InvalidRepairInput("until", "You've answered this already.");
		}
		LocalDate today = this.questions.today(client);
		if (until == null || !until.isAfter(today)
				|| until.isAfter(today.plusDays(QuestionManagement.MAX_DAYS_AHEAD))) {
			throw new InvalidRepairInput("until", "Choose a day after today and within "
					+ QuestionManagement.MAX_DAYS_AHEAD + " days, one you can keep.");
		}
		insertEntry(row, QuestionView.EntryKind.NEEDS_TIME, null, until, client);
		status(row, QuestionStatus.NEEDS_TIME, until);
	}

	/**
	 * The partner says an answer is not enough yet, with a follow-up.
	 * @throws NotFound if the question is not theirs, or not reachable now
	 * @throws InvalidRepairInput if it is not answered, or the follow-up is empty or too
	 * long
	 */
	@Transactional
	void needMore(AccountId partner, QuestionId id, String words) {
		Row row = this.questions.reachable(partner, id);
		if (!row.partner().equals(partner.value())) {
			throw new NotFound();
		}
		if (row.status() != QuestionStatus.ANSWERED) {
			throw new InvalidRepairInput("followUp", "You can ask for more once there's an answer.");
		}
		insertEntry(row, QuestionView.EntryKind.NEED_MORE, text(words, "followUp"), null, partner);
		status(row, QuestionStatus.NEEDS_MORE, null);
	}

	private boolean write(Row row, QuestionView.EntryKind kind, String words, AccountId client) {
		String text = text(words, "words");
		UUID entry = insertEntry(row, kind, text, null, client);
		status(row, QuestionStatus.ANSWERED, null);
		return this.risk.checkAndReport(text, client.value(), RiskSource.ANSWER, entry).hit();
	}

	private static String text(String words, String field) {
		String text = (words == null) ? "" : words.strip();
		if (text.isEmpty()) {
			throw new InvalidRepairInput(field, "Write something first.");
		}
		if (text.length() > QuestionManagement.MAX_LENGTH) {
			throw new InvalidRepairInput(field, "Keep it under " + QuestionManagement.MAX_LENGTH + " characters.");
		}
		return text;
	}

	private UUID insertEntry(Row row, QuestionView.EntryKind kind, @Nullable String words, @Nullable LocalDate until,
			AccountId author) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO question_entry (id, question_id, kind, author_id, words, until_date, written_at)
				VALUES (:id, :question, :kind, :author, :words, :until, :now)
				""")
			.param("id", id)
			.param("question", row.id())
			.param("kind", kind.name())
			.param("author", author.value())
			.param("words", this.encryption.seal(words, PartnerQuestions.entryBinding(id, author.value())))
			.param("until", until)
			.param("now", now())
			.update();
		return id;
	}

	private void status(Row row, QuestionStatus status, @Nullable LocalDate until) {
		this.jdbc.sql("""
				UPDATE partner_question SET status = :status, needs_time_until = :until, changed_at = :now
				WHERE id = :id
				""")
			.param("status", status.name())
			.param("until", until)
			.param("now", now())
			.param("id", row.id())
			.update();
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
