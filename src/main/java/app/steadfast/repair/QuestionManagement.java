package app.steadfast.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountId;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;
import app.steadfast.sharing.HeldWordsReleased;
import app.steadfast.sharing.SharingManagement;
import app.steadfast.sharing.SharingManagement.PartnerChannel;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
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

	private final RiskLanguage risk;

	private final Practice practice;

	private final Clock clock;

	QuestionManagement(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, RiskLanguage risk,
			Practice practice, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.risk = risk;
		this.practice = practice;
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

	/** Today in the practice's zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.practice.zone());
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
			return new Board(true, asker, asker, holding, holding ? held(link.get()) : List.of());
		}
		List<QuestionView> questions = new ArrayList<>();
		List<Row> rows = this.jdbc.sql("""
				SELECT * FROM partner_question WHERE client_id = :client AND partner_id = :partner AND held = FALSE
				ORDER BY asked_at DESC
				""")
			.param("client", link.get().client().value())
			.param("partner", link.get().partner().value())
			.query(this::row)
			.list();
		Map<UUID, List<QuestionView.Entry>> entries = entries(link.get());
		rows.forEach((row) -> questions.add(view(row, entries.getOrDefault(row.id(), List.of()))));
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
		LocalDate today = today();
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
					LocalDate asked = LocalDate.ofInstant(askedAt, this.practice.zone());
					oldest[0] = Math.max(oldest[0], Math.max(0, ChronoUnit.DAYS.between(asked, today)));
				}
				counts[3] += (status == QuestionStatus.NEEDS_TIME && until != null && today.isAfter(until)) ? 1 : 0;
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
			.orElseThrow(() -> new InvalidRepairInput("questions", "Questions are paused for now."));
		List<NewQuestion> asked = questions.stream().filter((q) -> q.words() != null && !q.words().isBlank()).toList();
		if (asked.isEmpty()) {
			throw new InvalidRepairInput("questions", "Write a question first.");
		}
		if (asked.stream().anyMatch((q) -> q.words().strip().length() > MAX_LENGTH)) {
			throw new InvalidRepairInput("questions", "Keep each question under " + MAX_LENGTH + " characters.");
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
				.param("words", this.encryption.seal(question.words().strip(), questionBinding(id, partner)))
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
		Row row = reachable(viewer, id);
		if (viewer.value().equals(row.partner())) {
			readBy(viewer, new AccountId(row.client()), id.value().toString());
		}
		return view(row);
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
		Row row = asked(client, id);
		if (row.status() == QuestionStatus.ANSWERED) {
			throw new InvalidRepairInput("words", "You've answered this. To change your answer, add a correction.");
		}
		return write(row, QuestionView.EntryKind.ANSWER, words, client);
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
		Row row = asked(client, id);
		if (entries(row).stream().noneMatch((e) -> e.kind().answer())) {
			throw new InvalidRepairInput("words", "There's no answer to correct yet.");
		}
		return write(row, QuestionView.EntryKind.CORRECTION, words, client);
	}

	/**
	 * He says he needs time to answer fully, and the date he commits to. Past that date
	 * the question shows as overdue to both.
	 * @throws NotFound if the question is not his to answer now
	 * @throws InvalidRepairInput if the date is missing, not in the future, or too far
	 */
	@Transactional
	public void needsTime(AccountId client, QuestionId id, @Nullable LocalDate until) {
		Row row = asked(client, id);
		if (row.status() == QuestionStatus.ANSWERED) {
			throw new InvalidRepairInput("until", "You've answered this already.");
		}
		LocalDate today = today();
		if (until == null || !until.isAfter(today) || until.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidRepairInput("until",
					"Choose a day after today and within " + MAX_DAYS_AHEAD + " days, one you can keep.");
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
	public void needMore(AccountId partner, QuestionId id, String words) {
		Row row = reachable(partner, id);
		if (!row.partner().equals(partner.value())) {
			throw new NotFound();
		}
		if (row.status() != QuestionStatus.ANSWERED) {
			throw new InvalidRepairInput("followUp", "You can ask for more once there's an answer.");
		}
		insertEntry(row, QuestionView.EntryKind.NEED_MORE, text(words, "followUp"), null, partner);
		status(row, QuestionStatus.NEEDS_MORE, null);
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
		if (text.length() > MAX_LENGTH) {
			throw new InvalidRepairInput(field, "Keep it under " + MAX_LENGTH + " characters.");
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
			.param("words", this.encryption.seal(words, entryBinding(id, author.value())))
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

	/** The question, when the viewer is the client it was asked of and words travel. */
	private Row asked(AccountId client, QuestionId id) {
		Row row = reachable(client, id);
		if (!row.client().equals(client.value())) {
			throw new NotFound();
		}
		return row;
	}

	/**
	 * The question, when the viewer is one of its two people, still linked, and the
	 * sharing module lets the viewer receive it: him whenever she sent it (not while it
	 * is held), her while words travel.
	 */
	private Row reachable(AccountId viewer, QuestionId id) {
		Row row = this.jdbc.sql("SELECT * FROM partner_question WHERE id = :id AND held = FALSE")
			.param("id", id.value())
			.query(this::row)
			.optional()
			.orElseThrow(NotFound::new);
		PartnerChannel link = this.sharing.channel(viewer).orElseThrow(NotFound::new);
		if (!link.receives() || !link.client().value().equals(row.client())
				|| !link.partner().value().equals(row.partner())) {
			throw new NotFound();
		}
		return row;
	}

	/** The questions she wrote during her safety pause, kept for her, newest first. */
	private List<QuestionView> held(PartnerChannel link) {
		return this.jdbc.sql("""
				SELECT * FROM partner_question WHERE client_id = :client AND partner_id = :partner AND held = TRUE
				ORDER BY asked_at DESC
				""")
			.param("client", link.client().value())
			.param("partner", link.partner().value())
			.query(this::row)
			.list()
			.stream()
			.map((row) -> view(row, List.of()))
			.toList();
	}

	private void readBy(AccountId partner, AccountId client, String ref) {
		this.sharing.recordRead(partner, client, AUDIT_CATEGORY, ref);
	}

	private record Row(UUID id, UUID partner, UUID client, String words, @Nullable Importance importance,
			QuestionStatus status, @Nullable LocalDate until, Instant askedAt, boolean held) {
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String importance = rs.getString("importance");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getString("words"),
				(importance != null) ? Importance.valueOf(importance) : null,
				QuestionStatus.valueOf(rs.getString("status")), rs.getObject("needs_time_until", LocalDate.class),
				rs.getObject("asked_at", OffsetDateTime.class).toInstant(), rs.getBoolean("held"));
	}

	private List<QuestionView.Entry> entries(Row row) {
		return entries(this.jdbc.sql("""
				SELECT id, question_id, kind, author_id, words, until_date, written_at FROM question_entry
				WHERE question_id = :id ORDER BY written_at, id
				""").param("id", row.id()).query(QuestionManagement::entryRow).list());
	}

	/** The entries of every question between the couple, by question, in one query. */
	private Map<UUID, List<QuestionView.Entry>> entries(PartnerChannel link) {
		Map<UUID, List<Object[]>> rows = new HashMap<>();
		this.jdbc.sql("""
				SELECT e.id, e.question_id, e.kind, e.author_id, e.words, e.until_date, e.written_at
				FROM question_entry e JOIN partner_question q ON q.id = e.question_id
				WHERE q.client_id = :client AND q.partner_id = :partner ORDER BY e.written_at, e.id
				""")
			.param("client", link.client().value())
			.param("partner", link.partner().value())
			.query(QuestionManagement::entryRow)
			.list()
			.forEach((e) -> rows.computeIfAbsent((UUID) e[6], (q) -> new ArrayList<>()).add(e));
		Map<UUID, List<QuestionView.Entry>> entries = new HashMap<>();
		rows.forEach((question, list) -> entries.put(question, entries(list)));
		return entries;
	}

	private static Object[] entryRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Object[] { rs.getObject("id", UUID.class), rs.getString("kind"),
				rs.getObject("author_id", UUID.class), rs.getString("words"),
				rs.getObject("until_date", LocalDate.class),
				rs.getObject("written_at", OffsetDateTime.class).toInstant(), rs.getObject("question_id", UUID.class) };
	}

	/** One question's entries, oldest first, opened. */
	private List<QuestionView.Entry> entries(List<Object[]> rows) {
		List<QuestionView.Entry> entries = new ArrayList<>();
		String lastAnswer = null;
		for (Object[] e : rows) {
			QuestionView.EntryKind kind = QuestionView.EntryKind.valueOf((String) e[1]);
			String words = this.encryption.open((String) e[3], entryBinding((UUID) e[0], (UUID) e[2]));
			entries.add(new QuestionView.Entry(kind, words, (LocalDate) e[4], (Instant) e[5],
					(kind == QuestionView.EntryKind.CORRECTION) ? lastAnswer : null));
			if (kind.answer()) {
				lastAnswer = words;
			}
		}
		return entries;
	}

	private QuestionView view(Row row) {
		return view(row, entries(row));
	}

	private QuestionView view(Row row, List<QuestionView.Entry> entries) {
		LocalDate today = today();
		LocalDate asked = LocalDate.ofInstant(row.askedAt(), this.practice.zone());
		long age = row.status().waiting() ? Math.max(0, ChronoUnit.DAYS.between(asked, today)) : 0;
		boolean overdue = row.status() == QuestionStatus.NEEDS_TIME && row.until() != null
				&& today.isAfter(row.until());
		return new QuestionView(new QuestionId(row.id()), new AccountId(row.partner()), new AccountId(row.client()),
				this.encryption.open(row.words(), questionBinding(row.id(), new AccountId(row.partner()))),
				row.importance(), row.status(), row.until(), row.askedAt(), age, overdue, entries, row.held());
	}

	private static EncryptionBinding questionBinding(UUID id, AccountId partner) {
		return EncryptionBinding.of("partner_question", id, partner.value());
	}

	private static EncryptionBinding entryBinding(UUID id, UUID author) {
		return EncryptionBinding.of("question_entry", id, author);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
