package app.steadfast.conversations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.accounts.AccountId;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;
import app.steadfast.shared.RecentCheckIns;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversations module's API. Only the owner makes plans, logs talks and keeps his
 * topics and phrase cards; his plans, topics and cards are his alone. His log is read by
 * anyone else only when the sharing module allows it (each such read is audited), and a
 * refusal looks like a missing record. His partner's view of a talk is stored beside his
 * log and never changes it.
 *
 * <p>
 * Merging a topic into another makes both count as one from then on; renaming keeps the
 * earlier name.
 */
@Service
public class ConversationManagement {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final RiskLanguage risk;

	private final ApplicationEventPublisher events;

	private final RecentCheckIns checkIns;

	private final PhraseCards cards;

	private final Practice practice;

	private final Clock clock;

	ConversationManagement(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, RiskLanguage risk,
			ApplicationEventPublisher events, PhraseCards cards, Practice practice, Clock clock,
			RecentCheckIns checkIns) {
		this.checkIns = checkIns;
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.risk = risk;
		this.events = events;
		this.cards = cards;
		this.practice = practice;
		this.clock = clock;
	}

	/** Today in the practice's zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.practice.zone());
	}

	// --- topics ---

	/** His topics (merged ones folded into the topic they joined), by name. */
	@Transactional(readOnly = true)
	public List<TopicView> topics(AccountId owner) {
		Map<UUID, TopicRow> rows = topicRows(owner.value());
		Map<UUID, Integer> counts = new HashMap<>();
		talkRows(owner.value()).forEach((t) -> counts.merge(canonical(t.topic(), rows), 1, Integer::sum));
		Map<UUID, List<String>> earlier = earlierNames(rows);
		List<TopicView> views = new ArrayList<>();
		for (TopicRow row : rows.values()) {
			if (row.mergedInto() != null) {
				continue;
			}
			List<String> merged = rows.values()
				.stream()
				.filter((r) -> r.mergedInto() != null && canonical(r.id(), rows).equals(row.id()))
				.map((r) -> name(r))
				.sorted(String.CASE_INSENSITIVE_ORDER)
				.toList();
			views.add(new TopicView(new TopicId(row.id()), name(row), earlier.getOrDefault(row.id(), List.of()), merged,
					counts.getOrDefault(row.id(), 0)));
		}
		views.sort(Comparator.comparing(TopicView::name, String.CASE_INSENSITIVE_ORDER));
		return views;
	}

	/**
	 * Renames one of his topics; the earlier name is kept, and its talks stay with it.
	 * @throws NotFound if it is not his
	 * @throws InvalidConversation if the name cannot be used
	 */
	@Transactional
	public void renameTopic(AccountId owner, TopicId id, String name) {
		Map<UUID, TopicRow> rows = topicRows(owner.value());
		TopicRow row = Optional.ofNullable(rows.get(id.value()))
			.filter((r) -> r.mergedInto() == null)
			.orElseThrow(NotFound::new);
		String clean = (name != null) ? name.strip() : "";
		String problem = topicNameProblem(clean);
		if (problem != null) {
			throw new InvalidConversation("name", problem);
		}
		boolean taken = rows.values()
			.stream()
			.anyMatch((r) -> !r.id().equals(row.id()) && r.mergedInto() == null && name(r).equalsIgnoreCase(clean));
		if (taken) {
			throw new InvalidConversation("name", "You already have a topic with that name. Merge them instead.");
		}
		String old = name(row);
		if (old.equals(clean)) {
			return;
		}
		this.jdbc.sql("INSERT INTO conversation_topic_name (topic_id, changed_at, old_name) VALUES (:id, :now, :old)")
			.param("id", row.id())
			.param("now", now())
			.param("old", this.encryption.seal(old, oldNameBinding(row.id(), owner.value())))
			.update();
		this.jdbc.sql("UPDATE conversation_topic SET name = :name WHERE id = :id")
			.param("name", this.encryption.seal(clean, topicBinding(row.id(), owner.value())))
			.param("id", row.id())
			.update();
	}

