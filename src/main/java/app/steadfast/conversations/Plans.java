package app.steadfast.conversations;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * His plans for hard talks: what a talk is about, what his partner may need to hear, the
 * defensive moves he won't make and a sentence of validation. Plans are his alone: nobody
 * else sees them.
 */
@Service
class Plans {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final RiskLanguage risk;

	private final Topics topics;

	private final Clock clock;

	Plans(JdbcClient jdbc, Encryption encryption, RiskLanguage risk, Topics topics, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.risk = risk;
		this.topics = topics;
		this.clock = clock;
	}

	/**
	 * Saves a plan for a hard talk. His words are checked for risk language; a hit is
	 * reported (ids only) and never blocks saving.
	 * @throws InvalidConversation naming every field that cannot be used
	 */
	@Transactional
	Receipt<PlanId> prepare(AccountId owner, PlanDetails details) {
		Map<String, String> problems = problems(owner, details);
		if (!problems.isEmpty()) {
			throw new InvalidConversation(problems);
		}
		Map<UUID, Topics.Row> rows = this.topics.rows(owner.value());
		UUID topic = this.topics.topicFor(owner.value(), details.topic(), details.newTopic(), rows);
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
		Topics.check(details.topic(), details.newTopic(), this.topics.rows(owner.value()), problems);
		checkText(problems, "about", details.about(), true, "Say in a few words what the talk is about.");
		checkText(problems, "mayNeed", details.mayNeed(), false, null);
		checkText(problems, "wontSayOther", details.wontSayOther(), false, null);
		checkText(problems, "validation", details.validation(), true,
				"Write one sentence of validation you can use. A phrase card can help.");
		return problems;
	}

	/**
	 * One of his plans.
	 * @throws NotFound if it does not exist or is not the viewer's
	 */
	@Transactional(readOnly = true)
	PlanView plan(AccountId viewer, PlanId id) {
		return plans("p.id = :key AND p.owner_id = :owner", id.value(), viewer.value()).stream()
			.findFirst()
			.orElseThrow(NotFound::new);
	}

	/** His plans, newest first. */
	@Transactional(readOnly = true)
	List<PlanView> plans(AccountId owner) {
		return plans("p.owner_id = :key AND p.owner_id = :owner", owner.value(), owner.value());
	}

	/** Whether the plan is one of his. */
	boolean isOwn(UUID owner, UUID plan) {
		return !plans("p.id = :key AND p.owner_id = :owner", plan, owner).isEmpty();
	}

	/** Removes all his plans, once his talks (which may name them) are gone. */
	void eraseAll(UUID owner) {
		this.jdbc.sql("DELETE FROM conversation_plan WHERE owner_id = :me").param("me", owner).update();
	}

	/**
	 * Adds to {@code problems} what is wrong with a free-text answer of a plan, a talk or
	 * a partner's view of it.
	 */
	static void checkText(Map<String, String> problems, String field, String text, boolean required, String missing) {
		int length = (text != null) ? text.strip().length() : 0;
		if (required && length == 0) {
			problems.put(field, missing);
		}
		else if (length > PlanDetails.MAX_TEXT) {
			problems.put(field, "Keep it under " + PlanDetails.MAX_TEXT + " characters.");
		}
	}

	private List<PlanView> plans(String where, UUID key, UUID owner) {
		Map<UUID, Topics.Row> rows = this.topics.rows(owner);
		return this.jdbc.sql("""
				SELECT p.id, p.owner_id, p.topic_id, p.about, p.may_need, p.wont_say, p.wont_say_other, p.validation,
				  p.created_at FROM conversation_plan p WHERE %s ORDER BY p.created_at DESC
				""".formatted(where)).param("key", key).param("owner", owner).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			UUID topic = Topics.canonical(rs.getObject("topic_id", UUID.class), rows);
			String moves = rs.getString("wont_say");
			Set<DefensiveMove> wontSay = EnumSet.noneOf(DefensiveMove.class);
			if (moves != null && !moves.isBlank()) {
				Arrays.stream(moves.split(",")).map(DefensiveMove::valueOf).forEach(wontSay::add);
			}
			return new PlanView(new PlanId(id), new TopicId(topic), this.topics.name(rows.get(topic)),
					open(rs.getString("about"), "conversation_plan.about", id, owner),
					open(rs.getString("may_need"), "conversation_plan.may_need", id, owner), wontSay,
					open(rs.getString("wont_say_other"), "conversation_plan.wont_say_other", id, owner),
					open(rs.getString("validation"), "conversation_plan.validation", id, owner),
					rs.getObject("created_at", OffsetDateTime.class).toInstant());
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
