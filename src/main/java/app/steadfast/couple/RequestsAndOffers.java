package app.steadfast.couple;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.HeldWordsReleased;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Her requests to him, and his transparency offer. The sharing module decides what
 * travels: a request she writes during her safety pause is held, kept for her and never
 * shown to him, and sent when the pause ends as if sent then; the requests she sent
 * before it stay with him, as they do when she turns her shares off.
 */
@Service
public class RequestsAndOffers {

	private final JdbcClient jdbc;

	private final CoupleManagement couple;

	private final AccountManagement accounts;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final Clock clock;

	RequestsAndOffers(JdbcClient jdbc, CoupleManagement couple, AccountManagement accounts, Encryption encryption,
			SharingManagement sharing, Clock clock) {
		this.jdbc = jdbc;
		this.couple = couple;
		this.accounts = accounts;
		this.encryption = encryption;
		this.sharing = sharing;
		this.clock = clock;
	}

	/**
	 * The partner sends a request: a menu item, her own words, or both (her words then
	 * say it). While her safety pause holds it is kept for her, never shown to him, and
	 * sent when the pause ends.
	 * @return whether it is held until her safety pause ends
	 * @throws NotFound if she is not a linked partner, or the intakes are not both done
	 * @throws InvalidInput if nothing is chosen or written, or it is too long
	 */
	@Transactional
	public boolean request(AccountId partner, RequestMenu item, String ownWords) {
		AccountId client = linkedClientOf(partner);
		boolean held = this.sharing.sending(partner)
			.filter((s) -> s.to().equals(client))
			.orElseThrow(NotFound::new)
			.held();
		String words = (ownWords == null || ownWords.isBlank()) ? null : ownWords.strip();
		if (item == null && words == null) {
			throw new InvalidInput("item", "Pick something from the list, or write it in your own words.");
		}
		if (words != null && words.length() > 1000) {
			throw new InvalidInput("ownWords", "Keep it under 1,000 characters.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO partner_request (id, partner_id, client_id, menu_item, own_words, created_at, held)
				VALUES (:id, :partner, :client, :item, :words, :now, :held)
				""")
			.param("id", id)
			.param("partner", partner.value())
			.param("client", client.value())
			.param("item", (item != null) ? item.name() : null)
			.param("words", this.encryption.seal(words, EncryptionBinding.of("partner_request", id, partner)))
			.param("now", now())
			.param("held", held)
			.update();
		return held;
	}

	/**
	 * Her safety pause ended: the requests she wrote during it are sent now, as if sent
	 * at this moment (an older date would tell him they were held). In the transaction
	 * that ends the pause.
	 */
	@EventListener
	void on(HeldWordsReleased released) {
		// Synchronous on purpose: sent in the same commit that ends the pause, so none is
		// held a moment longer, nor sent into a pause that began again.
		this.jdbc.sql("""
				UPDATE partner_request SET held = FALSE, created_at = :now
				WHERE partner_id = :partner AND client_id = :client AND held = TRUE
				""")
			.param("now", now())
			.param("partner", released.author())
			.param("client", released.recipient())
			.update();
	}

	/** She withdraws one of her requests. */
	@Transactional
	public void withdraw(AccountId partner, UUID id) {
		int updated = this.jdbc.sql(
				"UPDATE partner_request SET withdrawn_at = :now WHERE id = :id AND partner_id = :partner AND withdrawn_at IS NULL")
			.param("now", now())
			.param("id", id)
			.param("partner", partner.value())
			.update();
		if (updated != 1) {
			throw new NotFound();
		}
	}

	/** Her open requests, as she sees them, those held by her safety pause included. */
	@Transactional(readOnly = true)
	public List<PartnerRequest> sentBy(AccountId partner) {
		return requests("partner_id", partner, partner, true);
	}

	/**
	 * Her open requests, as he sees them, while the sharing module lets him receive what
	 * she sent: during her safety pause the ones she sent before it, exactly as when she
	 * turns her shares off; never one she wrote during it until it ends.
	 */
	@Transactional(readOnly = true)
	public List<PartnerRequest> receivedBy(AccountId client) {
		Optional<SharingManagement.PartnerChannel> channel = this.sharing.channel(client)
			.filter((c) -> c.receives() && c.client().equals(client));
		if (channel.isEmpty()) {
			return List.of();
		}
		return requests("client_id", client, channel.get().partner(), false);
	}

	/**
	 * He makes a transparency offer, replacing his current one.
	 * @throws NotFound if he has no linked partner
	 */
	@Transactional
	public void offer(AccountId client, String offer, LocalDate until) {
		this.couple.partnerOf(client).orElseThrow(NotFound::new);
		if (offer == null || offer.isBlank()) {
			throw new InvalidInput("offer", "Say what you offer to share.");
		}
		if (offer.length() > 2000) {
			throw new InvalidInput("offer", "Keep the offer under 2,000 characters.");
		}
		if (until != null && !until.isAfter(this.accounts.today(client))) {
			throw new InvalidInput("until", "Pick an end date after today, or choose “until we review it”.");
		}
		endOffer(client);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO transparency_offer (id, client_id, offer, until_date, created_at)
				VALUES (:id, :client, :offer, :until, :now)
				""")
			.param("id", id)
			.param("client", client.value())
			.param("offer", this.encryption.seal(offer.strip(), EncryptionBinding.of("transparency_offer", id, client)))
			.param("until", until)
			.param("now", now())
			.update();
	}

	/** He takes his offer back. */
	@Transactional
	public void endOffer(AccountId client) {
		this.jdbc.sql("UPDATE transparency_offer SET ended_at = :now WHERE client_id = :client AND ended_at IS NULL")
			.param("now", now())
			.param("client", client.value())
			.update();
	}

	/**
	 * The current offer between the two, shown to both; none once it is past its end
	 * date.
	 */
	@Transactional(readOnly = true)
	public Optional<TransparencyOffer> currentOffer(AccountId me) {
		Optional<AccountId> partner = this.couple.partnerOf(me);
		if (partner.isEmpty()) {
			return Optional.empty();
		}
		AccountId client = this.accounts.find(me).filter((p) -> p.role() == Role.CLIENT).isPresent() ? me
				: partner.get();
		Optional<TransparencyOffer> offer = this.jdbc.sql("""
				SELECT id, offer, until_date, created_at FROM transparency_offer
				WHERE client_id = :client AND ended_at IS NULL
				""").param("client", client.value()).query((rs, i) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new TransparencyOffer(id,
					this.encryption.open(rs.getString("offer"), EncryptionBinding.of("transparency_offer", id, client)),
					rs.getObject("until_date", LocalDate.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant());
		}).optional();
		// His end date is a day where he is: the offer lasts to the end of it there.
		return offer.filter((o) -> o.until() == null || !o.until().isBefore(this.accounts.today(client)));
	}

	private List<PartnerRequest> requests(String column, AccountId who, AccountId partner, boolean withHeld) {
		return this.jdbc
			.sql("SELECT id, menu_item, own_words, created_at, held FROM partner_request WHERE " + column
					+ " = :who AND withdrawn_at IS NULL" + (withHeld ? "" : " AND held = FALSE")
					+ " ORDER BY created_at DESC")
			.param("who", who.value())
			.query((rs, i) -> {
				UUID id = rs.getObject("id", UUID.class);
				String item = rs.getString("menu_item");
				return new PartnerRequest(id, (item != null) ? RequestMenu.valueOf(item) : null,
						this.encryption.open(rs.getString("own_words"),
								EncryptionBinding.of("partner_request", id, partner)),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("held"));
			})
			.list();
	}

	private AccountId linkedClientOf(AccountId partner) {
		this.accounts.find(partner).filter((p) -> p.role() == Role.PARTNER).orElseThrow(NotFound::new);
		if (!this.couple.state(partner).bothIntakesDone()) {
			throw new NotFound();
		}
		return this.couple.partnerOf(partner).orElseThrow(NotFound::new);
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