	/**
	 * Merges one of his topics into another: from then on every talk on either counts as
	 * a talk on {@code into}. If that leaves the topic recurring,
	 * {@link RecurringTopicNoticed} is published.
	 * @throws NotFound if either is not his
	 * @throws InvalidConversation if they are the same topic
	 */
	@Transactional
	public void mergeTopic(AccountId owner, TopicId from, TopicId into) {
		Map<UUID, TopicRow> rows = topicRows(owner.value());
		TopicRow source = Optional.ofNullable(rows.get(from.value()))
			.filter((r) -> r.mergedInto() == null)
			.orElseThrow(NotFound::new);
		if (into == null || !rows.containsKey(into.value())) {
			throw new InvalidConversation("into", "Choose the topic to merge it into.");
		}
		UUID target = canonical(into.value(), rows);
		if (target.equals(source.id())) {
			throw new InvalidConversation("into", "Choose a different topic to merge it into.");
		}
		this.jdbc.sql("UPDATE conversation_topic SET merged_into = :target, merged_at = :now WHERE id = :id")
			.param("target", target)
			.param("now", now())
			.param("id", source.id())
			.update();
		// Topics merged into the source earlier now point at the target directly.
		this.jdbc.sql("UPDATE conversation_topic SET merged_into = :target WHERE merged_into = :id")
			.param("target", target)
			.param("id", source.id())
			.update();
		notice(owner.value(), target, today());
	}

	// --- plans ---

	/**
	 * Saves a plan for a hard talk. His words are checked for risk language; a hit is
	 * reported (ids only) and never blocks saving.
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	@Transactional
	public Receipt<PlanId> prepare(AccountId owner, PlanDetails details) {
		Map<String, String> problems = problems(owner, details);
		if (!problems.isEmpty()) {
			throw new InvalidConversation(problems);
		}
		Map<UUID, TopicRow> rows = topicRows(owner.value());
		UUID topic = topicFor(owner.value(), details.topic(), details.newTopic(), rows);
		UUID id = UUID.randomUUID();
		UUID me = owner.value();
		this.jdbc.sql("""
				INSERT INTO conversation_plan (id, owner_id, topic_id, about, may_need, wont_say, wont_say_other,
				  validation, created_at)
				VALUES (:id, :owner, :topic, :about, :mayNeed, :wontSay, :other, :validation, :now)
				""")
			.param("id", id)
			.param("owner", me)
			.param("topic", topic)
			.param("about", seal(details.about(), "conversation_plan.about", id, me))
			.param("mayNeed", seal(details.mayNeed(), "conversation_plan.may_need", id, me))
			.param("wontSay", details.wontSay().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("other", seal(details.wontSayOther(), "conversation_plan.wont_say_other", id, me))
			.param("validation", seal(details.validation(), "conversation_plan.validation", id, me))
			.param("now", now())
			.update();
		String words = String.join("\n", Objects.requireNonNullElse(details.about(), ""),
				Objects.requireNonNullElse(details.mayNeed(), ""),
				Objects.requireNonNullElse(details.wontSayOther(), ""),
				Objects.requireNonNullElse(details.validation(), ""));
		boolean crisis = this.risk.checkAndReport(words, me, RiskSource.CONVERSATION, id).hit();
		return new Receipt<>(new PlanId(id), crisis);
	}

	/** What is wrong with a plan, by field; empty when it can be saved. */
	Map<String, String> problems(AccountId owner, PlanDetails details) {
		Map<String, String> problems = new LinkedHashMap<>();
		checkTopic(details.topic(), details.newTopic(), topicRows(owner.value()), problems);
		checkText(problems, "about", details.about(), true, "Say in a few words what the talk is about.");
		checkText(problems, "mayNeed", details.mayNeed(), false, null);
		checkText(problems, "wontSayOther", details.wontSayOther(), false, null);
		checkText(problems, "validation", details.validation(), true,
				"Write one sentence of validation you can use. A phrase card can help.");
		return problems;
	}

