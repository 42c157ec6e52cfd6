package app.steadfast.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.consultations.TherapistAssignment;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.PracticeSettings;
import app.steadfast.sharing.GrantKind;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secure messages between a client and his current therapist: one thread per pair, the
 * words sealed at rest, every read by someone other than a message's author written to
 * the audit log. Who may read and write a thread is decided by {@link Therapy}, the one
 * place care decides who serves whom: the client himself while he has a therapist, his
 * assigned therapist, and (read only) a therapist an admin opened his records to for an
 * emergency. Anyone else, a partner included, gets the answer a missing thread gets.
 * <p>
 * What the client writes is checked for risk language like a journal entry: a hit shows
 * him crisis lines on the next page and, where he granted risk alerts, raises his
 * therapist's alert (never with his words). The recipient is emailed that a message
 * waits, with a link and no words of it.
 */
@Service
class Messages {

	/** The longest a message may be. */
	static final int MAX_TEXT = 4000;

	/** The category code of message reads in the audit log. */
	static final String AUDITED = "MESSAGES";

	/** Why a client's read of his therapist's words was allowed, in the audit log. */
	static final String CLIENT = "CLIENT";

	/** The subject, and the whole of the words, of the email about a new message. */
	static final String NOTICE = "You have a new message in Steadfast";

	static final String TABLE = "care_message";

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final Therapy therapy;

	private final AuditLog audit;

	private final RiskLanguage risk;

	private final Postbox postbox;

	private final PracticeSettings practice;

	private final Clock clock;

	Messages(JdbcClient jdbc, Encryption encryption, Therapy therapy, AuditLog audit, RiskLanguage risk,
			Postbox postbox, PracticeSettings practice, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.therapy = therapy;
		this.audit = audit;
		this.risk = risk;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
	}

	/**
	 * Who may open the client's thread, and how: the client himself (while he has a
	 * therapist who has not left), his assigned therapist, or a therapist with emergency
	 * access (reading only).
	 * @throws NotFound for anyone else, alike for a missing client, a partner not in care
	 * of her own, another client or another therapist
	 */
	@Transactional(readOnly = true)
	Access access(AccountId viewer, AccountId client) {
		if (viewer.equals(client)) {
			Person me = this.therapy.person(client).orElseThrow(NotFound::new);
			AccountId therapist = this.therapy.therapistOf(client).orElseThrow(NotFound::new);
			if (!Therapy.inCare(me)) {
				throw new NotFound();
			}
			return new Access(client, therapist, viewer, true, !this.therapy.therapistLeft(client), CLIENT);
		}
		this.therapy.requireClient(viewer, client);
		AccountId therapist = this.therapy.therapistOf(client).orElseThrow(NotFound::new);
		boolean own = therapist.equals(viewer);
		return new Access(client, therapist, viewer, own, own,
				own ? GrantKind.THERAPIST.name() : GrantKind.BREAK_GLASS.name());
	}

	/**
	 * The thread as the viewer may read it, oldest first. Each read of words the viewer
	 * did not write is audited once per opening; when the viewer is the recipient, what
	 * the other wrote is marked read now (an emergency read marks nothing).
	 * @throws NotFound as {@link #access} does
	 */
	@Transactional
	List<Message> read(AccountId viewer, AccountId client) {
		Access access = access(viewer, client);
		Optional<UUID> thread = threadOf(access);
		if (thread.isEmpty()) {
			return List.of();
		}
		List<Message> messages = this.jdbc.sql("SELECT * FROM care_message WHERE thread_id = :t ORDER BY sent_at, id")
			.param("t", thread.get())
			.query((rs, n) -> message(rs, access))
			.list();
		List<Message> others = messages.stream().filter((m) -> !m.mine()).toList();
		if (!others.isEmpty()) {
			AccountId author = viewer.equals(client) ? access.therapist() : client;
			this.audit.record(
					AuditEntry.read(viewer.value(), author.value(), AUDITED, thread.get().toString(), access.reason()));
		}
		if (access.party() && others.stream().anyMatch((m) -> m.readAt() == null)) {
			this.jdbc.sql("""
					UPDATE care_message SET read_at = :now
					WHERE thread_id = :t AND author_id <> :me AND read_at IS NULL
					""").param("now", now()).param("t", thread.get()).param("me", viewer.value()).update();
		}
		return messages;
	}

