package app.steadfast.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.SharingManagement;
import app.steadfast.sharing.SharingManagement.PartnerChannel;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored questions between a couple with their entries: finding the one a person may
 * reach now, and opening them into views. Also the questions a partner keeps for later:
 * sealed like every question, addressed to no one until she chooses to send them to the
 * partner she is linked with; sent, they are questions like any other, asked at that
 * moment, and held like any question she writes under her safety pause.
 */
@Component
class PartnerQuestions {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final Clock clock;

	PartnerQuestions(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, AccountManagement accounts,
			Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Today where the person is. */
	LocalDate today(AccountId person) {
		return this.accounts.today(person);
	}

	/**
	 * The calendars a question is read by, in one query: the viewer's, in which the days
	 * it has waited are counted, and the client's, on which a day he promised to answer
	 * by passes.
	 */
	Calendars calendars(AccountId viewer, AccountId client) {
		Map<AccountId, ZoneId> zones = this.accounts.zones(List.of(viewer, client));
		return new Calendars(zones.get(viewer), zones.get(client));
	}

	record Calendars(ZoneId viewer, ZoneId client) {
	}

	/**
	 * The questions she sent him (none held), newest first, each with its entries, their
	 * ages counted in the viewer's zone.
	 */
	List<QuestionView> sent(PartnerChannel link, Calendars calendars) {
		List<QuestionView> questions = new ArrayList<>();
		List<Row> rows = this.jdbc.sql("""
				SELECT * FROM partner_question WHERE client_id = :client AND partner_id = :partner AND held = FALSE
				ORDER BY asked_at DESC
				""")
			.param("client", link.client().value())
			.param("partner", link.partner().value())
			.query(this::row)
			.list();
		Map<UUID, List<QuestionView.Entry>> entries = entries(link);
		rows.forEach((row) -> questions.add(view(row, entries.getOrDefault(row.id(), List.of()), calendars)));
		return questions;
	}

	/** The questions she wrote during her safety pause, kept for her, newest first. */
	List<QuestionView> held(PartnerChannel link, Calendars calendars) {
		return this.jdbc.sql("""
				SELECT * FROM partner_question WHERE client_id = :client AND partner_id = :partner AND held = TRUE
				ORDER BY asked_at DESC
				""")
			.param("client", link.client().value())
			.param("partner", link.partner().value())
			.query(this::row)
			.list()
			.stream()
			.map((row) -> view(row, List.of(), calendars))
			.toList();
	}

	/** The question, when the viewer is the client it was asked of and words travel. */
	Row asked(AccountId client, QuestionId id) {
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
	Row reachable(AccountId viewer, QuestionId id) {
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

	record Row(UUID id, UUID partner, UUID client, String words, @Nullable Importance importance, QuestionStatus status,
			@Nullable LocalDate until, Instant askedAt, boolean held) {
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String importance = rs.getString("importance");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("client_id", UUID.class), rs.getString("words"),
				(importance != null) ? Importance.valueOf(importance) : null,
				QuestionStatus.valueOf(rs.getString("status")), rs.getObject("needs_time_until", LocalDate.class),
				rs.getObject("asked_at", OffsetDateTime.class).toInstant(), rs.getBoolean("held"));
	}

	List<QuestionView.Entry> entries(Row row) {
		return entries(this.jdbc.sql("""
				SELECT id, question_id, kind, author_id, words, until_date, written_at FROM question_entry
				WHERE question_id = :id ORDER BY written_at, id
				""").param("id", row.id()).query(PartnerQuestions::entryRow).list());
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
			.query(PartnerQuestions::entryRow)
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

	/** The question as seen by the viewer whose calendars are given. */
	QuestionView view(Row row, Calendars calendars) {
		return view(row, entries(row), calendars);
	}

	// How long a question has waited is counted in days on the viewer's own calendar (a
	// question asked late in her evening is a day old the next morning, wherever the
	// server is); the day he promised an answer by passes on his.
	private QuestionView view(Row row, List<QuestionView.Entry> entries, Calendars calendars) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, calendars.viewer());
		LocalDate asked = LocalDate.ofInstant(row.askedAt(), calendars.viewer());
		long age = row.status().waiting() ? Math.max(0, ChronoUnit.DAYS.between(asked, today)) : 0;
		boolean overdue = row.status() == QuestionStatus.NEEDS_TIME && row.until() != null
				&& LocalDate.ofInstant(now, calendars.client()).isAfter(row.until());
		return new QuestionView(new QuestionId(row.id()), new AccountId(row.partner()), new AccountId(row.client()),
				this.encryption.open(row.words(), questionBinding(row.id(), new AccountId(row.partner()))),
				row.importance(), row.status(), row.until(), row.askedAt(), age, overdue, entries, row.held());
	}

	static EncryptionBinding questionBinding(UUID id, AccountId partner) {
		return EncryptionBinding.of("partner_question", id, partner.value());
	}

	static EncryptionBinding entryBinding(UUID id, UUID author) {
		return EncryptionBinding.of("question_entry", id, author);
	}

	/** A question kept for later, as she sees it. */
	record KeptQuestion(QuestionId id, String words, @Nullable Importance importance, Instant writtenAt) {
	}

	/**
	 * Whether she can send them now, and to whom it would go.
	 *
	 * @param linked whether she has a partner linked
	 * @param sendable whether sending is possible now (linked, and both intakes answered)
	 * @param questions her kept questions, newest first
	 */
	record Kept(boolean linked, boolean sendable, List<KeptQuestion> questions) {
	}

	/**
	 * Her kept questions, and whether she can send them now.
	 * @throws NotFound if the person is not a partner
	 */
	@Transactional(readOnly = true)
	Kept kept(AccountId partner) {
		requirePartner(partner);
		List<KeptQuestion> questions = keptBy(partner);
		boolean linked = this.sharing.channel(partner).filter((c) -> c.partner().equals(partner)).isPresent();
		return new Kept(linked, linked && this.sharing.sending(partner).isPresent(), questions);
	}

	/** The questions this person keeps for later, newest first (none for a client). */
	@Transactional(readOnly = true)
	List<KeptQuestion> keptBy(AccountId partner) {
		return this.jdbc.sql("""
				SELECT id, words, importance, asked_at FROM partner_question
				WHERE partner_id = :partner AND client_id IS NULL ORDER BY asked_at DESC
				""").param("partner", partner.value()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			String importance = rs.getString("importance");
			return new KeptQuestion(new QuestionId(id),
					this.encryption.open(rs.getString("words"), questionBinding(id, partner)),
					(importance != null) ? Importance.valueOf(importance) : null,
					rs.getObject("asked_at", OffsetDateTime.class).toInstant());
		}).list();
	}

