package app.steadfast.couple;

import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.sharing.PartnerLinks;

import org.springframework.stereotype.Component;

/**
 * Answers {@link PartnerLinks} from the couple link, its intakes and the safety pause.
 */
@Component
class CouplePartnerLinks implements PartnerLinks {

	private final CoupleManagement couple;

	private final RequestsAndOffers requests;

	CouplePartnerLinks(CoupleManagement couple, RequestsAndOffers requests) {
		this.couple = couple;
		this.requests = requests;
	}

	@Override
	public Optional<PartnerAsked> requestTo(AccountId client, UUID request) {
		return this.requests.receivedBy(client)
			.stream()
			.filter((r) -> r.id().equals(request))
			.findFirst()
			.map((r) -> new PartnerAsked(r.id(), r.text(), r.createdAt()));
	}

	@Override
	public Optional<PartnerLink> linkOf(AccountId person) {
		return this.couple.linkOf(person);
	}

}