	/**
	 * Sends a message in the client's thread, from the client or his own therapist. What
	 * the client writes is checked for risk language in this transaction; the recipient
	 * is emailed that a message waits, unless an earlier one from the same author is
	 * still unread.
	 * @return what sending produced
	 * @throws InvalidInput if the text is empty or too long, or his therapist has left
	 * @throws NotFound if the author may not write in this thread
	 */
	@Transactional
	Sent send(AccountId author, AccountId client, @Nullable String body) {
		Access access = access(author, client);
		if (!access.party()) {
			throw new NotFound();
		}
		if (!access.mayWrite()) {
			throw new InvalidInput("body",
					"Your therapist has left the practice, so nobody would read this. The practice will introduce you to someone new.");
		}
		if (body == null || body.isBlank()) {
			throw new InvalidInput("body", "Write your message first. A sentence is enough.");
		}
		if (body.length() > MAX_TEXT) {
			throw new InvalidInput("body", "Keep a message under " + MAX_TEXT + " characters (this one has "
					+ body.length() + "), or send it in two parts.");
		}
		UUID thread = threadOf(access).orElseGet(() -> start(access));
		boolean waiting = this.jdbc
			.sql("SELECT COUNT(*) FROM care_message WHERE thread_id = :t AND author_id = :a AND read_at IS NULL")
			.param("t", thread)
			.param("a", author.value())
			.query(Long.class)
			.single() > 0;
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_message (id, thread_id, author_id, body, sent_at, read_at)
				VALUES (:id, :thread, :author, :body, :now, NULL)
				""")
			.param("id", id)
			.param("thread", thread)
			.param("author", author.value())
			.param("body", this.encryption.seal(body.strip(), binding(id, client)))
			.param("now", now())
			.update();
		boolean crisis = author.equals(client)
				&& this.risk.checkAndReport(body, client.value(), RiskSource.MESSAGE, id).hit();
		if (!waiting) {
			boolean toTherapist = author.equals(client);
			AccountId recipient = toTherapist ? access.therapist() : client;
			String link = this.practice.current().baseUrl()
					+ (toTherapist ? "/care/clients/" + client.value() + "/messages" : "/care/messages");
			this.therapy.person(recipient)
				.ifPresent((person) -> this.postbox.send(new Mail(person.email(), NOTICE, NOTICE + ".\n\n" + link)));
		}
		return new Sent(id, crisis);
	}

	/**
	 * Every message of every thread the client has had (with his therapist now, and any
	 * before a handover), oldest first, for the export of his own data. Each thread with
	 * words of a therapist in it is audited as a read of them.
	 */
	@Transactional(readOnly = true)
	List<Exported> export(AccountId client) {
		List<Exported> rows = this.jdbc.sql("""
				SELECT m.*, t.therapist_id FROM care_message m JOIN care_message_thread t ON m.thread_id = t.id
				WHERE t.client_id = :c ORDER BY m.sent_at, m.id
				""").param("c", client.value()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			boolean his = client.value().equals(rs.getObject("author_id", UUID.class));
			Timestamp read = rs.getTimestamp("read_at");
			return new Exported(rs.getObject("thread_id", UUID.class),
					new AccountId(rs.getObject("therapist_id", UUID.class)), his ? "you" : "your therapist",
					this.encryption.open(rs.getString("body"), binding(id, client)),
					rs.getTimestamp("sent_at").toInstant(), (read != null) ? read.toInstant() : null);
		}).list();
		rows.stream()
			.filter((row) -> !"you".equals(row.from()))
			.map((row) -> Map.entry(row.thread(), row.therapist()))
			.distinct()
			.forEach((thread) -> this.audit.record(AuditEntry.read(client.value(), thread.getValue().value(), AUDITED,
					thread.getKey().toString(), CLIENT)));
		return rows;
	}

	/**
	 * One message in the export of his data.
	 *
	 * @param thread the thread it is in
	 * @param therapist the therapist of that thread
	 * @param from "you" or "your therapist"
	 * @param body the words
	 * @param sentAt when it was sent
	 * @param readAt when its recipient first read it, if he has
	 */
	record Exported(UUID thread, AccountId therapist, String from, String body, Instant sentAt,
			@Nullable Instant readAt) {
	}

	/**
	 * The therapist's threads with the clients he is assigned now: unread first, then the
	 * most recent, in a fixed number of statements.
	 */
	@Transactional(readOnly = true)
	List<Conversation> inbox(AccountId therapist) {
		List<AccountId> clients = this.therapy.clientsOf(therapist).stream().map(TherapistAssignment::client).toList();
		if (clients.isEmpty()) {
			return List.of();
		}
		Map<AccountId, String> names = this.therapy.namesOf(clients);
		List<Conversation> conversations = new ArrayList<>(this.jdbc.sql("""
				SELECT t.client_id, MAX(m.sent_at) AS last_at,
					SUM(CASE WHEN m.author_id = t.client_id AND m.read_at IS NULL THEN 1 ELSE 0 END) AS unread
				FROM care_message_thread t JOIN care_message m ON m.thread_id = t.id
				WHERE t.therapist_id = :t AND t.client_id IN (:clients)
				GROUP BY t.client_id
				""")
			.param("t", therapist.value())
			.param("clients", clients.stream().map(AccountId::value).toList())
			.query((rs, n) -> {
				AccountId client = new AccountId(rs.getObject("client_id", UUID.class));
				return new Conversation(client, names.get(client), rs.getTimestamp("last_at").toInstant(),
						rs.getLong("unread"));
			})
			.list());
		conversations.sort(Comparator.comparing((Conversation c) -> c.unread() == 0)
			.thenComparing(Conversation::lastAt, Comparator.reverseOrder()));
		return conversations;
	}

	/** How many messages from his clients wait unread for the therapist, in one query. */
	@Transactional(readOnly = true)
	long unreadBy(AccountId therapist) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM care_message m JOIN care_message_thread t ON m.thread_id = t.id
				WHERE t.therapist_id = :t AND m.author_id = t.client_id AND m.read_at IS NULL
				""").param("t", therapist.value()).query(Long.class).single();
	}

	/** How many of his therapist's messages wait unread for the client. */
	@Transactional(readOnly = true)
	long unreadByClient(AccountId client, AccountId therapist) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM care_message m JOIN care_message_thread t ON m.thread_id = t.id
				WHERE t.client_id = :c AND t.therapist_id = :t AND m.author_id = t.therapist_id AND m.read_at IS NULL
				""").param("c", client.value()).param("t", therapist.value()).query(Long.class).single();
	}

	private Optional<UUID> threadOf(Access access) {
		return this.jdbc.sql("SELECT id FROM care_message_thread WHERE client_id = :c AND therapist_id = :t")
			.param("c", access.client().value())
			.param("t", access.therapist().value())
			.query(UUID.class)
			.optional();
	}

	private UUID start(Access access) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_message_thread (id, client_id, therapist_id, started_at)
				VALUES (:id, :c, :t, :now)
				""")
			.param("id", id)
			.param("c", access.client().value())
			.param("t", access.therapist().value())
			.param("now", now())
			.update();
		return id;
	}

	private Message message(ResultSet rs, Access access) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		AccountId author = new AccountId(rs.getObject("author_id", UUID.class));
		Timestamp read = rs.getTimestamp("read_at");
		return new Message(id, author.equals(access.viewer()), author.equals(access.client()),
				this.encryption.open(rs.getString("body"), binding(id, access.client())),
				rs.getTimestamp("sent_at").toInstant(), (read != null) ? read.toInstant() : null);
	}

	private static EncryptionBinding binding(UUID message, AccountId client) {
		return EncryptionBinding.of(TABLE, message, client.value());
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * Who opens a thread, and how.
	 *
	 * @param client whose thread
	 * @param therapist his current therapist, the other side of it
	 * @param viewer who opens it
	 * @param party whether the viewer is one of the two (so reading it marks it read)
	 * @param mayWrite whether the viewer may write in it now
	 * @param reason why a read of the other's words is allowed, for the audit log
	 */
	record Access(AccountId client, AccountId therapist, AccountId viewer, boolean party, boolean mayWrite,
			String reason) {
	}

	/**
	 * One message as its viewer sees it.
	 *
	 * @param id it
	 * @param mine whether the viewer wrote it
	 * @param fromClient whether the client wrote it (else his therapist)
	 * @param body the words
	 * @param sentAt when it was sent
	 * @param readAt when its recipient first read it, if he has
	 */
	record Message(UUID id, boolean mine, boolean fromClient, String body, Instant sentAt, @Nullable Instant readAt) {
	}

	/**
	 * What sending produced.
	 *
	 * @param id the message
	 * @param crisisResources whether what he wrote reads as risk language, so the next
	 * page shows crisis lines at once (sending is never blocked)
	 */
	record Sent(UUID id, boolean crisisResources) {
	}

	/**
	 * One client's thread in his therapist's inbox.
	 *
	 * @param client the client
	 * @param name his name
	 * @param lastAt when the latest message was sent
	 * @param unread how many of his messages the therapist has not read
	 */
	record Conversation(AccountId client, String name, Instant lastAt, long unread) {
	}

}
