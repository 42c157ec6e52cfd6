package app.steadfast.care;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.SharingManagement;
import app.steadfast.sharing.SharingManagement.PartnerChannel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CSI-4 for both partners, where each agrees. His therapist may send a copy to his
 * linked partner; it waits on her Today, says plainly who asked and who will see it, and
 * she answers it or says no. A copy is hers: her account, her answers sealed to her, in
 * her own list of questionnaires. Only the therapist who asked sees her answers, beside
 * his, while he is that therapist's client, and every such read is audited against her;
 * her partner never sees them, and nothing else of hers goes with them.
 */
@Service
class PartnerMeasures {

	/** How a read of her answers is named in the audit log. */
	static final String AUDITED = "partner-measure";

	private final JdbcClient jdbc;

	private final Therapy therapy;

	private final Measures measures;

	private final SharingManagement sharing;

	private final AuditLog audit;

	private final Clock clock;

	PartnerMeasures(JdbcClient jdbc, Therapy therapy, Measures measures, SharingManagement sharing, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.therapy = therapy;
		this.measures = measures;
		this.sharing = sharing;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sends the client's linked partner her own copy of a questionnaire, unless one from
	 * this therapist still waits for her.
	 * @return whether a new copy was sent
	 * @throws InvalidInput if the questionnaire is not one for partners, or he has no
	 * partner who has joined and answered her private intake
	 */
	@Transactional
	boolean ask(AccountId therapist, AccountId client, Instrument instrument) {
		this.therapy.requireClient(therapist, client);
		if (this.therapy.partner(client)) {
			throw new InvalidInput("partnerToo",
					"This is a partner’s own care: a copy for the other partner goes only with a client’s questionnaire.");
		}
		if (instrument != Instrument.CSI4) {
			throw new InvalidInput("partnerToo", "Only the CSI-4 is about the relationship; the others are his alone.");
		}
		AccountId partner = this.sharing.channel(client)
			.filter(PartnerChannel::open)
			.map(PartnerChannel::partner)
			.orElseThrow(() -> new InvalidInput("partnerToo",
					"His partner hasn't joined Steadfast, or hasn't finished their first steps there yet, so there is no one to send it to."));
		boolean waiting = this.jdbc.sql("""
				SELECT COUNT(*) FROM care_measure WHERE client_id = :partner AND therapist_id = :therapist
				AND about_client_id = :client AND instrument = :instrument
				AND completed_at IS NULL AND declined_at IS NULL
				""")
			.param("partner", partner.value())
			.param("therapist", therapist.value())
			.param("client", client.value())
			.param("instrument", instrument.name())
			.query(Long.class)
			.single() > 0;
		if (waiting) {
			return false;
		}
		this.jdbc.sql("""
				INSERT INTO care_measure (id, client_id, therapist_id, instrument, assigned_at, about_client_id)
				VALUES (:id, :partner, :therapist, :instrument, :now, :client)
				""")
			.param("id", UUID.randomUUID())
			.param("partner", partner.value())
			.param("therapist", therapist.value())
			.param("instrument", instrument.name())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("client", client.value())
			.update();
		return true;
	}

	/**
	 * She chooses not to answer her copy: it leaves her list, and his therapist sees it
	 * closed without an answer.
	 * @throws NotFound if it is not a copy waiting for her
	 */
	@Transactional
	void decline(AccountId partner, UUID id) {
		Measures.Pending pending = this.measures.waiting(partner, id);
		if (!pending.partnersCopy()) {
			throw new NotFound();
		}
		this.jdbc.sql("UPDATE care_measure SET declined_at = :now WHERE id = :id")
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	/**
	 * The copies this therapist sent the client's partner, newest first: her answers
	 * where she gave them (each read audited against her), or whether it still waits or
	 * she said no. Only the therapist who asked has any, and only while the client is
	 * still his: a therapist he was handed over to, or one with emergency access, has
	 * none of them.
	 * @throws NotFound if there are copies but the client is no longer this therapist's
	 */
	@Transactional
	List<Copy> of(AccountId therapist, AccountId client) {
		List<Copy> copies = this.jdbc.sql("""
				SELECT * FROM care_measure WHERE about_client_id = :client AND therapist_id = :therapist
				ORDER BY assigned_at DESC
				""").param("client", client.value()).param("therapist", therapist.value()).query((rs, n) -> {
			AccountId partner = new AccountId(rs.getObject("client_id", UUID.class));
			boolean done = rs.getTimestamp("completed_at") != null;
			return new Copy(rs.getObject("id", UUID.class), partner, rs.getTimestamp("assigned_at").toInstant(),
					done ? Optional.of(this.measures.result(rs, partner)) : Optional.empty(),
					rs.getTimestamp("declined_at") != null);
		}).list();
		// Checked only where there is something to show, which spares the client's
		// page a query when there is nothing.
		if (!copies.isEmpty() && !this.therapy.assigned(therapist, client)) {
			throw new NotFound();
		}
		this.audit.recordAll(copies.stream()
			.filter((copy) -> copy.result().isPresent())
			.map((copy) -> AuditEntry.read(therapist.value(), copy.partner().value(), AUDITED, copy.id().toString(),
					"PARTNER_CONSENT"))
			.toList());
		return copies;
	}

	/**
	 * A copy of a questionnaire sent to his partner.
	 *
	 * @param id it
	 * @param partner whose copy it is
	 * @param askedAt when the therapist sent it
	 * @param result her answers, once she gave them
	 * @param declined whether she chose not to answer
	 */
	record Copy(UUID id, AccountId partner, Instant askedAt, Optional<Measures.Result> result, boolean declined) {

		/** Where the copy stands, in the therapist's words. */
		public String state() {
			if (this.result.isPresent()) {
				Measures.Result r = this.result.get();
				return r.total() + " of " + r.instrument().maximum() + ", " + r.severity().toLowerCase();
			}
			return this.declined ? "His partner chose not to answer" : "Waiting for his partner";
		}

	}

}
