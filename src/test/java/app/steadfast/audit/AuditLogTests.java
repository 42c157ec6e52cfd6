package app.steadfast.audit;

import app.steadfast.FreshDatabase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit module on its own: appends chain, and the verification finds every kind of
 * tampering. Each test starts from an empty log, so the chain it checks is its own.
 */
@Tag("database")
@FreshDatabase
@ApplicationModuleTest
class AuditLogTests {

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emptyLog() {
		this.jdbc.sql("DELETE FROM audit_event").update();
		this.jdbc.sql("UPDATE audit_head SET last_seq = 0, last_hash = :genesis")
			.param("genesis", AuditChain.GENESIS)
			.update();
	}

	@Test
	void rowsFormAChainThatVerifies() {
		AuditRecord first = this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, id(), id(), "127.0.0.1"));
		AuditRecord second = this.log
			.record(AuditEntry.read(id(), id(), "CHECKINS", UUID.randomUUID().toString(), "PARTNER"));
		assertThat(first.seq()).isEqualTo(1);
		assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
		assertThat(second.seq()).isEqualTo(2);
		assertThat(second.prevHash()).isEqualTo(first.hash());
		assertThat(this.log.verify()).isEqualTo(new AuditVerification(true, 2, null, null));
		assertThat(this.log.latest(10)).extracting(AuditRecord::seq).containsExactly(2L, 1L);
	}

	@Test
	void anEditedRowIsDetected() {
		threeRows();
		this.jdbc.sql("UPDATE audit_event SET reason = 'THERAPIST' WHERE seq = 2").update();
		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(2);
		assertThat(verification.problem()).contains("changed");
	}

	@Test
	void anEditedRowWithARecomputedHashIsDetectedWithoutTheKey() {
		threeRows();
		AuditRecord second = this.log.latest(3).get(1);
		// A forger works on the row as stored, where people are named by their alias.
		Map<String, Object> stored = this.jdbc.sql("SELECT actor_id, subject_id FROM audit_event WHERE seq = 2")
			.query()
			.singleRow();
		AuditRecord forged = new AuditRecord(second.seq(), second.occurredAt(), second.action(),
				(UUID) stored.get("actor_id"), (UUID) stored.get("subject_id"), second.category(), second.recordRef(),
				"THERAPIST", second.address(), second.prevHash(), null);
		this.jdbc.sql("UPDATE audit_event SET reason = 'THERAPIST', hash = :hash WHERE seq = 2")
			.param("hash", AuditChain.legacyHash(forged))
			.update();
		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(2);
	}

	@Test
	void aDeletedRowIsDetected() {
		threeRows();
		this.jdbc.sql("DELETE FROM audit_event WHERE seq = 2").update();
		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(2);
		assertThat(verification.problem()).contains("missing");
	}

	@Test
	void aDeletedNewestRowIsDetected() {
		threeRows();
		this.jdbc.sql("DELETE FROM audit_event WHERE seq = 3").update();
		AuditVerification verification = this.log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSeq()).isEqualTo(3);
	}

	@Test
	void rowsAboutOnePersonAreFoundForThem() {
		UUID owner = id();
		this.log.record(AuditEntry.read(id(), owner, "JOURNAL", "entry-1", "PARTNER"));
		this.log.record(AuditEntry.read(id(), id(), "JOURNAL", "entry-2", "PARTNER"));
		assertThat(this.log.about(owner, 10)).extracting(AuditRecord::recordRef).containsExactly("entry-1");
	}

	@Test
	void entriesAppendedTogetherChainExactlyLikeEntriesAppendedOneByOne() {
		UUID viewer = id();
		UUID owner = id();
		UUID other = id();
		AuditRecord first = this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, owner, owner, "127.0.0.1"));
		List<AuditRecord> together = this.log
			.recordAll(List.of(AuditEntry.read(viewer, owner, "INSIGHTS", "progress-12", "THERAPIST"),
					AuditEntry.read(viewer, other, "INSIGHTS", "progress-12", "THERAPIST"),
					AuditEntry.security(AuditAction.PASSWORD_CHANGED, null, owner, null)));
		AuditRecord last = this.log.record(AuditEntry.read(viewer, other, "COMMITMENTS", "reliability-4", "THERAPIST"));

		assertThat(together).extracting(AuditRecord::seq).containsExactly(2L, 3L, 4L);
		assertThat(together).extracting(AuditRecord::prevHash)
			.containsExactly(first.hash(), together.get(0).hash(), together.get(1).hash());
		assertThat(last.prevHash()).isEqualTo(together.get(2).hash());
		assertThat(together.get(2).actorId()).isNull();
		// Returned as written, and read back the same, naming people by account.
		assertThat(this.log.latest(5)).containsExactly(last, together.get(2), together.get(1), together.get(0), first);
		// One alias per person, whether made alone or together.
		assertThat(this.log.about(owner, 10)).extracting(AuditRecord::seq).containsExactly(4L, 2L, 1L);
		assertThat(this.log.by(viewer, 10)).extracting(AuditRecord::seq).containsExactly(5L, 3L, 2L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_alias WHERE account_id IN (:ids)")
			.param("ids", List.of(viewer, owner, other))
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.log.verify()).isEqualTo(new AuditVerification(true, 5, null, null));
		assertThat(this.log.recordAll(List.of())).isEmpty();
		assertThat(this.log.verify()).isEqualTo(new AuditVerification(true, 5, null, null));
	}

	@Test
	void anEditOfARowAppendedTogetherIsDetected() {
		this.log.recordAll(List.of(AuditEntry.read(id(), id(), "CHECKINS", "r-1", "PARTNER"),
				AuditEntry.read(id(), id(), "CHECKINS", "r-2", "PARTNER"),
				AuditEntry.read(id(), id(), "CHECKINS", "r-3", "PARTNER")));
		this.jdbc.sql("UPDATE audit_event SET record_ref = 'r-9' WHERE seq = 2").update();
		assertThat(this.log.verify().firstBrokenSeq()).isEqualTo(2);
	}

	@Test
	void theLastTimeEachPersonWasTheSubjectOfAnActionIsFoundForAllAtOnce() {
		UUID early = id();
		UUID twice = id();
		UUID never = id();
		UUID unknown = id();
		AuditRecord earlySignIn = this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, early, early, null));
		this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, twice, twice, null));
		AuditRecord latest = this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, twice, twice, null));
		this.log.record(AuditEntry.read(id(), twice, "CHECKINS", "r-1", "PARTNER"));
		this.log.record(AuditEntry.security(AuditAction.PASSWORD_CHANGED, never, never, null));

		assertThat(this.log.lastOf(AuditAction.SIGNED_IN, List.of(early, twice, never, unknown)))
			.containsOnly(Map.entry(early, earlySignIn.occurredAt()), Map.entry(twice, latest.occurredAt()));
		assertThat(this.log.lastOf(AuditAction.SIGNED_IN, List.of())).isEmpty();
	}

	@Test
	void freeTextIsRefused() {
		assertThatThrownBy(() -> AuditEntry.read(id(), id(), "CHECKINS", "I felt ashamed after we argued", "PARTNER"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining("ashamed");
		assertThatThrownBy(() -> new AuditEntry(AuditAction.RECORD_READ, id(), id(), null, null,
				"because he asked me to look", null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private void threeRows() {
		this.log.record(AuditEntry.security(AuditAction.SIGNED_IN, id(), id(), "127.0.0.1"));
		this.log.record(AuditEntry.read(id(), id(), "CHECKINS", "r-1", "PARTNER"));
		this.log.record(AuditEntry.security(AuditAction.PASSWORD_CHANGED, id(), id(), null));
		assertThat(this.log.verify().intact()).isTrue();
	}

	private static UUID id() {
		return UUID.randomUUID();
	}

}