	/**
	 * One of his plans. Plans are his alone: nobody else sees them.
	 * @throws NotFound if it does not exist or is not the viewer's
	 */
	@Transactional(readOnly = true)
	public PlanView plan(AccountId viewer, PlanId id) {
		return plans("p.id = :key AND p.owner_id = :owner", id.value(), viewer.value()).stream()
			.findFirst()
			.orElseThrow(NotFound::new);
	}

	/** His plans, newest first. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(AccountId owner) {
		return plans("p.owner_id = :key AND p.owner_id = :owner", owner.value(), owner.value());
	}

	// --- talks ---

	/**
	 * Logs a talk. His words are checked for risk language (a hit is reported, ids only,
	 * and never blocks saving). If the talk leaves its topic recurring,
	 * {@link RecurringTopicNoticed} is published.
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	@Transactional
	public Receipt<TalkId> log(AccountId owner, TalkDetails details) {
		return log(owner, details, today());
	}

	Receipt<TalkId> log(AccountId owner, TalkDetails details, LocalDate today) {
		UUID me = owner.value();
		Map<String, String> problems = problems(owner, details, today);
		if (!problems.isEmpty()) {
			throw new InvalidConversation(problems);
		}
		Map<UUID, TopicRow> rows = topicRows(me);
		UUID topic = topicFor(me, details.topic(), details.newTopic(), rows);
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
		notice(me, canonical(topic, topicRows(me)), today);
		return new Receipt<>(new TalkId(id), crisis);
	}

	/**
	 * Removes everything of the owner's, children first (topics are referred to by plans
	 * and logs, and by each other when merged), when his account is deleted.
	 */
	@Transactional
	void eraseAll(AccountId owner) {
		UUID me = owner.value();
		this.jdbc.sql("DELETE FROM conversation_log WHERE owner_id = :me").param("me", me).update();
		this.jdbc.sql("DELETE FROM conversation_plan WHERE owner_id = :me").param("me", me).update();
		this.jdbc.sql("UPDATE conversation_topic SET merged_into = NULL WHERE owner_id = :me").param("me", me).update();
		this.jdbc.sql("DELETE FROM conversation_topic WHERE owner_id = :me").param("me", me).update();
	}

	/** His ten newest check-ins, to link one to a talk. */
	@Transactional(readOnly = true)
	public List<RecentCheckIns.CheckInRef> recentCheckIns(AccountId owner) {
		return this.checkIns.recent(owner.value(), 10);
	}

	private void logged(TalkId talk, AccountId owner, LocalDate talkedOn) {
		this.events.publishEvent(new TalkLogged(talk, owner, talkedOn));
	}

	/**
	 * The figures of one ISO week (Monday to Sunday) of the owner's logged talks. For the
	 * owner's own progress: it asks no one's permission, so callers show it only to him
	 * or through a grant of their own category.
	 */
	@Transactional(readOnly = true)
	public ConversationWeek weekOf(AccountId owner, LocalDate monday) {
		return weeksOf(List.of(owner), monday).get(owner);
	}

