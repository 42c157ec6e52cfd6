package app.steadfast.couple;

import java.util.Optional;

import app.steadfast.accounts.AccountId;
import app.steadfast.sharing.PartnerLinks;

import org.springframework.stereotype.Component;

/**
 * Answers {@link PartnerLinks} from the couple link, its intakes and the safety pause.
 */
@Component
class CouplePartnerLinks implements PartnerLinks {

	private final CoupleManagement couple;

	CouplePartnerLinks(CoupleManagement couple) {
		this.couple = couple;
	}

	@Override
	public Optional<PartnerLink> linkOf(AccountId person) {
		return this.couple.linkOf(person);
	}

}
