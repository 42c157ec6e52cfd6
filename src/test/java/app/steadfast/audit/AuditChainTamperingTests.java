package app.steadfast.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.FreshDatabase;
import app.steadfast.shared.Encryption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Suite 7 of the proof: every column of the first, a middle and the last row of the audit
 * log, changed in the database, and each of those rows deleted, is found by the
 * verification, which names the row. Each case starts from a fresh chain of five rows
 * that verifies. Then what an edit cannot show: the newest rows removed and the head
 * moved back (found against the anchor kept outside the database), and the chain
 * recomputed by someone without the key.
 */
@Tag("database")
@FreshDatabase
@ApplicationModuleTest
class AuditChainTamperingTests {

	static final List<String> COLUMNS = List.of("seq", "occurred_at", "action", "actor_id", "subject_id", "category",
			"record_ref", "reason", "address", "prev_hash", "hash", "key_id");

	static final int ROWS = 5;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditAnchors anchors;

	@Autowired
	AuditChainCheck check;

	@Autowired
	Encryption encryption;

	@Test
	void anEditOfAnyColumnOfTheFirstAMiddleOrTheLastRowIsDetected() {
		List<String> undetected = new ArrayList<>();
		int cases = 0;
		for (long row : List.of(1L, 3L, (long) ROWS)) {
			for (String column : COLUMNS) {
				freshChain();
				edit(row, column);
				AuditVerification verification = this.log.verify();
				cases++;
				if (verification.intact()) {
					undetected.add(column + " of row " + row);
				}
				else {
					// The seq column moves the row: the chain breaks where it was.
					assertThat(verification.firstBrokenSeq()).as(column + " of row " + row).isBetween(row, row + 1);
					assertThat(verification.problem()).isNotBlank();
				}
			}
		}
		System.out.printf("Audit chain: %d edits (%d columns x first, middle, last row) checked%n", cases,
				COLUMNS.size());
		assertThat(undetected).as("edits the verification missed").isEmpty();
	}

	@Test
	void deletingTheFirstAMiddleOrTheLastRowIsDetected() {
		for (long row : List.of(1L, 3L, (long) ROWS)) {
			freshChain();
			this.jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", row).update();
			AuditVerification verification = this.log.verify();
			assertThat(verification.intact()).as("row " + row + " deleted").isFalse();
			assertThat(verification.firstBrokenSeq()).as("row " + row + " deleted").isEqualTo(row);
		}
	}

	@Test
	void deletingEveryRowIsDetected() {
		freshChain();
		this.jdbc.sql("DELETE FROM audit_event").update();
		assertThat(this.log.verify().intact()).isFalse();
	}

	@Test
	void swappingTwoWholeRowsIsDetected() {
		freshChain();
		Map<String, Object> second = this.jdbc.sql("SELECT * FROM audit_event WHERE seq = 2").query().singleRow();
		Map<String, Object> fourth = this.jdbc.sql("SELECT * FROM audit_event WHERE seq = 4").query().singleRow();
		this.jdbc.sql("DELETE FROM audit_event WHERE seq IN (2, 4)").update();
		insert(fourth, 2);
		insert(second, 4);
		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(2);
	}

	private void insert(Map<String, Object> row, long seq) {
		this.jdbc.sql("""
				INSERT INTO audit_event (seq, occurred_at, action, actor_id, subject_id, category, record_ref,
				  reason, address, prev_hash, hash, key_id)
				VALUES (:seq, :at, :action, :actor, :subject, :category, :record, :reason, :address, :prev, :hash, :key)
				""")
			.param("seq", seq)
			.param("key", row.get("key_id"), java.sql.Types.INTEGER)
			.param("at", row.get("occurred_at"))
			.param("action", row.get("action"))
			.param("actor", row.get("actor_id"))
			.param("subject", row.get("subject_id"))
			.param("category", row.get("category"))
			.param("record", row.get("record_ref"))
			.param("reason", row.get("reason"))
			.param("address", row.get("address"))
			.param("prev", row.get("prev_hash"))
			.param("hash", row.get("hash"))
			.update();
	}

