package app.steadfast.couple;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Her requests to him, and his transparency offer. Her requests reach him only while her
 * safety pause is off.
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
	 * say it).
	 * @throws NotFound if she is not a linked partner, or the intakes are not both done
	 * @throws InvalidInput if nothing is chosen or written, it is too long, or her safety
	 * pause holds (nothing of hers travels to him then)
	 */
	@Transactional
	public void request(AccountId partner, RequestMenu item, String ownWords) {
		AccountId client = linkedClientOf(partner);
		if (this.sharing.channel(partner).filter(SharingManagement.PartnerChannel::travels).isEmpty()) {
			throw new InvalidInput("ownWords",
					"Requests are paused while your safety answers ask for it, so nothing reaches your partner. "
							+ "You can change those answers on your safety page.");
		}
		String words = (ownWords == null || ownWords.isBlank()) ? null : ownWords.strip();
		if (item == null && words == null) {
			throw new InvalidInput("item", "Pick something from the list, or write it in your own words.");
		}
		if (words != null && words.length() > 1000) {
			throw new InvalidInput("ownWords", "Keep it under 1,000 characters.");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO partner_request (id, partner_id, client_id, menu_item, own_words, created_at)
				VALUES (:id, :partner, :client, :item, :words, :now)
				""")
			.param("id", id)
			.param("partner", partner.value())
			.param("client", client.value())
			.param("item", (item != null) ? item.name() : null)
			.param("words", this.encryption.seal(words, EncryptionBinding.of("partner_request", id, partner)))
			.param("now", now())
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

	/** Her open requests, as she sees them. */
	@Transactional(readOnly = true)
	public List<PartnerRequest> sentBy(AccountId partner) {
		return requests("partner_id", partner, partner);
	}

	/**
	 * Her open requests, as he sees them: none while words do not travel between them
	 * (the sharing module decides; during her safety pause he sees what he would if she
	 * had asked for nothing).
	 */
	@Transactional(readOnly = true)
	public List<PartnerRequest> receivedBy(AccountId client) {
		Optional<SharingManagement.PartnerChannel> channel = this.sharing.channel(client)
			.filter((c) -> c.travels() && c.client().equals(client));
		if (channel.isEmpty()) {
			return List.of();
		}
		return requests("client_id", client, channel.get().partner()).stream().toList();
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
		if (until != null && !until.isAfter(LocalDate.now(this.clock))) {
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
		return this.jdbc.sql("""
				SELECT id, offer, until_date, created_at FROM transparency_offer
				WHERE client_id = :client AND ended_at IS NULL
				""").param("client", client.value()).query((rs, i) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new TransparencyOffer(id,
					this.encryption.open(rs.getString("offer"), EncryptionBinding.of("transparency_offer", id, client)),
					rs.getObject("until_date", LocalDate.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant());
		}).optional().filter((o) -> o.until() == null || !o.until().isBefore(LocalDate.now(this.clock)));
	}

	private List<PartnerRequest> requests(String column, AccountId who, AccountId partner) {
		return this.jdbc
			.sql("SELECT id, menu_item, own_words, created_at FROM partner_request WHERE " + column
					+ " = :who AND withdrawn_at IS NULL ORDER BY created_at DESC")
			.param("who", who.value())
			.query((rs, i) -> {
				UUID id = rs.getObject("id", UUID.class);
				String item = rs.getString("menu_item");
				return new PartnerRequest(id, (item != null) ? RequestMenu.valueOf(item) : null,
						this.encryption.open(rs.getString("own_words"),
								EncryptionBinding.of("partner_request", id, partner)),
						rs.getObject("created_at", OffsetDateTime.class).toInstant());
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
