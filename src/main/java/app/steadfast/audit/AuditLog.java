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
import org.jspecify.annotations.Nullable;
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

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final Clock clock;

	private final Encryption encryption;

	private final AuditChain chain;

	AuditLog(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock, Encryption encryption, AuditChain chain) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
		this.encryption = encryption;
		this.chain = chain;
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
		String hash = this.chain.keyedHash(row, key);
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
			String hash = this.chain.keyedHash(row, key);
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
	 * Walks the whole chain up to its recorded head and says whether it is intact (see
	 * {@link AuditChain#verify()}).
	 */
	public AuditVerification verify() {
		return this.chain.verify();
	}

	/** The newest anchor kept outside the database, if one was written yet. */
	public Optional<AuditAnchor> latestAnchor() {
		return this.chain.latestAnchor();
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

	static AuditRecord row(ResultSet rs, int index) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				AuditAction.valueOf(rs.getString("action")), rs.getObject("actor_id", UUID.class),
				rs.getObject("subject_id", UUID.class), rs.getString("category"), rs.getString("record_ref"),
				rs.getString("reason"), rs.getString("address"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
