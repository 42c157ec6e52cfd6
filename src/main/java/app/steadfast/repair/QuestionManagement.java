package app.steadfast.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.HeldWordsReleased;
import app.steadfast.sharing.SharingManagement;
import app.steadfast.sharing.SharingManagement.PartnerChannel;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner questions' API. A linked partner asks; the client answers, says he needs
 * time (with a date he commits to), or corrects an answer. Answers are never changed or
 * removed: a correction is a new entry shown with the answer it corrects. Only the
 * partner can delete a question, and only their own.
 * <p>
 * The sharing module decides what travels. During her safety pause nothing new reaches
 * either side: a question she writes then is held, kept for her and never shown to him,
 * and sent when the pause ends as if asked then; his answers wait for her until it ends.
 * The questions she asked before it stay with him and he answers them as before, so he
 * sees exactly what he would if she had turned all her shares off (never that a pause
 * exists). Every read by the partner of his answers is written to the audit log through
 * the sharing module.
 * <p>
 * Inside the module, {@link PartnerQuestions} finds and opens the stored questions and
 * {@link Answers} writes what follows a question: answers, corrections, the time he needs
 * and her asking for more.
 */
@Service
public class QuestionManagement {

	/** The most a question or answer may hold. */
	public static final int MAX_LENGTH = 4000;

	/** How far ahead he may commit to answering. */
	public static final int MAX_DAYS_AHEAD = 90;

	static final String AUDIT_CATEGORY = "QUESTIONS";

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final PartnerQuestions questions;

	private final Answers answers;

	private final Clock clock;

	QuestionManagement(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, PartnerQuestions questions,
			Answers answers, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.questions = questions;
		this.answers = answers;
		this.clock = clock;
	}

	/**
	 * What the person sees of their questions.
	 *
	 * @param linked whether they have a partner linked
	 * @param paused whether questions are paused for this person: only ever true for the
	 * partner (by her own safety answers, or before both intakes are answered); he sees
	 * the questions she asked before, as always
	 * @param asker whether this person is the one who asks (the partner)
	 * @param holding whether this person is the partner whose safety pause holds, so what
	 * she asks now is kept for her and sent only when the pause ends
	 * @param questions the questions, waiting ones first, newest first within; while her
	 * safety pause holds, only those she wrote during it (held, not sent yet)
	 */
	public record Board(boolean linked, boolean paused, boolean asker, boolean holding, List<QuestionView> questions) {
	}

	/**
	 * How the questions between a couple stand, in figures only: nothing of their words
	 * is opened or shown.
	 *
	 * @param linked whether the person has a partner linked
	 * @param paused whether questions are paused for this person (only ever the partner)
	 * @param asker whether this person is the one who asks (the partner)
	 * @param asked questions asked since the day given
	 * @param answered questions first answered since that day
	 * @param waiting questions still waiting for his answer
	 * @param overdue questions whose promised time has passed
	 * @param oldestWaitingDays the age in days of the oldest waiting question
	 */
	public record Tally(boolean linked, boolean paused, boolean asker, int asked, int answered, int waiting,
			int overdue, long oldestWaitingDays) {
	}

	/** A question to ask, with how much it matters (optional). */
	public record NewQuestion(String words, @Nullable Importance importance) {
	}

	/** Today where the person is: the days he may promise an answer by start after it. */
	public LocalDate today(AccountId person) {
		return this.questions.today(person);
	}

	/**
	 * The person's questions: those they asked (a partner) or were asked (a client). A
	 * partner's read is audited.
	 */
	@Transactional(readOnly = true)
	public Board board(AccountId viewer) {
		Optional<PartnerChannel> link = this.sharing.channel(viewer);
		if (link.isEmpty()) {
			return new Board(false, false, false, false, List.of());
		}
		boolean asker = link.get().partner().equals(viewer);
		if (!link.get().receives()) {
			boolean holding = asker && link.get().open() && link.get().pausedByMe();
			return new Board(true, asker, asker, holding,
					holding ? this.questions.held(link.get(), this.questions.calendars(viewer, link.get().client()))
							: List.of());
		}
		List<QuestionView> questions = this.questions.sent(link.get(),
				this.questions.calendars(viewer, link.get().client()));
		questions.sort(java.util.Comparator.comparing((QuestionView q) -> !q.status().waiting()));
		if (asker) {
			readBy(viewer, link.get().client(), "list");
		}
		return new Board(true, false, asker, false, questions);
	}

