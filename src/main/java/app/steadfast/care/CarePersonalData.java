package app.steadfast.care;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * His messages with his therapist, for the export of his data: what he wrote and what his
 * therapist wrote to him.
 */
@Component
class CarePersonalData implements PersonalData {

	private final Messages messages;

	CarePersonalData(Messages messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		return Map.of("messages", this.messages.export(new AccountId(person)));
	}

}
