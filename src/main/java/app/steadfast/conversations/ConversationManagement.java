package app.steadfast.conversations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.NotFound;

import org.springframework.stereotype.Service;

/**
 * The conversations module's API: what other modules ask of it. Only the owner makes
 * plans, logs talks and keeps his topics and phrase cards; his plans, topics and cards
 * are his alone. His log is read by anyone else only when the sharing module allows it
 * (each such read is audited), and a refusal looks like a missing record.
 *
 * <p>
 * Inside the module each part has its own class: {@link Topics} (and which of them
 * recur), {@link Plans}, {@link Talks} with {@link PartnerViews}, {@link Phrases} and
 * {@link BreathingPreferences}.
 */
@Service
public class ConversationManagement {

	private final Topics topics;

	private final Plans plans;

	private final Talks talks;

	private final Phrases phrases;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final app.steadfast.sharing.SharingManagement sharing;

	ConversationManagement(Topics topics, Plans plans, Talks talks, Phrases phrases,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, app.steadfast.sharing.SharingManagement sharing) {
		this.jdbc = jdbc;
		this.sharing = sharing;
		this.topics = topics;
		this.plans = plans;
		this.talks = talks;
		this.phrases = phrases;
	}

	/** Today where the owner is: the day his talks are dated from. */
	public LocalDate today(AccountId owner) {
		return this.talks.today(owner);
	}

	/**
	 * Saves a plan for a hard talk. His words are checked for risk language; a hit is
	 * reported (ids only) and never blocks saving.
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	public Receipt<PlanId> prepare(AccountId owner, PlanDetails details) {
		return this.plans.prepare(owner, details);
	}

	/**
	 * Logs a talk. His words are checked for risk language (a hit is reported, ids only,
	 * and never blocks saving).
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	public Receipt<TalkId> log(AccountId owner, TalkDetails details) {
		return this.talks.log(owner, details);
	}

	/**
	 * One logged talk, for its owner or someone he shares conversations with.
	 * @throws NotFound if it does not exist or the viewer may not see it
	 */
	public TalkView talk(AccountId viewer, TalkId id) {
		return this.talks.talk(viewer, id);
	}

	/**
	 * The figures of one ISO week (Monday to Sunday) of the owner's logged talks. For the
	 * owner's own progress: it asks no one's permission, so callers show it only to him
	 * or through a grant of their own category.
	 */
	public ConversationWeek weekOf(AccountId owner, LocalDate monday) {
		return this.talks.weeksOf(List.of(owner), monday).get(owner);
	}

	/**
	 * {@link #weekOf} for many owners at once, in one query. Owners without talks that
	 * week get an empty week.
	 */
	public Map<AccountId, ConversationWeek> weeksOf(Collection<AccountId> owners, LocalDate monday) {
		return this.talks.weeksOf(owners, monday);
	}

	/**
	 * The owner's topics that keep coming back now: three or more talks in the last four
	 * weeks, or a topic he marked resolved that came back within them. For him, or
	 * someone he shares conversations with.
	 * @throws NotFound if the viewer may not see them
	 */
	public List<RecurringTopic> recurringTopics(AccountId viewer, AccountId owner) {
		return this.topics.recurringTopics(viewer, owner);
	}

	/** The practice's phrase cards (his edited copies in their place), then his own. */
	public List<PhraseCard> phrases(AccountId owner) {
		return this.phrases.phrases(owner);
	}

	/**
	 * How many talks each owner logged from his own moment on, for a viewer he lets see
	 * his conversations (the sharing module decides and audits, for all at once). Owners
	 * who don't let the viewer see them are absent. Two statements and the audit rows,
	 * however many owners.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public Map<AccountId, Integer> talksSince(AccountId viewer, Map<AccountId, java.time.Instant> from) {
		java.util.Set<AccountId> visible = this.sharing.visibleAmong(viewer, from.keySet(),
				app.steadfast.sharing.Category.CONVERSATIONS, "since");
		Map<AccountId, Integer> counts = new java.util.LinkedHashMap<>();
		visible.forEach((owner) -> counts.put(owner, 0));
		if (!visible.isEmpty()) {
			java.time.Instant earliest = visible.stream()
				.map(from::get)
				.min(java.time.Instant::compareTo)
				.orElseThrow();
			this.jdbc
				.sql("SELECT owner_id, created_at FROM conversation_log WHERE owner_id IN (:o) AND created_at >= :f")
				.param("o", visible.stream().map(AccountId::value).toList())
				.param("f", earliest.atOffset(java.time.ZoneOffset.UTC))
				.query((rs) -> {
					AccountId owner = new AccountId(rs.getObject("owner_id", java.util.UUID.class));
					if (!rs.getTimestamp("created_at").toInstant().isBefore(from.get(owner))) {
						counts.merge(owner, 1, Integer::sum);
					}
				});
		}
		return counts;
	}

}