	/**
	 * The figures of the person's questions since a moment, in two queries and without
	 * opening any words (the progress page shows these, not the questions).
	 */
	@Transactional(readOnly = true)
	public Tally tally(AccountId viewer, Instant since) {
		Optional<PartnerChannel> link = this.sharing.channel(viewer);
		if (link.isEmpty()) {
			return new Tally(false, false, false, 0, 0, 0, 0, 0);
		}
		boolean asker = link.get().partner().equals(viewer);
		if (!link.get().receives()) {
			return new Tally(true, asker, asker, 0, 0, 0, 0, 0);
		}
		OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
		int[] counts = new int[4];
		long[] oldest = { 0 };
		PartnerQuestions.Calendars calendars = this.questions.calendars(viewer, link.get().client());
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), calendars.viewer());
		LocalDate hisToday = LocalDate.ofInstant(this.clock.instant(), calendars.client());
		this.jdbc.sql("""
				SELECT status, needs_time_until, asked_at FROM partner_question
				WHERE client_id = :client AND partner_id = :partner AND held = FALSE
				""")
			.param("client", link.get().client().value())
			.param("partner", link.get().partner().value())
			.query((rs) -> {
				QuestionStatus status = QuestionStatus.valueOf(rs.getString("status"));
				LocalDate until = rs.getObject("needs_time_until", LocalDate.class);
				Instant askedAt = rs.getObject("asked_at", OffsetDateTime.class).toInstant();
				counts[0] += askedAt.isBefore(since) ? 0 : 1;
				if (status.waiting()) {
					counts[2]++;
					LocalDate asked = LocalDate.ofInstant(askedAt, calendars.viewer());
					oldest[0] = Math.max(oldest[0], Math.max(0, ChronoUnit.DAYS.between(asked, today)));
				}
				counts[3] += (status == QuestionStatus.NEEDS_TIME && until != null && hisToday.isAfter(until)) ? 1 : 0;
			});
		counts[1] = this.jdbc.sql("""
				SELECT COUNT(*) FROM (
				  SELECT e.question_id, MIN(e.written_at) AS first_answer
				  FROM question_entry e JOIN partner_question q ON q.id = e.question_id
				  WHERE q.client_id = :client AND q.partner_id = :partner AND q.held = FALSE AND e.kind = 'ANSWER'
				  GROUP BY e.question_id
				) answers WHERE first_answer >= :from
				""")
			.param("client", link.get().client().value())
			.param("partner", link.get().partner().value())
			.param("from", from)
			.query(Integer.class)
			.single();
		return new Tally(true, false, asker, counts[0], counts[1], counts[2], counts[3], oldest[0]);
	}

	/**
	 * Whether a question the partner asks now is held until her safety pause ends,
	 * instead of sent to him at once (the sharing module decides).
	 */
	@Transactional(readOnly = true)
	public boolean heldIfAskedNow(AccountId partner) {
		return this.sharing.sending(partner).map(SharingManagement.Sending::held).orElse(false);
	}

	/**
	 * Asks one or several questions. Empty ones are left out. While her safety pause
	 * holds they are kept, never shown to him, and sent when it ends as if asked then.
	 * @throws NotFound if the person is not a linked partner
	 * @throws InvalidRepairInput if there is no question, one is too long, or questions
	 * are not open yet (the intakes not both answered)
	 */
	@Transactional
	public List<QuestionId> ask(AccountId partner, List<NewQuestion> questions) {
		PartnerChannel link = this.sharing.channel(partner)
			.filter((l) -> l.partner().equals(partner))
			.orElseThrow(NotFound::new);
		SharingManagement.Sending sending = this.sharing.sending(partner)
			.orElseThrow(() -> new InvalidRepairInput("question", "Questions are paused for now."));
		List<NewQuestion> asked = questions.stream().filter((q) -> q.words() != null && !q.words().isBlank()).toList();
		if (asked.isEmpty()) {
			throw new InvalidRepairInput("question", "Write a question first.");
		}
		if (asked.stream().anyMatch((q) -> q.words().strip().length() > MAX_LENGTH)) {
			throw new InvalidRepairInput("question", "Keep each question under " + MAX_LENGTH + " characters.");
		}
		List<QuestionId> ids = new ArrayList<>();
		OffsetDateTime now = now();
		for (NewQuestion question : asked) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					INSERT INTO partner_question (id, partner_id, client_id, words, importance, status,
					  needs_time_until, asked_at, changed_at, held)
					VALUES (:id, :partner, :client, :words, :importance, 'ASKED', NULL, :now, :now, :held)
					""")
				.param("id", id)
				.param("partner", partner.value())
				.param("client", link.client().value())
				.param("words",
						this.encryption.seal(question.words().strip(), PartnerQuestions.questionBinding(id, partner)))
				.param("importance", (question.importance() != null) ? question.importance().name() : null)
				.param("now", now)
				.param("held", sending.held())
				.update();
			ids.add(new QuestionId(id));
		}
		return ids;
	}

	/**
	 * One question, for the partner who asked it or the client asked, while their link
	 * carries words. A partner's read is audited.
	 * @throws NotFound otherwise
	 */
	@Transactional(readOnly = true)
	public QuestionView question(AccountId viewer, QuestionId id) {
		PartnerQuestions.Row row = this.questions.reachable(viewer, id);
		if (viewer.value().equals(row.partner())) {
			readBy(viewer, new AccountId(row.client()), id.value().toString());
		}
		return this.questions.view(row, this.questions.calendars(viewer, new AccountId(row.client())));
	}

	/**
	 * He answers. The answer is on record at once and never changes; to change it he
	 * corrects it. Checked for risk language; a hit never blocks saving.
	 * @return whether the words call for crisis resources
	 * @throws NotFound if the question is not his to answer now
	 * @throws InvalidRepairInput if the words are empty or too long, or it is answered
	 * already
	 */
	@Transactional
	public boolean answer(AccountId client, QuestionId id, String words) {
		return this.answers.answer(client, id, words);
	}

	/**
	 * He corrects an answer he gave: a new entry shown beside the answer it corrects.
	 * @return whether the words call for crisis resources
	 * @throws NotFound if the question is not his to answer now
	 * @throws InvalidRepairInput if there is no answer yet, or the words are empty or too
	 * long
	 */
	@Transactional
	public boolean correct(AccountId client, QuestionId id, String words) {
		return this.answers.correct(client, id, words);
	}

	/**
	 * He says he needs time to answer fully, and the date he commits to. Past that date
	 * the question shows as overdue to both.
	 * @throws NotFound if the question is not his to answer now
	 * @throws InvalidRepairInput if the date is missing, not in the future, or too far
	 */
	@Transactional
	public void needsTime(AccountId client, QuestionId id, @Nullable LocalDate until) {
		this.answers.needsTime(client, id, until);
	}

	/**
	 * Her safety pause ended: the questions she wrote during it are sent now, as if asked
	 * at this moment (an older date would tell him they were held). In the transaction
	 * that ends the pause.
	 */
	@EventListener
	void on(HeldWordsReleased released) {
		// Synchronous on purpose: sent in the same commit that ends the pause, so none is
		// held a moment longer, nor sent into a pause that began again.
		OffsetDateTime now = now();
		this.jdbc.sql("""
				UPDATE partner_question SET held = FALSE, asked_at = :now, changed_at = :now
				WHERE partner_id = :partner AND client_id = :client AND held = TRUE
				""")
			.param("now", now)
			.param("partner", released.author())
			.param("client", released.recipient())
			.update();
	}

	/**
	 * The partner deletes a question they asked, with everything written to it. No one
	 * else can.
	 * @throws NotFound if the question is not theirs
	 */
	@Transactional
	public void delete(AccountId partner, QuestionId id) {
		int deleted = this.jdbc.sql("DELETE FROM partner_question WHERE id = :id AND partner_id = :partner")
			.param("id", id.value())
			.param("partner", partner.value())
			.update();
		if (deleted == 0) {
			throw new NotFound();
		}
	}

	private void readBy(AccountId partner, AccountId client, String ref) {
		this.sharing.recordRead(partner, client, AUDIT_CATEGORY, ref);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
