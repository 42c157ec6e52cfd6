package app.steadfast.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.FreshDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 7 of the proof: every column of the first, a middle and the last row of the audit
 * log, changed in the database, and each of those rows deleted, is found by the
 * verification, which names the row. Each case starts from a fresh chain of five rows
 * that verifies.
 */
@Tag("database")
@FreshDatabase
@ApplicationModuleTest
class AuditChainTamperingTests {

	static final List<String> COLUMNS = List.of("seq", "occurred_at", "action", "actor_id", "subject_id", "category",
			"record_ref", "reason", "address", "prev_hash", "hash");

	static final int ROWS = 5;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

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
				  reason, address, prev_hash, hash)
				VALUES (:seq, :at, :action, :actor, :subject, :category, :record, :reason, :address, :prev, :hash)
				""")
			.param("seq", seq)
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

	/** Five rows with every column filled, verified intact. */
	private void freshChain() {
		this.jdbc.sql("DELETE FROM audit_event").update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = 0, last_hash = :genesis")
			.param("genesis", AuditLog.GENESIS)
			.update();
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
			default -> throw new IllegalArgumentException(column);
		};
		int changed = this.jdbc.sql("UPDATE audit_event SET " + column + " = :value WHERE seq = :seq")
			.param("value", value)
			.param("seq", seq)
			.update();
		assertThat(changed).isEqualTo(1);
	}

}
