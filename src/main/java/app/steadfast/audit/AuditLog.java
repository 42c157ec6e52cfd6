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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's API. Rows are only ever appended; each carries the SHA-256 of its
 * content and of the row before, so an edited, inserted or deleted row breaks the chain
 * and {@link #verify()} finds it.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
		AuditRecord row = new AuditRecord(seq, now, entry.action(), entry.actorId(), entry.subjectId(),
				entry.category(), entry.recordRef(), entry.reason(), entry.address(), prevHash, null);
		String hash = hash(row);
		this.jdbc.sql("""
				INSERT INTO audit_event (seq, occurred_at, action, actor_id, subject_id, category, record_ref,
				  reason, address, prev_hash, hash)
				VALUES (:seq, :at, :action, :actor, :subject, :category, :record, :reason, :address, :prev, :hash)
				""")
			.param("seq", seq)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.param("action", entry.action().name())
			.param("actor", entry.actorId())
			.param("subject", entry.subjectId())
			.param("category", entry.category())
			.param("record", entry.recordRef())
			.param("reason", entry.reason())
			.param("address", entry.address())
			.param("prev", prevHash)
			.param("hash", hash)
			.update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq)
			.param("hash", hash)
			.update();
		return new AuditRecord(seq, now, entry.action(), entry.actorId(), entry.subjectId(), entry.category(),
				entry.recordRef(), entry.reason(), entry.address(), prevHash, hash);
	}

	/** The newest rows, newest first. */
	@Transactional(readOnly = true)
	public List<AuditRecord> latest(int limit) {
		return this.jdbc.sql("SELECT * FROM audit_event ORDER BY seq DESC LIMIT :limit")
			.param("limit", limit)
			.query(AuditLog::row)
			.list();
	}

	/** The rows that concern one person's data or account, newest first. */
	@Transactional(readOnly = true)
	public List<AuditRecord> about(UUID subjectId, int limit) {
		return this.jdbc.sql("SELECT * FROM audit_event WHERE subject_id = :subject ORDER BY seq DESC LIMIT :limit")
			.param("subject", subjectId)
			.param("limit", limit)
			.query(AuditLog::row)
			.list();
	}

	/**
	 * Walks the whole chain: every row must follow the one before without a gap, match
	 * its own hash, and the last must be the recorded head.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		Map<String, Object> head = this.jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
			.query()
			.singleRow();
		long[] expectedSeq = { 1 };
		String[] prev = { GENESIS };
		AuditVerification[] broken = { null };
		this.jdbc.sql("SELECT * FROM audit_event ORDER BY seq").query((ResultSet rs) -> {
			if (broken[0] != null) {
				return;
			}
			AuditRecord row = row(rs, 0);
			if (row.seq() != expectedSeq[0]) {
				broken[0] = new AuditVerification(false, expectedSeq[0] - 1, expectedSeq[0],
						"row " + expectedSeq[0] + " is missing");
			}
			else if (!row.prevHash().equals(prev[0])) {
				broken[0] = new AuditVerification(false, row.seq(), row.seq(),
						"row " + row.seq() + " does not follow the row before it");
			}
			else if (!hash(row).equals(row.hash())) {
				broken[0] = new AuditVerification(false, row.seq(), row.seq(),
						"row " + row.seq() + " was changed after it was written");
			}
			else {
				prev[0] = row.hash();
				expectedSeq[0]++;
			}
		});
		if (broken[0] != null) {
			return broken[0];
		}
		long rows = expectedSeq[0] - 1;
		long headSeq = ((Number) head.get("last_seq")).longValue();
		if (headSeq != rows || !Objects.equals(head.get("last_hash"), prev[0])) {
			return new AuditVerification(false, rows, rows + 1, "the newest rows are missing");
		}
		return new AuditVerification(true, rows, null, null);
	}

	static String hash(AuditRecord row) {
		String canonical = String.join("\u001f", String.valueOf(row.seq()),
				row.occurredAt().truncatedTo(ChronoUnit.MICROS).toString(), row.action().name(), text(row.actorId()),
				text(row.subjectId()), text(row.category()), text(row.recordRef()), text(row.reason()),
				text(row.address()), row.prevHash());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static AuditRecord row(ResultSet rs, int index) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				AuditAction.valueOf(rs.getString("action")), rs.getObject("actor_id", UUID.class),
				rs.getObject("subject_id", UUID.class), rs.getString("category"), rs.getString("record_ref"),
				rs.getString("reason"), rs.getString("address"), rs.getString("prev_hash"), rs.getString("hash"));
	}

}