	/**
	 * Keeps a question for later, addressed to no one yet.
	 * @throws NotFound if the person is not a partner
	 * @throws InvalidRepairInput if it is empty or too long
	 */
	@Transactional
	QuestionId keep(AccountId partner, String words, @Nullable Importance importance) {
		requirePartner(partner);
		if (words == null || words.isBlank()) {
			throw new InvalidRepairInput("question", "Write a question first.");
		}
		if (words.strip().length() > QuestionManagement.MAX_LENGTH) {
			throw new InvalidRepairInput("question",
					"Keep each question under " + QuestionManagement.MAX_LENGTH + " characters.");
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = keptNow();
		this.jdbc.sql("""
				INSERT INTO partner_question (id, partner_id, client_id, words, importance, status,
				  needs_time_until, asked_at, changed_at, held)
				VALUES (:id, :partner, NULL, :words, :importance, 'ASKED', NULL, :now, :now, FALSE)
				""")
			.param("id", id)
			.param("partner", partner.value())
			.param("words", this.encryption.seal(words.strip(), questionBinding(id, partner)))
			.param("importance", (importance != null) ? importance.name() : null)
			.param("now", now)
			.update();
		return new QuestionId(id);
	}

	/**
	 * Sends every kept question to the partner she is linked with, as asked now; under
	 * her safety pause they are held like any question written then.
	 * @return how many were sent (or held), and whether they were held
	 * @throws NotFound if she is not linked, or questions are not open yet
	 */
	@Transactional
	Sent send(AccountId partner) {
		PartnerChannel link = this.sharing.channel(partner)
			.filter((c) -> c.partner().equals(partner))
			.orElseThrow(NotFound::new);
		SharingManagement.Sending sending = this.sharing.sending(partner).orElseThrow(NotFound::new);
		OffsetDateTime now = keptNow();
		int count = this.jdbc.sql("""
				UPDATE partner_question SET client_id = :client, held = :held, asked_at = :now, changed_at = :now
				WHERE partner_id = :partner AND client_id IS NULL
				""")
			.param("client", link.client().value())
			.param("held", sending.held())
			.param("now", now)
			.param("partner", partner.value())
			.update();
		return new Sent(count, sending.held());
	}

	record Sent(int count, boolean held) {
	}

	private void requirePartner(AccountId person) {
		this.accounts.find(person).map(Person::role).filter((r) -> r == Role.PARTNER).orElseThrow(NotFound::new);
	}

	private OffsetDateTime keptNow() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
