package app.steadfast.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.sharing.SharingManagement.PartnerChannel;
import app.steadfast.sharing.SharingManagement.Sending;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The couple link as each of its two people may know it: whether words travel between
 * them, what is held during her safety pause and released after it, and whether one
 * shares a category with the other now.
 */
// No @Transactional here: every method runs inside the call of SharingManagement that
// asks it, as it did when these were its own methods.
@Component
class PartnerChannels {

	private final ShareGrants grants;

	private final ObjectProvider<PartnerLinks> links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PartnerChannels(ShareGrants grants, ObjectProvider<PartnerLinks> links, ApplicationEventPublisher events,
			Clock clock) {
		this.grants = grants;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	/** See {@link SharingManagement#channel}. */
	Optional<PartnerChannel> channel(AccountId person) {
		PartnerLinks links = this.links.getIfAvailable();
		if (links == null) {
			return Optional.empty();
		}
		return links.linkOf(person)
			.map((link) -> new PartnerChannel(link.client(), link.partner(), link.open(), link.carriesWords(),
					link.paused() && link.partner().equals(person),
					// He keeps what she sent before her pause: hiding it would tell him.
					link.client().equals(person) ? link.open() : link.carriesWords()));
	}

	/** See {@link SharingManagement#sending}. */
	Optional<Sending> sending(AccountId author) {
		return channel(author).filter(PartnerChannel::open).map((c) -> new Sending(c.other(author), !c.travels()));
	}

	/** See {@link SharingManagement#release}. */
	void release(AccountId author) {
		channel(author).filter(PartnerChannel::travels)
			.ifPresent((c) -> this.events.publishEvent(new HeldWordsReleased(author.value(), c.other(author).value())));
	}

	/** See {@link SharingManagement#requestTo}. */
	Optional<PartnerLinks.PartnerAsked> requestTo(AccountId client, UUID request) {
		PartnerLinks links = this.links.getIfAvailable();
		if (links == null || channel(client).filter((c) -> c.receives() && c.client().equals(client)).isEmpty()) {
			return Optional.empty();
		}
		return links.requestTo(client, request);
	}

	/** See {@link SharingManagement#partnerContributionsShown}. */
	boolean partnerContributionsShown(AccountId owner, Category category) {
		PartnerLinks links = this.links.getIfAvailable();
		return links != null && links.linkOf(owner)
			.filter((link) -> link.client().equals(owner))
			.map((link) -> sharesWithPartner(link.partner(), category))
			.orElse(false);
	}

	/**
	 * Whether the person shares this category with their linked partner now: a partner
	 * share that is not revoked, paused or expired, while words travel between the two
	 * (so never during her safety pause). What they wrote on the partner's records of the
	 * category is shown only while this holds.
	 */
	boolean sharesWithPartner(AccountId person, Category category) {
		PartnerLinks links = this.links.getIfAvailable();
		Optional<PartnerLinks.PartnerLink> link = (links != null) ? links.linkOf(person) : Optional.empty();
		if (link.isEmpty() || !link.get().carriesWords()) {
			return false;
		}
		Instant now = this.clock.instant();
		return this.grants
			.findByOwnerIdAndGranteeIdAndCategory(person.value(), link.get().other(person).value(), category)
			.stream()
			.map(ShareGrant::view)
			.anyMatch((g) -> g.kind() == GrantKind.PARTNER && g.isActiveAt(now));
	}

	/** Whether words travel between the two now (linked to each other, no pause). */
	boolean travelsBetween(AccountId one, AccountId other) {
		return channel(one).filter((c) -> c.travels() && c.other(one).equals(other)).isPresent();
	}

}
