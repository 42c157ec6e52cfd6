package app.steadfast.conversations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.accounts.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;

/**
 * His topics, plans, logged talks (with his partner's views of them) and phrase cards.
 */
@Component
class ConversationsPersonalData implements PersonalData {

	private final ConversationManagement conversations;

	ConversationsPersonalData(ConversationManagement conversations) {
		this.conversations = conversations;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		AccountId me = new AccountId(person);
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("conversation_topics", this.conversations.topics(me));
		tables.put("conversation_plans", this.conversations.plans(me));
		tables.put("conversation_talks", this.conversations.talks(me, me));
		tables.put("phrase_cards", this.conversations.phrases(me));
		return tables;
	}

	@Override
	public void erase(UUID person, String email) {
		this.conversations.eraseAll(new AccountId(person));
	}

}
