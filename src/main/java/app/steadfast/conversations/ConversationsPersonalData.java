package app.steadfast.conversations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.PersonalData;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * His topics, plans, logged talks (with his partner's views of them) and phrase cards.
 */
@Component
class ConversationsPersonalData implements PersonalData {

	private final Topics topics;

	private final Plans plans;

	private final Talks talks;

	private final Phrases phrases;

	ConversationsPersonalData(Topics topics, Plans plans, Talks talks, Phrases phrases) {
		this.topics = topics;
		this.plans = plans;
		this.talks = talks;
		this.phrases = phrases;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		AccountId me = new AccountId(person);
		Map<String, List<?>> tables = new LinkedHashMap<>();
		tables.put("conversation_topics", this.topics.topics(me));
		tables.put("conversation_plans", this.plans.plans(me));
		tables.put("conversation_talks", this.talks.talks(me, me));
		tables.put("phrase_cards", this.phrases.phrases(me));
		return tables;
	}

	/**
	 * Removes his talks, plans and topics, children first (topics are referred to by
	 * plans and talks, and by each other when merged).
	 */
	@Override
	@Transactional
	public void erase(UUID person, String email) {
		this.talks.eraseAll(person);
		this.plans.eraseAll(person);
		this.topics.eraseAll(person);
	}

}