	/**
	 * {@link #weekOf} for many owners at once, in one query. Owners without talks that
	 * week get an empty week.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, ConversationWeek> weeksOf(Collection<AccountId> owners, LocalDate monday) {
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

	/** What is wrong with a talk, by field; empty when it can be saved. */
	Map<String, String> problems(AccountId owner, TalkDetails details, LocalDate today) {
		UUID me = owner.value();
		Map<String, String> problems = new LinkedHashMap<>();
		checkTopic(details.topic(), details.newTopic(), topicRows(me), problems);
		if (details.plan() != null && plans("p.id = :key AND p.owner_id = :owner", details.plan(), me).isEmpty()) {
			problems.put("plan", "That plan isn't one of yours.");
		}
		if (details.checkIn() != null && !this.checkIns.isOwn(me, details.checkIn())) {
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
		checkText(problems, "helped", details.helped(), false, null);
		checkText(problems, "nextTime", details.nextTime(), false, null);
		return problems;
	}

	/**
	 * One logged talk, for its owner or someone he shares conversations with.
	 * @throws NotFound if it does not exist or the viewer may not see it
	 */
	@Transactional(readOnly = true)
	public TalkView talk(AccountId viewer, TalkId id) {
		UUID owner = this.jdbc.sql("SELECT owner_id FROM conversation_log WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
		this.sharing.requireVisible(viewer, new AccountId(owner), Category.CONVERSATIONS, id.value().toString());
		return seenBy(viewer, talks(owner, id.value())).get(0);
	}

	/**
	 * The owner's logged talks, newest first, for him or someone he shares conversations
	 * with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public List<TalkView> talks(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.CONVERSATIONS, "talks");
		return seenBy(viewer, talks(owner.value(), null));
	}

	/**
	 * What of the partner views a viewer is shown: the owner sees his linked partner's as
	 * the sharing module lets him (only while she shares conversations, so never during
	 * her safety pause); anyone else sees only their own.
	 */
	private List<TalkView> seenBy(AccountId viewer, List<TalkView> talks) {
		if (talks.isEmpty()) {
			return talks;
		}
		AccountId owner = talks.get(0).owner();
		java.util.function.Predicate<TalkView.PartnerView> shown;
		if (viewer.equals(owner)) {
			Optional<AccountId> partner = this.sharing.channel(owner)
				.filter((c) -> c.client().equals(owner))
				.map(SharingManagement.PartnerChannel::partner)
				.filter((p) -> this.sharing.mayShowContribution(p, owner, Category.CONVERSATIONS));
			shown = (v) -> partner.isPresent() && partner.get().equals(v.viewer());
		}
		else {
			shown = (v) -> v.viewer().equals(viewer);
		}
		return talks.stream()
			.map((t) -> new TalkView(t.id(), t.owner(), t.topic(), t.topicName(), t.plan(), t.talkedOn(),
					t.defensiveness(), t.escalation(), t.breakTaken(), t.helped(), t.nextTime(), t.resolved(),
					t.partnerViews().stream().filter(shown).toList(), viewer.equals(owner) ? t.checkIn() : null))
			.toList();
	}

	/**
	 * Whether the viewer may add their view of the owner's talks now: the sharing module
	 * decides (his partner, through his partner share, while words travel between them).
	 */
	@Transactional(readOnly = true)
	public boolean mayAddView(AccountId viewer, AccountId owner) {
		return !viewer.equals(owner) && this.sharing.mayAct(viewer, owner, Category.CONVERSATIONS);
	}

	/**
	 * His partner gives their view of a talk: whether it escalated and how heard they
	 * felt, with an optional note. It stands beside his log and never changes it; giving
	 * it again replaces their earlier view.
	 * @throws NotFound if the talk is unknown, not shared with the viewer, or the
	 * viewer's own
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	@Transactional
	public boolean partnerView(AccountId viewer, TalkId id, Escalation escalation, Integer feltHeard, String note) {
		UUID owner = this.jdbc.sql("SELECT owner_id FROM conversation_log WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
		if (owner.equals(viewer.value())) {
			throw new NotFound();
		}
		this.sharing.requireMayAct(viewer, new AccountId(owner), Category.CONVERSATIONS, id.value() + "/view");
		Map<String, String> problems = new LinkedHashMap<>();
		if (escalation == null) {
			problems.put("escalation", "Choose whether it escalated, as you saw it.");
		}
		if (feltHeard == null || feltHeard < 1 || feltHeard > 5) {
			problems.put("feltHeard", "Choose how heard you felt, from 1 to 5.");
		}
		checkText(problems, "note", note, false, null);
		if (!problems.isEmpty()) {
			throw new InvalidConversation(problems);
		}
		this.jdbc.sql("DELETE FROM conversation_partner_view WHERE log_id = :id AND viewer_id = :viewer")
			.param("id", id.value())
			.param("viewer", viewer.value())
			.update();
		this.jdbc.sql("""
				INSERT INTO conversation_partner_view (log_id, viewer_id, escalation, felt_heard, note, seen_at)
				VALUES (:id, :viewer, :escalation, :heard, :note, :now)
				""")
			.param("id", id.value())
			.param("viewer", viewer.value())
			.param("escalation", escalation.name())
			.param("heard", feltHeard)
			.param("note", this.encryption.seal(blankToNull(note), partnerBinding(id.value(), viewer.value())))
			.param("now", now())
			.update();
		return this.risk.checkAndReport(note, viewer.value(), RiskSource.CONVERSATION, id.value()).hit();
	}

	// --- recurring topics ---

	/**
	 * The owner's topics that keep coming back now: three or more talks in the last four
	 * weeks, or a topic he marked resolved that came back within them. For him, or
	 * someone he shares conversations with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public List<RecurringTopic> recurringTopics(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.CONVERSATIONS, "recurring-topics");
		return recurringTopics(owner, today());
	}

	List<RecurringTopic> recurringTopics(AccountId owner, LocalDate today) {
		Map<UUID, TopicRow> rows = topicRows(owner.value());
		Map<UUID, List<RecurringRules.Talk>> byTopic = new LinkedHashMap<>();
		for (TalkRow t : talkRows(owner.value())) {
			byTopic.computeIfAbsent(canonical(t.topic(), rows), (k) -> new ArrayList<>()).add(t.rule());
		}
		List<RecurringTopic> found = new ArrayList<>();
		byTopic.forEach((topic, talks) -> RecurringRules.assess(talks, today)
			.ifPresent((f) -> found.add(new RecurringTopic(new TopicId(topic), name(rows.get(topic)), f.kinds(),
					f.since(), f.dates(), f.resolvedOn()))));
		found.sort(Comparator.comparing(RecurringTopic::count).reversed().thenComparing(RecurringTopic::since));
		return found;
	}

	private void notice(UUID owner, UUID topic, LocalDate today) {
		List<RecurringRules.Talk> talks = new ArrayList<>();
		Map<UUID, TopicRow> rows = topicRows(owner);
		for (TalkRow t : talkRows(owner)) {
			if (canonical(t.topic(), rows).equals(topic)) {
				talks.add(t.rule());
			}
		}
		RecurringRules.assess(talks, today)
			.ifPresent((f) -> this.events.publishEvent(new RecurringTopicNoticed(new AccountId(owner),
					new TopicId(topic), EnumSet.copyOf(f.kinds()), f.dates().size(), f.since())));
	}

	// --- patterns ---

	/**
	 * How defensive he got over time, and talks per topic, for him or someone he shares
	 * conversations with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public Patterns patterns(AccountId viewer, AccountId owner) {
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

	// --- phrase cards ---

	/** The practice's phrase cards (his edited copies in their place), then his own. */
	@Transactional(readOnly = true)
	public List<PhraseCard> phrases(AccountId owner) {
		Map<String, String> copies = new HashMap<>();
		List<PhraseCard> own = new ArrayList<>();
		this.jdbc.sql("SELECT id, card_key, text FROM conversation_phrase WHERE owner_id = :owner ORDER BY created_at")
			.param("owner", owner.value())
			.query((rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				String text = this.encryption.open(rs.getString("text"), phraseBinding(id, owner.value()));
				String key = rs.getString("card_key");
				if (key != null) {
					copies.put(key, text);
				}
				else {
					own.add(new PhraseCard(id.toString(), PhraseCard.Kind.OWN, text, null));
				}
			});
		List<PhraseCard> all = new ArrayList<>();
		for (PhraseCard card : this.cards.all()) {
			all.add(new PhraseCard(card.key(), card.kind(), copies.getOrDefault(card.key(), card.text()), card.text()));
		}
		all.addAll(own);
		return all;
	}

	/**
	 * Changes the words of a card: his copy of one of the practice's cards, or his own.
	 * Blank words on the practice's card go back to the practice's words.
	 * @throws NotFound if there is no such card of his
	 * @throws InvalidConversation if the words cannot be used
	 */
	@Transactional
	public void editPhrase(AccountId owner, String key, String text) {
		boolean shipped = this.cards.find(key).isPresent();
		UUID ownId = shipped ? null : ownPhrase(owner, key);
		if (shipped && (text == null || text.isBlank())) {
			resetPhrase(owner, key);
			return;
		}
		checkPhrase(text);
		if (shipped) {
			resetPhrase(owner, key);
			insertPhrase(owner, key, text);
		}
		else {
			this.jdbc.sql("UPDATE conversation_phrase SET text = :text WHERE id = :id")
				.param("text", this.encryption.seal(text.strip(), phraseBinding(ownId, owner.value())))
				.param("id", ownId)
				.update();
		}
	}

	/**
	 * Adds a card of his own.
	 * @throws InvalidConversation if the words cannot be used
	 */
	@Transactional
	public void addPhrase(AccountId owner, String text) {
		checkPhrase(text);
		insertPhrase(owner, null, text);
	}

	/**
	 * Takes back his change to one of the practice's cards, or removes a card of his own.
	 * @throws NotFound if there is no such card of his
	 */
	@Transactional
	public void resetPhrase(AccountId owner, String key) {
		if (this.cards.find(key).isPresent()) {
			this.jdbc.sql("DELETE FROM conversation_phrase WHERE owner_id = :owner AND card_key = :key")
				.param("owner", owner.value())
				.param("key", key)
				.update();
			return;
		}
		this.jdbc.sql("DELETE FROM conversation_phrase WHERE id = :id").param("id", ownPhrase(owner, key)).update();
	}

	private UUID ownPhrase(AccountId owner, String key) {
		UUID id;
		try {
			id = UUID.fromString(key);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new NotFound();
		}
		return this.jdbc
			.sql("SELECT id FROM conversation_phrase WHERE id = :id AND owner_id = :owner AND card_key IS NULL")
			.param("id", id)
			.param("owner", owner.value())
			.query(UUID.class)
			.optional()
			.orElseThrow(NotFound::new);
	}

	private void insertPhrase(AccountId owner, String key, String text) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO conversation_phrase (id, owner_id, card_key, text, created_at)
				VALUES (:id, :owner, :key, :text, :now)
				""")
			.param("id", id)
			.param("owner", owner.value())
			.param("key", key)
			.param("text", this.encryption.seal(text.strip(), phraseBinding(id, owner.value())))
			.param("now", now())
			.update();
	}

	private static void checkPhrase(String text) {
		int length = (text != null) ? text.strip().length() : 0;
		if (length < 2 || length > PhraseCards.MAX_TEXT) {
			throw new InvalidConversation("text", "Write the phrase in 2 to " + PhraseCards.MAX_TEXT + " characters.");
		}
	}

	// --- breathing preference ---

	/**
	 * The breathing pattern he chose for the pause tool; box breathing until he chooses.
	 */
	@Transactional(readOnly = true)
	public Breathing breathing(AccountId owner) {
		return this.jdbc.sql("SELECT breathing FROM conversation_preference WHERE owner_id = :owner")
			.param("owner", owner.value())
			.query(String.class)
			.optional()
			.map(Breathing::parse)
			.orElse(Breathing.BOX);
	}

	/** Keeps his choice of breathing pattern. */
	@Transactional
	public void chooseBreathing(AccountId owner, Breathing breathing) {
		Objects.requireNonNull(breathing, "breathing");
		this.jdbc.sql("DELETE FROM conversation_preference WHERE owner_id = :owner")
			.param("owner", owner.value())
			.update();
		this.jdbc.sql("INSERT INTO conversation_preference (owner_id, breathing) VALUES (:owner, :breathing)")
			.param("owner", owner.value())
			.param("breathing", breathing.name())
			.update();
	}

	// --- rows ---

	private List<TalkView> talks(UUID owner, UUID only) {
		Map<UUID, TopicRow> rows = topicRows(owner);
		Map<UUID, List<TalkView.PartnerView>> views = partnerViews(owner);
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
			UUID topic = canonical(rs.getObject("topic_id", UUID.class), rows);
			UUID plan = rs.getObject("plan_id", UUID.class);
			return new TalkView(new TalkId(id), new AccountId(owner), new TopicId(topic), name(rows.get(topic)),
					(plan != null) ? new PlanId(plan) : null, rs.getObject("talked_on", LocalDate.class),
					rs.getInt("defensiveness"), Escalation.valueOf(rs.getString("escalation")),
					BreakTaken.valueOf(rs.getString("break_taken")),
					open(rs.getString("helped"), "conversation_log.helped", id, owner),
					open(rs.getString("next_time"), "conversation_log.next_time", id, owner), rs.getBoolean("resolved"),
					views.getOrDefault(id, List.of()), rs.getObject("check_in_id", UUID.class));
		}).list();
	}

	private Map<UUID, List<TalkView.PartnerView>> partnerViews(UUID owner) {
		Map<UUID, List<TalkView.PartnerView>> views = new HashMap<>();
		this.jdbc.sql("""
				SELECT v.log_id, v.viewer_id, v.escalation, v.felt_heard, v.note FROM conversation_partner_view v
				JOIN conversation_log l ON l.id = v.log_id WHERE l.owner_id = :owner
				""").param("owner", owner).query((rs) -> {
			UUID log = rs.getObject("log_id", UUID.class);
			UUID viewer = rs.getObject("viewer_id", UUID.class);
			views.computeIfAbsent(log, (k) -> new ArrayList<>())
				.add(new TalkView.PartnerView(new AccountId(viewer), Escalation.valueOf(rs.getString("escalation")),
						rs.getInt("felt_heard"),
						this.encryption.open(rs.getString("note"), partnerBinding(log, viewer))));
		});
		return views;
	}

	private List<PlanView> plans(String where, UUID key, UUID owner) {
		Map<UUID, TopicRow> rows = topicRows(owner);
		return this.jdbc.sql("""
				SELECT p.id, p.owner_id, p.topic_id, p.about, p.may_need, p.wont_say, p.wont_say_other, p.validation,
				  p.created_at FROM conversation_plan p WHERE %s ORDER BY p.created_at DESC
				""".formatted(where)).param("key", key).param("owner", owner).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			UUID topic = canonical(rs.getObject("topic_id", UUID.class), rows);
			String moves = rs.getString("wont_say");
			Set<DefensiveMove> wontSay = EnumSet.noneOf(DefensiveMove.class);
			if (moves != null && !moves.isBlank()) {
				Arrays.stream(moves.split(",")).map(DefensiveMove::valueOf).forEach(wontSay::add);
			}
			return new PlanView(new PlanId(id), new TopicId(topic), name(rows.get(topic)),
					open(rs.getString("about"), "conversation_plan.about", id, owner),
					open(rs.getString("may_need"), "conversation_plan.may_need", id, owner), wontSay,
					open(rs.getString("wont_say_other"), "conversation_plan.wont_say_other", id, owner),
					open(rs.getString("validation"), "conversation_plan.validation", id, owner),
					rs.getObject("created_at", OffsetDateTime.class).toInstant());
		}).list();
	}

	private record TopicRow(UUID id, UUID owner, String sealedName, UUID mergedInto) {
	}

	private record TalkRow(UUID topic, LocalDate on, Instant at, boolean resolved) {

		RecurringRules.Talk rule() {
			return new RecurringRules.Talk(this.on, this.at.toEpochMilli(), this.resolved);
		}

	}

	private Map<UUID, TopicRow> topicRows(UUID owner) {
		Map<UUID, TopicRow> rows = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT id, owner_id, name, merged_into FROM conversation_topic WHERE owner_id = :owner
				ORDER BY created_at, id
				""").param("owner", owner).query((rs) -> {
			UUID id = rs.getObject("id", UUID.class);
			rows.put(id, new TopicRow(id, owner, rs.getString("name"), rs.getObject("merged_into", UUID.class)));
		});
		return rows;
	}

