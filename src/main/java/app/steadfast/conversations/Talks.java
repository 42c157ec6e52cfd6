package app.steadfast.conversations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.CheckInRef;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * His log of hard talks: how each went, the figures of a week, and the patterns over
 * time. Only he logs his talks; anyone else reads them only when the sharing module
 * allows it (each such read is audited), and a refusal looks like a missing record. His
 * partner's views of a talk ({@link PartnerViews}) are shown beside it.
 */
@Service
class Talks {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final RiskLanguage risk;

	private final ApplicationEventPublisher events;

	private final CheckInManagement checkIns;

	private final Topics topics;

	private final Plans plans;

	private final PartnerViews partnerViews;

	private final AccountManagement accounts;

	private final Clock clock;

	Talks(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, RiskLanguage risk,
			ApplicationEventPublisher events, CheckInManagement checkIns, Topics topics, Plans plans,
			PartnerViews partnerViews, AccountManagement accounts, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.risk = risk;
		this.events = events;
		this.checkIns = checkIns;
		this.topics = topics;
		this.plans = plans;
		this.partnerViews = partnerViews;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Today where the owner is: the latest day he may log a talk on. */
	LocalDate today(AccountId owner) {
		return this.accounts.today(owner);
	}

	/**
	 * Logs a talk. His words are checked for risk language (a hit is reported, ids only,
	 * and never blocks saving).
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	@Transactional
	Receipt<TalkId> log(AccountId owner, TalkDetails details) {
		return log(owner, details, today(owner));
	}

	Receipt<TalkId> log(AccountId owner, TalkDetails details, LocalDate today) {
		UUID me = owner.value();
		Map<String, String> problems = problems(owner, details, today);
		if (!problems.isEmpty()) {
			throw new InvalidConversation(problems);
		}
		Map<UUID, Topics.Row> rows = this.topics.rows(me);
		UUID topic = this.topics.topicFor(me, details.topic(), details.newTopic(), rows);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO conversation_log (id, owner_id, topic_id, plan_id, talked_on, defensiveness, escalation,
				  break_taken, helped, next_time, resolved, created_at, check_in_id)
				VALUES (:id, :owner, :topic, :plan, :on, :defensiveness, :escalation, :break, :helped, :next,
				  :resolved, :now, :checkIn)
				""")
			.param("id", id)
			.param("checkIn", details.checkIn())
			.param("owner", me)
			.param("topic", topic)
			.param("plan", details.plan())
			.param("on", details.talkedOn())
			.param("defensiveness", details.defensiveness())
			.param("escalation", details.escalation().name())
			.param("break", details.breakTaken().name())
			.param("helped", seal(details.helped(), "conversation_log.helped", id, me))
			.param("next", seal(details.nextTime(), "conversation_log.next_time", id, me))
			.param("resolved", details.resolved())
			.param("now", now())
			.update();
		String words = String.join("\n", Objects.requireNonNullElse(details.helped(), ""),
				Objects.requireNonNullElse(details.nextTime(), ""));
		boolean crisis = this.risk.checkAndReport(words, me, RiskSource.CONVERSATION, id).hit();
		logged(new TalkId(id), owner, details.talkedOn());
		return new Receipt<>(new TalkId(id), crisis);
	}

	// Its own method, so that the event is all a publishing method builds (the receipt
	// of log is no event).
	private void logged(TalkId talk, AccountId owner, LocalDate talkedOn) {
		this.events.publishEvent(new TalkLogged(talk, owner, talkedOn));
	}

	/** What is wrong with a talk, by field; empty when it can be saved. */
	Map<String, String> problems(AccountId owner, TalkDetails details, LocalDate today) {
		UUID me = owner.value();
		Map<String, String> problems = new LinkedHashMap<>();
		Topics.check(details.topic(), details.newTopic(), this.topics.rows(me), problems);
		if (details.plan() != null && !this.plans.isOwn(me, details.plan())) {
			problems.put("plan", "That plan isn't one of yours.");
		}
		if (details.checkIn() != null && !this.checkIns.isOwn(owner, details.checkIn())) {
			problems.put("checkIn", "That check-in isn't one of yours.");
		}
		if (details.talkedOn() == null || details.talkedOn().isAfter(today)) {
			problems.put("talkedOn", "Give the day of the talk: today or earlier.");
		}
		else if (details.talkedOn().isBefore(today.minusYears(2))) {
			problems.put("talkedOn", "Give a day within the last two years.");
		}
		if (details.defensiveness() == null || details.defensiveness() < 1 || details.defensiveness() > 5) {
			problems.put("defensiveness", "Choose how defensive you got, from 1 to 5.");
		}
		if (details.escalation() == null) {
			problems.put("escalation", "Choose whether it escalated.");
		}
		if (details.breakTaken() == null) {
			problems.put("breakTaken", "Choose whether you took a break.");
		}
		Plans.checkText(problems, "helped", details.helped(), false, null);
		Plans.checkText(problems, "nextTime", details.nextTime(), false, null);
		return problems;
	}

	/** His ten newest check-ins, to link one to a talk. */
	@Transactional(readOnly = true)
	List<CheckInRef> recentCheckIns(AccountId owner) {
		return this.checkIns.recent(owner, 10);
	}

	/**
	 * One logged talk, for its owner or someone he shares conversations with.
	 * @throws NotFound if it does not exist or the viewer may not see it
	 */
	@Transactional(readOnly = true)
	TalkView talk(AccountId viewer, TalkId id) {
		UUID owner = this.jdbc.sql("SELECT owner_id FROM conversation_log WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
		this.sharing.requireVisible(viewer, new AccountId(owner), Category.CONVERSATIONS, id.value().toString());
		return this.partnerViews.seenBy(viewer, talks(owner, id.value())).get(0);
	}

	/**
	 * The owner's logged talks, newest first, for him or someone he shares conversations
	 * with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	List<TalkView> talks(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.CONVERSATIONS, "talks");
		return this.partnerViews.seenBy(viewer, talks(owner.value(), null));
	}

	/**
	 * The figures of one ISO week (Monday to Sunday) of the owner's logged talks, for
	 * many owners at once, in one query. Owners without talks that week get an empty
	 * week. For the owner's own progress: it asks no one's permission.
	 */
	@Transactional(readOnly = true)
	Map<AccountId, ConversationWeek> weeksOf(Collection<AccountId> owners, LocalDate monday) {
		Map<AccountId, ConversationWeek> weeks = new LinkedHashMap<>();
		owners.forEach((owner) -> weeks.put(owner, new ConversationWeek(monday, 0, 0, 0, 0, 0)));
		if (owners.isEmpty()) {
			return weeks;
		}
		this.jdbc.sql("""
				SELECT owner_id, COUNT(*) AS talks, COALESCE(SUM(defensiveness), 0) AS defensiveness,
				       COALESCE(SUM(CASE WHEN escalation = 'SOMEWHAT' THEN 1 ELSE 0 END), 0) AS somewhat,
				       COALESCE(SUM(CASE WHEN escalation = 'BADLY' THEN 1 ELSE 0 END), 0) AS badly,
				       COALESCE(SUM(CASE WHEN break_taken = 'CAME_BACK' THEN 1 ELSE 0 END), 0) AS came_back
				FROM conversation_log WHERE owner_id IN (:owners) AND talked_on BETWEEN :from AND :to
				GROUP BY owner_id
				""")
			.param("owners", owners.stream().map(AccountId::value).distinct().toList())
			.param("from", monday)
			.param("to", monday.plusDays(6))
			.query((rs) -> {
				weeks.put(new AccountId(rs.getObject("owner_id", UUID.class)),
						new ConversationWeek(monday, rs.getInt("talks"), rs.getInt("defensiveness"),
								rs.getInt("somewhat"), rs.getInt("badly"), rs.getInt("came_back")));
			});
		return weeks;
	}

	/**
	 * How defensive he got over time, and talks per topic, for him or someone he shares
	 * conversations with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	Patterns patterns(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.CONVERSATIONS, "patterns");
		List<TalkView> talks = new ArrayList<>(talks(owner.value(), null));
		talks.sort(Comparator.comparing(TalkView::talkedOn));
		List<Patterns.Point> points = talks.stream()
			.map((t) -> new Patterns.Point(t.talkedOn(), t.defensiveness(), t.topicName(), t.escalation()))
			.toList();
		Map<String, List<TalkView>> byTopic = talks.stream()
			.collect(Collectors.groupingBy(TalkView::topicName, LinkedHashMap::new, Collectors.toList()));
		List<Patterns.TopicCount> counts = byTopic.entrySet()
			.stream()
			.map((e) -> new Patterns.TopicCount(e.getKey(), e.getValue().size(),
					Math.round(e.getValue().stream().mapToInt(TalkView::defensiveness).average().orElse(0) * 10)
							/ 10.0))
			.sorted(Comparator.comparing(Patterns.TopicCount::talks).reversed())
			.toList();
		return new Patterns(points, counts);
	}

	/** Removes all his talks (and so the views given of them). */
	void eraseAll(UUID owner) {
		this.jdbc.sql("DELETE FROM conversation_log WHERE owner_id = :me").param("me", owner).update();
	}

	private List<TalkView> talks(UUID owner, UUID only) {
		Map<UUID, Topics.Row> rows = this.topics.rows(owner);
		Map<UUID, List<TalkView.PartnerView>> views = this.partnerViews.of(owner);
		String where = (only != null) ? "id = :only" : "owner_id = :owner";
		var query = this.jdbc
			.sql("""
					SELECT id, owner_id, topic_id, plan_id, talked_on, defensiveness, escalation, break_taken, helped,
					  next_time, resolved, check_in_id FROM conversation_log WHERE %s ORDER BY talked_on DESC, created_at DESC
					"""
				.formatted(where));
		query = (only != null) ? query.param("only", only) : query.param("owner", owner);
		return query.query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			UUID topic = Topics.canonical(rs.getObject("topic_id", UUID.class), rows);
			UUID plan = rs.getObject("plan_id", UUID.class);
			return new TalkView(new TalkId(id), new AccountId(owner), new TopicId(topic),
					this.topics.name(rows.get(topic)), (plan != null) ? new PlanId(plan) : null,
					rs.getObject("talked_on", LocalDate.class), rs.getInt("defensiveness"),
					Escalation.valueOf(rs.getString("escalation")), BreakTaken.valueOf(rs.getString("break_taken")),
					open(rs.getString("helped"), "conversation_log.helped", id, owner),
					open(rs.getString("next_time"), "conversation_log.next_time", id, owner), rs.getBoolean("resolved"),
					views.getOrDefault(id, List.of()), rs.getObject("check_in_id", UUID.class));
		}).list();
	}

	private String seal(String text, String table, UUID id, UUID owner) {
		String words = (text == null || text.isBlank()) ? null : text.strip();
		return this.encryption.seal(words, EncryptionBinding.of(table, id, owner));
	}

	private String open(String sealed, String table, UUID id, UUID owner) {
		return this.encryption.open(sealed, EncryptionBinding.of(table, id, owner));
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