	@Test
	void removingTheNewestRowsAndMovingTheHeadBackIsDetectedAgainstTheAnchor() {
		freshChain();
		AuditChain.Checked checked = this.check.run();
		assertThat(checked.verification().intact()).isTrue();
		assertThat(checked.anchored().seq()).isEqualTo(ROWS);
		assertThat(this.anchors.file()).exists();

		// Rows 4 and 5 go, and the head is set back to row 3, as it was then.
		String third = this.jdbc.sql("SELECT hash FROM audit_event WHERE seq = 3").query(String.class).single();
		this.jdbc.sql("DELETE FROM audit_event WHERE seq > 3").update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = 3, last_hash = :hash").param("hash", third).update();

		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(4);
		assertThat(verification.problem()).contains("row " + ROWS + " was anchored");
		// The scheduled check raises it once, however often it runs.
		assertThat(this.check.run().verification().intact()).isFalse();
		this.check.run();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_alarm").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void recomputingTheChainWithoutTheKeyIsDetected() {
		// As plain SHA-256, the way rows were hashed before the chain was keyed.
		freshChain();
		this.check.run();
		recomputeFrom(2, (row) -> AuditChain.legacyHash(row), null);
		AuditVerification unkeyed = this.log.verify();
		assertThat(unkeyed.intact()).isFalse();
		assertThat(unkeyed.firstBrokenSeq()).isEqualTo(2);
		assertThat(unkeyed.problem()).contains("no MAC");

		// ... and with the point where keyed rows begin moved past them: the anchor says
		// where it was.
		this.jdbc.sql("UPDATE audit_head SET legacy_until = :seq").param("seq", ROWS).update();
		AuditVerification moved = this.log.verify();
		assertThat(moved.intact()).isFalse();
		assertThat(moved.problem()).contains("keyed rows begin was moved");

		// With a key of the forger's own under the deployment's key id.
		freshChain();
		Encryption forger = new Encryption(Encryption.newKeyset());
		int key = this.encryption.primaryKeyId();
		recomputeFrom(2,
				(row) -> HexFormat.of()
					.formatHex(forger.authenticate(forger.primaryKeyId(), AuditChain.PURPOSE,
							(canonical(row) + "\u001f" + key).getBytes(StandardCharsets.UTF_8))),
				key);
		AuditVerification forged = this.log.verify();
		assertThat(forged.intact()).isFalse();
		assertThat(forged.firstBrokenSeq()).isEqualTo(2);
		assertThat(forged.problem()).contains("changed");
	}