	private List<TalkRow> talkRows(UUID owner) {
		return this.jdbc
			.sql("SELECT topic_id, talked_on, created_at, resolved FROM conversation_log WHERE owner_id = :o")
			.param("o", owner)
			.query((rs, n) -> new TalkRow(rs.getObject("topic_id", UUID.class),
					rs.getObject("talked_on", LocalDate.class),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getBoolean("resolved")))
			.list();
	}

	private Map<UUID, List<String>> earlierNames(Map<UUID, TopicRow> rows) {
		Map<UUID, List<String>> names = new HashMap<>();
		if (rows.isEmpty()) {
			return names;
		}
		this.jdbc.sql("""
				SELECT topic_id, old_name FROM conversation_topic_name WHERE topic_id IN (:ids)
				ORDER BY changed_at DESC
				""").param("ids", List.copyOf(rows.keySet())).query((rs) -> {
			UUID id = rs.getObject("topic_id", UUID.class);
			names.computeIfAbsent(id, (k) -> new ArrayList<>())
				.add(this.encryption.open(rs.getString("old_name"), oldNameBinding(id, rows.get(id).owner())));
		});
		return names;
	}

	/** The topic a topic's talks count for: itself, or the one it was merged into. */
	private static UUID canonical(UUID topic, Map<UUID, TopicRow> rows) {
		UUID current = topic;
		for (int hops = 0; hops < 100; hops++) {
			TopicRow row = rows.get(current);
			if (row == null || row.mergedInto() == null) {
				return current;
			}
			current = row.mergedInto();
		}
		return current;
	}

