package app.steadfast.sharing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;

/**
 * Who a person is linked with as a couple, and whether her safety pause holds: what the
 * sharing module's decision consults, without depending on the module that manages the
 * link. The couple module implements it. Capabilities never ask it themselves: they ask
 * {@link SharingManagement}, whose answers carry the pause.
 */
public interface PartnerLinks {

	/**
	 * The person's active couple link, seen from either side.
	 */
	Optional<PartnerLink> linkOf(AccountId person);

	/**
	 * A request his linked partner sent him and has not withdrawn, while words may travel
	 * between them; empty for anything else, including another person's request.
	 */
	Optional<PartnerAsked> requestTo(AccountId client, UUID request);

	/**
	 * Something his partner asked of him.
	 *
	 * @param id the request
	 * @param text what she asked, in her words or from the menu
	 * @param askedAt when
	 */
	record PartnerAsked(UUID id, String text, Instant askedAt) {
	}

	/**
	 * An active link between a client and his partner.
	 *
	 * @param client the client (the man doing the work)
	 * @param partner his partner
	 * @param open whether both have answered the private intake, so joint features are
	 * open
	 * @param paused whether the partner's safety screen asked for a pause: nothing from
	 * either side reaches the other while it holds
	 */
	record PartnerLink(AccountId client, AccountId partner, boolean open, boolean paused) {

		/** Whether words may travel between the two now. */
		public boolean carriesWords() {
			return this.open && !this.paused;
		}

		/** The other person of the link. */
		public AccountId other(AccountId me) {
			return me.equals(this.client) ? this.partner : this.client;
		}

	}

}
