package app.steadfast.consultations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which therapist each client works with: looking it up, and giving him one. */
@Component
class TherapistAssignments {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final AuditLog audit;

	private final Clock clock;

	TherapistAssignments(JdbcClient jdbc, AccountManagement accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** See {@link ConsultationManagement#therapistOf}. */
	@Transactional(readOnly = true)
	Optional<TherapistAssignment> therapistOf(AccountId client) {
		return this.jdbc
			.sql("SELECT client_id, therapist_id, since FROM therapist_assignment WHERE client_id = :client")
			.param("client", client.value())
			.query(TherapistAssignments::assignment)
			.optional();
	}

	/** See {@link ConsultationManagement#clientsOf}. */
	@Transactional(readOnly = true)
	List<TherapistAssignment> clientsOf(AccountId therapist) {
		return this.jdbc.sql("""
				SELECT client_id, therapist_id, since FROM therapist_assignment
				WHERE therapist_id = :therapist ORDER BY since, client_id
				""").param("therapist", therapist.value()).query(TherapistAssignments::assignment).list();
	}

	/** See {@link ConsultationManagement#reassign}. */
	@Transactional
	void reassign(AccountId admin, AccountId client, AccountId therapist) {
		if (this.accounts.find(client).filter((p) -> p.role() == Role.CLIENT || p.role() == Role.PARTNER).isEmpty()
				|| this.accounts.find(therapist).filter((p) -> p.role() == Role.THERAPIST).isEmpty()) {
			throw new IllegalArgumentException("Only a client or a partner can be given a therapist");
		}
		assign(client, therapist.value(), this.clock.instant());
		this.audit.record(new AuditEntry(AuditAction.CLIENT_REASSIGNED, admin.value(), client.value(), null,
				therapist.value().toString(), null, null));
	}

	/**
	 * Makes the therapist the client's one therapist from the moment given, in place of
	 * any he had. Nothing is checked or audited: the caller has done both.
	 */
	void assign(AccountId client, UUID therapist, Instant since) {
		this.jdbc.sql("DELETE FROM therapist_assignment WHERE client_id = :client")
			.param("client", client.value())
			.update();
		this.jdbc.sql(
				"INSERT INTO therapist_assignment (client_id, therapist_id, since) VALUES (:client, :therapist, :since)")
			.param("client", client.value())
			.param("therapist", therapist)
			.param("since", since.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static TherapistAssignment assignment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TherapistAssignment(new AccountId(rs.getObject("client_id", UUID.class)),
				new AccountId(rs.getObject("therapist_id", UUID.class)),
				rs.getObject("since", java.time.OffsetDateTime.class).toInstant());
	}

}
