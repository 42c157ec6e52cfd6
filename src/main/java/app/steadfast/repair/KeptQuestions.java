package app.steadfast.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.SharingManagement;
import app.steadfast.sharing.SharingManagement.PartnerChannel;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions a partner writes before anyone is to read them: kept with her (sealed
 * like every question), addressed to no one, until she chooses to send them to the
 * partner she is linked with. Sending makes them questions like any other, asked at that
 * moment; under her safety pause they are held as any question she writes then.
 */
@Service
class KeptQuestions {

	/** A question kept for later, as she sees it. */
	record KeptQuestion(QuestionId id, String words, @Nullable Importance importance, Instant writtenAt) {
	}

	/**
	 * Whether she can send them now, and to whom it would go.
	 *
	 * @param linked whether she has a partner linked
	 * @param sendable whether sending is possible now (linked, and both intakes answered)
	 * @param questions her kept questions, newest first
	 */
	record Kept(boolean linked, boolean sendable, List<KeptQuestion> questions) {
	}

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final Clock clock;

	KeptQuestions(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, AccountManagement accounts,
			Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Her kept questions, and whether she can send them now.
	 * @throws NotFound if the person is not a partner
	 */
	@Transactional(readOnly = true)
	Kept kept(AccountId partner) {
		requirePartner(partner);
		List<KeptQuestion> questions = keptBy(partner);
		boolean linked = this.sharing.channel(partner).filter((c) -> c.partner().equals(partner)).isPresent();
		return new Kept(linked, linked && this.sharing.sending(partner).isPresent(), questions);
	}

	/** The questions this person keeps for later, newest first (none for a client). */
	@Transactional(readOnly = true)
	List<KeptQuestion> keptBy(AccountId partner) {
		return this.jdbc.sql("""
				SELECT id, words, importance, asked_at FROM partner_question
				WHERE partner_id = :partner AND client_id IS NULL ORDER BY asked_at DESC
				""").param("partner", partner.value()).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			String importance = rs.getString("importance");
			return new KeptQuestion(new QuestionId(id),
					this.encryption.open(rs.getString("words"), PartnerQuestions.questionBinding(id, partner)),
					(importance != null) ? Importance.valueOf(importance) : null,
					rs.getObject("asked_at", OffsetDateTime.class).toInstant());
		}).list();
	}

	/**
	 * Keeps a question for later, addressed to no one yet.
	 * @throws NotFound if the person is not a partner
	 * @throws InvalidRepairInput if it is empty or too long
	 */
	@Transactional
	QuestionId keep(AccountId partner, String words, @Nullable Importance importance) {
		requirePartner(partner);
		if (words == null || words.isBlank()) {
			throw new InvalidRepairInput("question", "Write a question first.");
		}
		if (words.strip().length() > QuestionManagement.MAX_LENGTH) {
			throw new InvalidRepairInput("question",
					"Keep each question under " + QuestionManagement.MAX_LENGTH + " characters.");
		}
		UUID id = UUID.randomUUID();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				INSERT INTO partner_question (id, partner_id, client_id, words, importance, status,
				  needs_time_until, asked_at, changed_at, held)
				VALUES (:id, :partner, NULL, :words, :importance, 'ASKED', NULL, :now, :now, FALSE)
				""")
			.param("id", id)
			.param("partner", partner.value())
			.param("words", this.encryption.seal(words.strip(), PartnerQuestions.questionBinding(id, partner)))
			.param("importance", (importance != null) ? importance.name() : null)
			.param("now", now)
			.update();
		return new QuestionId(id);
	}

	/**
	 * Sends every kept question to the partner she is linked with, as asked now; under
	 * her safety pause they are held like any question written then.
	 * @return how many were sent (or held), and whether they were held
	 * @throws NotFound if she is not linked, or questions are not open yet
	 */
	@Transactional
	Sent send(AccountId partner) {
		PartnerChannel link = this.sharing.channel(partner)
			.filter((c) -> c.partner().equals(partner))
			.orElseThrow(NotFound::new);
		SharingManagement.Sending sending = this.sharing.sending(partner).orElseThrow(NotFound::new);
		OffsetDateTime now = now();
		int count = this.jdbc.sql("""
				UPDATE partner_question SET client_id = :client, held = :held, asked_at = :now, changed_at = :now
				WHERE partner_id = :partner AND client_id IS NULL
				""")
			.param("client", link.client().value())
			.param("held", sending.held())
			.param("now", now)
			.param("partner", partner.value())
			.update();
		return new Sent(count, sending.held());
	}

	record Sent(int count, boolean held) {
	}

	private void requirePartner(AccountId person) {
		this.accounts.find(person).map(Person::role).filter((r) -> r == Role.PARTNER).orElseThrow(NotFound::new);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
