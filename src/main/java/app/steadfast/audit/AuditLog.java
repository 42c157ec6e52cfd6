package app.steadfast.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.Encryption;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.lang.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's API. Rows are only ever appended; each carries a MAC (HMAC-SHA256, with
 * a key derived from the deployment's keyset, which is not in the database) of its
 * content and of the row before, so an edited, inserted or deleted row breaks the chain
 * and {@link #verify()} finds it, and without the key the chain cannot be recomputed.
 * Rows written before the chain was keyed keep their plain SHA-256 and verify as written;
 * no unkeyed row may follow them. The head is copied outside the database at intervals
 * ({@link AuditAnchors}), so removing the newest rows and moving the head back is found
 * too.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	static final String PURPOSE = "audit chain";

	private final Clock clock;

	private final Encryption encryption;

	private final AuditAnchors anchors;

	AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, Encryption encryption,
			AuditAnchors anchors) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.encryption = encryption;
		this.anchors = anchors;
	}

	/**
	 * Appends an entry. Runs in its own transaction, so a read is recorded even when the
	 * caller's work is read-only or later rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public AuditRecord record(AuditEntry entry) {
		// Locking the head row serialises appends across every node sharing the database.
		Map<String, Object> head = this.jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query()
			.singleRow();
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String prevHash = (String) head.get("last_hash");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		// Aliases are made under the head lock, so two nodes never make two for one
		// person.
		UUID actor = alias(entry.actorId());
		UUID subject = alias(entry.subjectId());
		AuditRecord row = new AuditRecord(seq, now, entry.action(), actor, subject, entry.category(), entry.recordRef(),
				entry.reason(), entry.address(), prevHash, null);
		int key = this.encryption.primaryKeyId();
		String hash = keyedHash(row, key);
		this.jdbc.sql(INSERT)
			.paramSource(parameters(new AuditRecord(seq, now, entry.action(), actor, subject, entry.category(),
					entry.recordRef(), entry.reason(), entry.address(), prevHash, hash), key))
			.update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", hash)
			.update();
		return new AuditRecord(seq, now, entry.action(), entry.actorId(), entry.subjectId(), entry.category(),
				entry.recordRef(), entry.reason(), entry.address(), prevHash, hash);
	}

	/**
	 * Appends several entries in the order given, as {@link #record} would one after
	 * another, with a fixed number of statements however many there are: one lock of the
	 * head, the aliases in one query (and the missing ones in one batch), the rows in one
	 * batch and one update of the head. Runs in its own transaction, like
	 * {@link #record}.
	 * @return the rows written, in the order given
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public List<AuditRecord> recordAll(List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		Map<String, Object> head = this.jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query()
			.singleRow();
		long seq = ((Number) head.get("last_seq")).longValue();
		String prevHash = (String) head.get("last_hash");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Set<UUID> people = new LinkedHashSet<>();
		for (AuditEntry entry : entries) {
			if (entry.actorId() != null) {
				people.add(entry.actorId());
			}
			if (entry.subjectId() != null) {
				people.add(entry.subjectId());
			}
		}
		Map<UUID, UUID> aliases = aliases(people);
		List<AuditRecord> stored = new ArrayList<>();
		List<AuditRecord> written = new ArrayList<>();
		int key = this.encryption.primaryKeyId();
		for (AuditEntry entry : entries) {
			seq++;
			AuditRecord row = new AuditRecord(seq, now, entry.action(), aliases.get(entry.actorId()),
					aliases.get(entry.subjectId()), entry.category(), entry.recordRef(), entry.reason(),
					entry.address(), prevHash, null);
			String hash = keyedHash(row, key);
			stored.add(new AuditRecord(seq, now, row.action(), row.actorId(), row.subjectId(), row.category(),
					row.recordRef(), row.reason(), row.address(), prevHash, hash));
			written.add(new AuditRecord(seq, now, entry.action(), entry.actorId(), entry.subjectId(), entry.category(),
					entry.recordRef(), entry.reason(), entry.address(), prevHash, hash));
			prevHash = hash;
		}
		this.batch.batchUpdate(INSERT,
				stored.stream().map((row) -> parameters(row, key)).toArray(SqlParameterSource[]::new));
		this.jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", prevHash)
			.update();
		return written;
	}

	/**
	 * The newest rows, newest first, naming people by account id (or, for a deleted
	 * account, by the opaque alias that is left).
	 */
	@Transactional(readOnly = true)
	public List<AuditRecord> latest(int limit) {
		return this.jdbc.sql(NAMED + " ORDER BY e.seq DESC LIMIT :limit")
			.param("limit", limit)
			.query(AuditLog::named)
			.list();
	}

	/** The rows that concern one person's data or account, newest first. */
	@Transactional(readOnly = true)
	public List<AuditRecord> about(UUID subjectId, int limit) {
		return this.jdbc.sql(NAMED
				+ " WHERE e.subject_id = (SELECT alias FROM audit_alias WHERE account_id = :subject) ORDER BY e.seq DESC LIMIT :limit")
			.param("subject", subjectId)
			.param("limit", limit)
			.query(AuditLog::named)
			.list();
	}

	/**
	 * When each of these people was last the subject of this action (for example when
	 * each last signed in), in one query; people it never concerned are left out. Reads
	 * one index entry per person, however long the log.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> lastOf(AuditAction action, Collection<UUID> subjectIds) {
		Map<UUID, Instant> last = new HashMap<>();
		if (subjectIds.isEmpty()) {
			return last;
		}
		this.jdbc.sql("""
				SELECT a.account_id, (SELECT MAX(e.occurred_at) FROM audit_event e
				  WHERE e.subject_id = a.alias AND e.action = :action) AS last_at
				FROM audit_alias a WHERE a.account_id IN (:ids)
				""").param("action", action.name()).param("ids", subjectIds).query((rs) -> {
			OffsetDateTime at = rs.getObject("last_at", OffsetDateTime.class);
			if (at != null) {
				last.put(rs.getObject("account_id", UUID.class), at.toInstant());
			}
		});
		return last;
	}

	/**
	 * The rows a person did (as the actor), newest first.
	 */
	@Transactional(readOnly = true)
	public List<AuditRecord> by(UUID actorId, int limit) {
		return this.jdbc.sql(NAMED
				+ " WHERE e.actor_id = (SELECT alias FROM audit_alias WHERE account_id = :actor) ORDER BY e.seq DESC LIMIT :limit")
			.param("actor", actorId)
			.param("limit", limit)
			.query(AuditLog::named)
			.list();
	}

	/**
	 * Forgets who an alias stood for, when the account is deleted: the rows stay, whole
	 * and verifiable, and name no one.
	 */
	@Transactional
	public void forget(UUID accountId) {
		this.jdbc.sql("DELETE FROM audit_alias WHERE account_id = :id").param("id", accountId).update();
	}

	private static final String INSERT = """
			INSERT INTO audit_event (seq, occurred_at, action, actor_id, subject_id, category, record_ref,
			  reason, address, prev_hash, hash, key_id)
			VALUES (:seq, :at, :action, :actor, :subject, :category, :record, :reason, :address, :prev, :hash, :key)
			""";

	private static MapSqlParameterSource parameters(AuditRecord row, int key) {
		return new MapSqlParameterSource().addValue("seq", row.seq())
			.addValue("at", row.occurredAt().atOffset(ZoneOffset.UTC))
			.addValue("action", row.action().name())
			.addValue("actor", row.actorId())
			.addValue("subject", row.subjectId())
			.addValue("category", row.category())
			.addValue("record", row.recordRef())
			.addValue("reason", row.reason())
			.addValue("address", row.address())
			.addValue("prev", row.prevHash())
			.addValue("hash", row.hash())
			.addValue("key", key);
	}

	private static final String NAMED = """
			SELECT e.*, aa.account_id AS actor_account, sa.account_id AS subject_account FROM audit_event e
			LEFT JOIN audit_alias aa ON aa.alias = e.actor_id LEFT JOIN audit_alias sa ON sa.alias = e.subject_id""";

	/** The aliases of these people, made in one batch for those who have none yet. */
	private Map<UUID, UUID> aliases(Collection<UUID> accounts) {
		Map<UUID, UUID> aliases = new HashMap<>();
		if (accounts.isEmpty()) {
			return aliases;
		}
		this.jdbc.sql("SELECT account_id, alias FROM audit_alias WHERE account_id IN (:ids)")
			.param("ids", accounts)
			.query((rs) -> {
				aliases.put(rs.getObject("account_id", UUID.class), rs.getObject("alias", UUID.class));
			});
		List<SqlParameterSource> missing = new ArrayList<>();
		for (UUID account : accounts) {
			if (!aliases.containsKey(account)) {
				UUID alias = UUID.randomUUID();
				aliases.put(account, alias);
				missing.add(new MapSqlParameterSource().addValue("id", account).addValue("alias", alias));
			}
		}
		if (!missing.isEmpty()) {
			this.batch.batchUpdate("INSERT INTO audit_alias (account_id, alias) VALUES (:id, :alias)",
					missing.toArray(SqlParameterSource[]::new));
		}
		return aliases;
	}

	private UUID alias(UUID account) {
		if (account == null) {
			return null;
		}
		return this.jdbc.sql("SELECT alias FROM audit_alias WHERE account_id = :id")
			.param("id", account)
			.query(UUID.class)
			.optional()
			.orElseGet(() -> {
				UUID alias = UUID.randomUUID();
				this.jdbc.sql("INSERT INTO audit_alias (account_id, alias) VALUES (:id, :alias)")
					.param("id", account)
					.param("alias", alias)
					.update();
				return alias;
			});
	}

	/**
	 * Walks the whole chain up to its recorded head: every row must follow the one before
	 * without a gap and match its own MAC (or, for rows written before the chain was
	 * keyed, its SHA-256), the last must be the recorded head, and the chain must agree
	 * with every anchor kept outside the database: the same hash at each anchored row,
	 * and no anchored row missing.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		return walk().verification();
	}

	/** The newest anchor kept outside the database, if one was written yet. */
	public Optional<AuditAnchor> latestAnchor() {
		return Optional.ofNullable(this.anchors.read().latest());
	}

	/**
	 * Verifies the chain and, if it is intact and has grown since the newest anchor,
	 * writes its head down outside the database.
	 * @return the verification, and the anchor written, if one was
	 */
	@Transactional(readOnly = true)
	public Checked verifyAndAnchor() {
		Walk walk = walk();
		if (!walk.verification().intact() || walk.verification().rows() == 0) {
			return new Checked(walk.verification(), null);
		}
		AuditAnchor latest = walk.anchors().latest();
		if (latest != null && latest.seq() == walk.verification().rows()) {
			return new Checked(walk.verification(), null);
		}
		AuditAnchor anchor = new AuditAnchor(this.clock.instant().truncatedTo(ChronoUnit.SECONDS),
				walk.verification().rows(), walk.lastHash(), walk.legacyUntil());
		this.anchors.append(anchor);
		return new Checked(walk.verification(), anchor);
	}

	/**
	 * What a check found.
	 *
	 * @param verification the chain's state
	 * @param anchored the anchor this check wrote, if it wrote one
	 */
	public record Checked(AuditVerification verification, @Nullable AuditAnchor anchored) {
	}

	private record Walk(AuditVerification verification, String lastHash, long legacyUntil, AuditAnchors.Read anchors) {
	}

	private Walk walk() {
		AuditAnchors.Read anchors = this.anchors.read();
		Map<String, Object> head = this.jdbc
			.sql("SELECT last_seq, last_hash, legacy_until FROM audit_head WHERE id = 1")
			.query()
			.singleRow();
		long headSeq = ((Number) head.get("last_seq")).longValue();
		long legacyUntil = ((Number) head.get("legacy_until")).longValue();
		Map<Long, AuditAnchor> anchored = new HashMap<>();
		for (AuditAnchor anchor : anchors.anchors()) {
			anchored.put(anchor.seq(), anchor);
		}
		AuditAnchor latest = anchors.latest();
		if (anchors.badLine() > 0) {
			return new Walk(
					new AuditVerification(false, 0, (latest != null) ? latest.seq() + 1 : 1,
							"line " + anchors.badLine()
									+ " of the anchor file was changed or was not written by Steadfast"),
					null, legacyUntil, anchors);
		}
		if (latest != null && legacyUntil != latest.legacyUntil()) {
			return new Walk(new AuditVerification(false, 0, Math.min(legacyUntil, latest.legacyUntil()) + 1,
					"the point where keyed rows begin was moved from row " + latest.legacyUntil() + " to row "
							+ legacyUntil),
					null, legacyUntil, anchors);
		}
		long[] expectedSeq = { 1 };
		String[] prev = { GENESIS };
		AuditVerification[] broken = { null };
		// Rows appended while the walk runs are past the head read above; the next walk
		// checks them.
		this.jdbc.sql("SELECT * FROM audit_event WHERE seq <= :head ORDER BY seq")
			.param("head", headSeq)
			.query((ResultSet rs) -> {
				if (broken[0] != null) {
					return;
				}
				AuditRecord row = row(rs, 0);
				Integer key = (Integer) rs.getObject("key_id", Integer.class);
				AuditAnchor anchor = anchored.get(row.seq());
				if (row.seq() != expectedSeq[0]) {
					broken[0] = new AuditVerification(false, expectedSeq[0] - 1, expectedSeq[0],
							"row " + expectedSeq[0] + " is missing");
				}
				else if (!row.prevHash().equals(prev[0])) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(),
							"row " + row.seq() + " does not follow the row before it");
				}
				else if (key == null && row.seq() > legacyUntil) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(), "row " + row.seq()
							+ " carries no MAC, though every row after row " + legacyUntil + " must");
				}
				else if (key != null && !this.encryption.holdsKey(key)) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(), "row " + row.seq()
							+ " names a key this deployment does not hold (a removed key, or a forgery)");
				}
				else if (!MessageDigest.isEqual(bytes((key != null) ? keyedHash(row, key) : legacyHash(row)),
						bytes(row.hash()))) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(),
							"row " + row.seq() + " was changed after it was written");
				}
				else if (anchor != null && !anchor.hash().equals(row.hash())) {
					broken[0] = new AuditVerification(false, row.seq(), row.seq(),
							"row " + row.seq() + " is not the row anchored outside the database on " + anchor.at()
									+ ": the chain was rewritten");
				}
				else {
					prev[0] = row.hash();
					expectedSeq[0]++;
				}
			});
		if (broken[0] != null) {
			return new Walk(broken[0], null, legacyUntil, anchors);
		}
		long rows = expectedSeq[0] - 1;
		if (headSeq != rows || !Objects.equals(head.get("last_hash"), prev[0])) {
			return new Walk(new AuditVerification(false, rows, rows + 1, "the newest rows are missing"), null,
					legacyUntil, anchors);
		}
		if (latest != null && latest.seq() > rows) {
			return new Walk(new AuditVerification(false, rows, rows + 1,
					"the chain ends at row " + rows + ", but row " + latest.seq()
							+ " was anchored outside the database on " + latest.at()
							+ ": the newest rows were removed"),
					null, legacyUntil, anchors);
		}
		return new Walk(new AuditVerification(true, rows, null, null), prev[0], legacyUntil, anchors);
	}

	/**
	 * The hash of a row written after the chain was keyed: its MAC with the given key.
	 */
	String keyedHash(AuditRecord row, int key) {
		byte[] mac = this.encryption.authenticate(key, PURPOSE,
				(canonical(row) + "\u001f" + key).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac);
	}

	/** The hash of a row written before the chain was keyed: a plain SHA-256. */
	static String legacyHash(AuditRecord row) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(row).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String canonical(AuditRecord row) {
		return String.join("\u001f", String.valueOf(row.seq()),
				row.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), row.action().name(), text(row.actorId()),
				text(row.subjectId()), text(row.category()), text(row.recordRef()), text(row.reason()),
				text(row.address()), row.prevHash());
	}

	private static byte[] bytes(String hex) {
		return (hex != null) ? hex.getBytes(StandardCharsets.US_ASCII) : new byte[0];
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static AuditRecord named(ResultSet rs, int index) throws SQLException {
		UUID actor = rs.getObject("actor_account", UUID.class);
		UUID subject = rs.getObject("subject_account", UUID.class);
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				AuditAction.valueOf(rs.getString("action")),
				(actor != null) ? actor : rs.getObject("actor_id", UUID.class),
				(subject != null) ? subject : rs.getObject("subject_id", UUID.class), rs.getString("category"),
				rs.getString("record_ref"), rs.getString("reason"), rs.getString("address"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

	private static AuditRecord row(ResultSet rs, int index) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				AuditAction.valueOf(rs.getString("action")), rs.getObject("actor_id", UUID.class),
				rs.getObject("subject_id", UUID.class), rs.getString("category"), rs.getString("record_ref"),
				rs.getString("reason"), rs.getString("address"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