	private String name(TopicRow row) {
		return (row != null) ? this.encryption.open(row.sealedName(), topicBinding(row.id(), row.owner())) : "";
	}

	private void checkTopic(UUID topic, String newTopic, Map<UUID, TopicRow> rows, Map<String, String> problems) {
		if (topic != null) {
			if (!rows.containsKey(topic)) {
				problems.put("topic", "Choose one of your topics, or name a new one.");
			}
			return;
		}
		String problem = topicNameProblem((newTopic != null) ? newTopic.strip() : "");
		if (problem != null) {
			problems.put("newTopic", problem);
		}
	}

	static String topicNameProblem(String name) {
		if (name.length() < 2 || name.length() > PlanDetails.MAX_TOPIC) {
			return "Name the topic in 2 to " + PlanDetails.MAX_TOPIC + " characters, like “money” or “my phone”.";
		}
		return null;
	}

	/** The chosen topic (after merges), or his topic of that name, or a new one. */
	private UUID topicFor(UUID owner, UUID topic, String newTopic, Map<UUID, TopicRow> rows) {
		if (topic != null) {
			return canonical(topic, rows);
		}
		String clean = newTopic.strip();
		for (TopicRow row : rows.values()) {
			if (name(row).toLowerCase(Locale.ROOT).equals(clean.toLowerCase(Locale.ROOT))) {
				return canonical(row.id(), rows);
			}
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO conversation_topic (id, owner_id, name, created_at) VALUES (:id, :owner, :name, :now)")
			.param("id", id)
			.param("owner", owner)
			.param("name", this.encryption.seal(clean, topicBinding(id, owner)))
			.param("now", now())
			.update();
		return id;
	}

	private static void checkText(Map<String, String> problems, String field, String text, boolean required,
			String missing) {
		int length = (text != null) ? text.strip().length() : 0;
		if (required && length == 0) {
			problems.put(field, missing);
		}
		else if (length > PlanDetails.MAX_TEXT) {
			problems.put(field, "Keep it under " + PlanDetails.MAX_TEXT + " characters.");
		}
	}

	private String seal(String text, String table, UUID id, UUID owner) {
		return this.encryption.seal(blankToNull(text), EncryptionBinding.of(table, id, owner));
	}

	private String open(String sealed, String table, UUID id, UUID owner) {
		return this.encryption.open(sealed, EncryptionBinding.of(table, id, owner));
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static EncryptionBinding topicBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("conversation_topic.name", id, owner);
	}

	private static EncryptionBinding oldNameBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("conversation_topic_name", id, owner);
	}

	private static EncryptionBinding partnerBinding(UUID log, UUID viewer) {
		return EncryptionBinding.of("conversation_partner_view", log, viewer);
	}

	private static EncryptionBinding phraseBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("conversation_phrase", id, owner);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
