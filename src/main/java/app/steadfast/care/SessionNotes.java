package app.steadfast.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's own notes on his sessions with a client, sealed at rest. Only the author
 * writes and edits a note, and every edit keeps the text it replaced. A note is read by
 * its author, or by a therapist an admin handed the client over to; never by the client,
 * his partner or an admin.
 */
@Service
class SessionNotes {

	static final int MAX_BODY = 20000;

	static final int MAX_PLAN = 8000;

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final Therapy therapy;

	private final Clock clock;

	SessionNotes(JdbcClient jdbc, Encryption encryption, Therapy therapy, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.therapy = therapy;
		this.clock = clock;
	}

	/**
	 * Writes a note on a session with a client the therapist serves.
	 * @throws InvalidInput if a field cannot be used
	 */
	@Transactional
	UUID write(AccountId therapist, AccountId client, LocalDate date, String body, String plan) {
		this.therapy.requireClient(therapist, client);
		check(date, body, plan);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_note (id, client_id, author_id, session_date, body, plan, created_at, updated_at)
				VALUES (:id, :client, :author, :date, :body, :plan, :now, :now)
				""")
			.param("id", id)
			.param("client", client.value())
			.param("author", therapist.value())
			.param("date", date)
			.param("body", this.encryption.seal(body.strip(), binding("care_note", id, client)))
			.param("plan", this.encryption.seal(blankToNull(plan), binding("care_note.plan", id, client)))
			.param("now", now())
			.update();
		return id;
	}

	/**
	 * Changes one of the author's notes; the text it replaces is kept.
	 * @throws NotFound if the note is not his
	 */
	@Transactional
	void edit(AccountId therapist, UUID id, LocalDate date, String body, String plan) {
		Row row = row(id);
		if (!row.author().equals(therapist.value())) {
			throw new NotFound();
		}
		this.therapy.requireClient(therapist, new AccountId(row.client()));
		check(date, body, plan);
		AccountId client = new AccountId(row.client());
		UUID version = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_note_version (id, note_id, session_date, body, plan, replaced_at)
				VALUES (:id, :note, :date, :body, :plan, :now)
				""")
			.param("id", version)
			.param("note", id)
			.param("date", row.date())
			.param("body",
					this.encryption.seal(open(row.body(), "care_note", id, client),
							binding("care_note_version", version, client)))
			.param("plan",
					this.encryption.seal(open(row.plan(), "care_note.plan", id, client),
							binding("care_note_version.plan", version, client)))
			.param("now", now())
			.update();
		this.jdbc.sql(
				"UPDATE care_note SET session_date = :date, body = :body, plan = :plan, updated_at = :now WHERE id = :id")
			.param("date", date)
			.param("body", this.encryption.seal(body.strip(), binding("care_note", id, client)))
			.param("plan", this.encryption.seal(blankToNull(plan), binding("care_note.plan", id, client)))
			.param("now", now())
			.param("id", id)
			.update();
	}

	/** The notes on a client this therapist may read, newest session first. */
	@Transactional(readOnly = true)
	List<Note> of(AccountId therapist, AccountId client) {
		this.therapy.requireClient(therapist, client);
		return this.jdbc.sql("""
				SELECT * FROM care_note WHERE client_id = :client
				AND (author_id = :me OR EXISTS (SELECT 1 FROM care_handover h
				  WHERE h.client_id = care_note.client_id AND h.therapist_id = :me))
				ORDER BY session_date DESC, created_at DESC
				""")
			.param("client", client.value())
			.param("me", therapist.value())
			.query(SessionNotes::row)
			.list()
			.stream()
			.map((r) -> note(r, therapist, false))
			.toList();
	}

	/**
	 * One note with its earlier versions, for its author or a therapist the client was
	 * handed over to.
	 * @throws NotFound otherwise
	 */
	@Transactional(readOnly = true)
	Note find(AccountId therapist, UUID id) {
		Row row = row(id);
		AccountId client = new AccountId(row.client());
		this.therapy.requireClient(therapist, client);
		if (!row.author().equals(therapist.value()) && !handedTo(therapist, client)) {
			throw new NotFound();
		}
		return note(row, therapist, true);
	}

	/** Records that an admin handed a client's notes over to another therapist. */
	@Transactional
	void handOver(AccountId admin, AccountId client, AccountId therapist) {
		this.jdbc.sql("""
				INSERT INTO care_handover (id, client_id, therapist_id, admin_id, handed_at)
				VALUES (:id, :client, :therapist, :admin, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("client", client.value())
			.param("therapist", therapist.value())
			.param("admin", admin.value())
			.param("now", now())
			.update();
	}

	private boolean handedTo(AccountId therapist, AccountId client) {
		return this.jdbc.sql("SELECT COUNT(*) FROM care_handover WHERE client_id = :c AND therapist_id = :t")
			.param("c", client.value())
			.param("t", therapist.value())
			.query(Long.class)
			.single() > 0;
	}

	private Note note(Row row, AccountId viewer, boolean withHistory) {
		AccountId client = new AccountId(row.client());
		List<Version> history = !withHistory ? List.of()
				: this.jdbc.sql("SELECT * FROM care_note_version WHERE note_id = :id ORDER BY replaced_at DESC")
					.param("id", row.id())
					.query((rs, n) -> {
						UUID v = rs.getObject("id", UUID.class);
						return new Version(rs.getObject("session_date", LocalDate.class),
								open(rs.getString("body"), "care_note_version", v, client),
								open(rs.getString("plan"), "care_note_version.plan", v, client),
								rs.getTimestamp("replaced_at").toInstant());
					})
					.list();
		return new Note(row.id(), client, row.date(), open(row.body(), "care_note", row.id(), client),
				open(row.plan(), "care_note.plan", row.id(), client), this.therapy.nameOf(new AccountId(row.author())),
				row.author().equals(viewer.value()), row.updatedAt(), history);
	}

	private Row row(UUID id) {
		return this.jdbc.sql("SELECT * FROM care_note WHERE id = :id")
			.param("id", id)
			.query(SessionNotes::row)
			.optional()
			.orElseThrow(NotFound::new);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getObject("session_date", LocalDate.class),
				rs.getString("body"), rs.getString("plan"), rs.getTimestamp("updated_at").toInstant());
	}

	private static void check(LocalDate date, String body, String plan) {
		if (date == null) {
			throw new InvalidInput("sessionDate", "Give the date of the session.");
		}
		if (body == null || body.isBlank()) {
			throw new InvalidInput("body", "Write the note first.");
		}
		if (body.length() > MAX_BODY) {
			throw new InvalidInput("body", "Keep a note under " + MAX_BODY + " characters.");
		}
		if (plan != null && plan.length() > MAX_PLAN) {
			throw new InvalidInput("plan", "Keep the plan under " + MAX_PLAN + " characters.");
		}
	}

	private String open(String sealed, String table, UUID id, AccountId client) {
		return (sealed != null) ? this.encryption.open(sealed, binding(table, id, client)) : null;
	}

	private static EncryptionBinding binding(String table, UUID id, AccountId client) {
		return EncryptionBinding.of(table, id, client.value());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private record Row(UUID id, UUID client, UUID author, LocalDate date, String body, String plan, Instant updatedAt) {
	}

	/**
	 * A note as a therapist reads it.
	 *
	 * @param id the note
	 * @param client whose sessions
	 * @param sessionDate the session's date
	 * @param body the note
	 * @param plan the plan, if written
	 * @param author the author's name
	 * @param mine whether the reader wrote it (only the author edits)
	 * @param updatedAt when it was last changed
	 * @param history the text it replaced, newest first
	 */
	record Note(UUID id, AccountId client, LocalDate sessionDate, String body, String plan, String author, boolean mine,
			Instant updatedAt, List<Version> history) {
	}

	/**
	 * Text a note held before an edit.
	 *
	 * @param sessionDate the date it gave
	 * @param body the note
	 * @param plan the plan
	 * @param replacedAt when it was replaced
	 */
	record Version(LocalDate sessionDate, String body, String plan, Instant replacedAt) {
	}

}