	@Test
	void anIntactChainStaysIntactAndIsAnchoredAsItGrows() {
		freshChain();
		assertThat(this.check.run().anchored().seq()).isEqualTo(ROWS);
		assertThat(this.check.run().anchored()).as("nothing new to anchor").isNull();
		this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, UUID.randomUUID(), UUID.randomUUID(), null));
		this.log
			.recordAll(List.of(AuditEntry.read(UUID.randomUUID(), UUID.randomUUID(), "CHECKINS", "r-9", "PARTNER")));
		AuditChain.Checked grown = this.check.run();
		assertThat(grown.verification()).isEqualTo(new AuditVerification(true, ROWS + 2, null, null));
		assertThat(grown.anchored().seq()).isEqualTo(ROWS + 2);
		assertThat(this.log.latestAnchor()).contains(grown.anchored());
		assertThat(this.log.verify()).isEqualTo(new AuditVerification(true, ROWS + 2, null, null));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_alarm").query(Long.class).single()).isZero();
	}

	@Test
	void rowsWrittenBeforeTheChainWasKeyedStillVerifyAndNoUnkeyedRowMayFollowThem() {
		freshChain();
		this.jdbc.sql("DELETE FROM audit_event").update();
		// Three rows as the unkeyed code wrote them, then the migration point.
		String prev = AuditChain.GENESIS;
		for (long seq = 1; seq <= 3; seq++) {
			AuditRecord row = new AuditRecord(seq, java.time.Instant.parse("2026-01-0" + seq + "T10:00:00Z"),
					AuditAction.SIGNED_IN, UUID.randomUUID(), UUID.randomUUID(), null, null, null, "10.0.0.1", prev,
					null);
			prev = AuditChain.legacyHash(row);
			insert(row, prev, null);
		}
		this.jdbc.sql("UPDATE audit_head SET last_seq = 3, last_hash = :hash, legacy_until = 3")
			.param("hash", prev)
			.update();
		this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, UUID.randomUUID(), UUID.randomUUID(), null));
		this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, UUID.randomUUID(), UUID.randomUUID(), null));
		assertThat(this.log.verify()).isEqualTo(new AuditVerification(true, 5, null, null));
		assertThat(this.jdbc.sql("SELECT COUNT(key_id) FROM audit_event").query(Long.class).single()).isEqualTo(2);

		recomputeFrom(5, (row) -> AuditChain.legacyHash(row), null);
		assertThat(this.log.verify().firstBrokenSeq()).isEqualTo(5);
	}

	@Test
	void anEditedAnchorFileIsDetected() throws Exception {
		freshChain();
		this.check.run();
		String line = Files.readString(this.anchors.file());
		Files.writeString(this.anchors.file(), line.replace("seq=" + ROWS, "seq=" + (ROWS - 1)));
		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.problem()).contains("line 1 of the anchor file");
	}

	@Test
	void theAnchorFileIsTheRunningAccountsAlone() throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		freshChain();
		this.check.run();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.anchors.file())))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(this.anchors.file().toAbsolutePath().getParent())))
			.isEqualTo("rwx------");
	}

	/**
	 * Rewrites rows from the given one on, as someone with the database but not the key
	 * would: the reason changed, every hash after recomputed, the head moved along.
	 */
	private void recomputeFrom(long from, java.util.function.Function<AuditRecord, String> hash, Integer key) {
		List<AuditRecord> rows = this.jdbc.sql("SELECT * FROM audit_event WHERE seq >= :from ORDER BY seq")
			.param("from", from)
			.query((rs, index) -> new AuditRecord(rs.getLong("seq"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
					AuditAction.valueOf(rs.getString("action")), rs.getObject("actor_id", UUID.class),
					rs.getObject("subject_id", UUID.class), rs.getString("category"), rs.getString("record_ref"),
					rs.getString("reason"), rs.getString("address"), null, null))
			.list();
		String prev = this.jdbc.sql("SELECT hash FROM audit_event WHERE seq = :seq")
			.param("seq", from - 1)
			.query(String.class)
			.optional()
			.orElse(AuditChain.GENESIS);
		this.jdbc.sql("DELETE FROM audit_event WHERE seq >= :from").param("from", from).update();
		for (AuditRecord stored : rows) {
			AuditRecord row = new AuditRecord(stored.seq(), stored.occurredAt(), stored.action(), stored.actorId(),
					stored.subjectId(), stored.category(), stored.recordRef(),
					(stored.seq() == from) ? "THERAPIST" : stored.reason(), stored.address(), prev, null);
			prev = hash.apply(row);
			insert(row, prev, key);
		}
		this.jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash")
			.param("seq", rows.get(rows.size() - 1).seq())
			.param("hash", prev)
			.update();
	}

	private void insert(AuditRecord row, String hash, Integer key) {
		this.jdbc.sql("""
				INSERT INTO audit_event (seq, occurred_at, action, actor_id, subject_id, category, record_ref,
				  reason, address, prev_hash, hash, key_id)
				VALUES (:seq, :at, :action, :actor, :subject, :category, :record, :reason, :address, :prev, :hash, :key)
				""")
			.param("seq", row.seq())
			.param("at", row.occurredAt().atOffset(ZoneOffset.UTC))
			.param("action", row.action().name())
			.param("actor", row.actorId())
			.param("subject", row.subjectId())
			.param("category", row.category())
			.param("record", row.recordRef())
			.param("reason", row.reason())
			.param("address", row.address())
			.param("prev", row.prevHash())
			.param("hash", hash)
			.param("key", key, java.sql.Types.INTEGER)
			.update();
	}

	/**
	 * The row's content as the chain hashes it (the same canonical form as the log's).
	 */
	private static String canonical(AuditRecord row) {
		return String.join("\u001f", String.valueOf(row.seq()),
				row.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString(), row.action().name(),
				text(row.actorId()), text(row.subjectId()), text(row.category()), text(row.recordRef()),
				text(row.reason()), text(row.address()), row.prevHash());
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	/**
	 * Five rows with every column filled, verified intact, and no anchor or alarm yet.
	 */
	private void freshChain() {
		this.jdbc.sql("DELETE FROM audit_event").update();
		this.jdbc.sql("DELETE FROM audit_alarm").update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = 0, last_hash = :genesis, legacy_until = 0")
			.param("genesis", AuditChain.GENESIS)
			.update();
		try {
			Files.deleteIfExists(this.anchors.file());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		for (int i = 0; i < ROWS; i++) {
			this.log.record(new AuditEntry(AuditAction.RECORD_READ, UUID.randomUUID(), UUID.randomUUID(), "CHECKINS",
					"r-" + i, "PARTNER", "10.0.0." + (i + 1)));
		}
		assertThat(this.log.verify()).isEqualTo(new AuditVerification(true, ROWS, null, null));
	}

	/** Changes one column of one row to a different, well-formed value. */
	private void edit(long seq, String column) {
		Object value = switch (column) {
			case "seq" -> seq + 100;
			case "occurred_at" -> OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
			case "action" -> AuditAction.SIGNED_IN.name();
			case "actor_id", "subject_id" -> UUID.randomUUID();
			case "category" -> "JOURNAL";
			case "record_ref" -> "r-forged";
			case "reason" -> "THERAPIST";
			case "address" -> "192.0.2.1";
			case "prev_hash", "hash" -> "f".repeat(64);
			case "key_id" -> 12345;
			default -> throw new IllegalArgumentException(column);
		};
		int changed = this.jdbc.sql("UPDATE audit_event SET " + column + " = :value WHERE seq = :seq")
			.param("value", value)
			.param("seq", seq)
			.update();
		assertThat(changed).isEqualTo(1);
	}

}
