package app.steadfast.couple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * The couple side of a person: their private intake answers, their own weekly pulses, the
 * requests sent or received, his transparency offer, and the quiet signal (the setting,
 * the list, the signals sent or received with the answers).
 */
@Component
class CouplePersonalData implements PersonalData {

	private final CoupleManagement couple;

	private final PulseManagement pulse;

	private final RequestsAndOffers requests;

	private final ReassuranceManagement reassurance;

	CouplePersonalData(CoupleManagement couple, PulseManagement pulse, RequestsAndOffers requests,
			ReassuranceManagement reassurance) {
		this.reassurance = reassurance;
		this.couple = couple;
		this.pulse = pulse;
		this.requests = requests;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		AccountId me = new AccountId(person);
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("intake", this.couple.intake(me).stream().toList());
		tables.put("pulse", this.pulse.mine(me));
		tables.put("requests_sent", this.requests.sentBy(me));
		tables.put("requests_received", this.requests.receivedBy(me));
		tables.put("transparency_offer", this.requests.currentOffer(me).stream().toList());
		tables.putAll(this.reassurance.exported(me));
		return tables;
	}

}
