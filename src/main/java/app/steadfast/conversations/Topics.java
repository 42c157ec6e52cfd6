package app.steadfast.conversations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * His topics (the tags of his plans and talks) and which of them keep coming back. A
 * topic is his alone. Merging a topic into another makes both count as one from then on;
 * renaming keeps the earlier name. Which topics recur is read by anyone else only when
 * the sharing module allows it.
 */
@Component
class Topics {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final ApplicationEventPublisher events;

	private final AccountManagement accounts;

	private final Clock clock;

	Topics(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, ApplicationEventPublisher events,
			AccountManagement accounts, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.events = events;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** His topics (merged ones folded into the topic they joined), by name. */
	@Transactional(readOnly = true)
	List<TopicView> topics(AccountId owner) {
		Map<UUID, Row> rows = rows(owner.value());
		Map<UUID, Integer> counts = new HashMap<>();
		talkRows(owner.value()).forEach((t) -> counts.merge(canonical(t.topic(), rows), 1, Integer::sum));
		Map<UUID, List<String>> earlier = earlierNames(rows);
		List<TopicView> views = new ArrayList<>();
		for (Row row : rows.values()) {
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
	void rename(AccountId owner, TopicId id, String name) {
		Map<UUID, Row> rows = rows(owner.value());
		Row row = Optional.ofNullable(rows.get(id.value()))
			.filter((r) -> r.mergedInto() == null)
			.orElseThrow(NotFound::new);
		String clean = (name != null) ? name.strip() : "";
		String problem = nameProblem(clean);
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
	 * a talk on {@code into}.
	 * @throws NotFound if either is not his
	 * @throws InvalidConversation if they are the same topic
	 */
	@Transactional
	void merge(AccountId owner, TopicId from, TopicId into) {
		Map<UUID, Row> rows = rows(owner.value());
		Row source = Optional.ofNullable(rows.get(from.value()))
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
	}

	// --- recurring topics ---

	/**
	 * The owner's topics that keep coming back now: three or more talks in the last four
	 * weeks, or a topic he marked resolved that came back within them. For him, or
	 * someone he shares conversations with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	List<RecurringTopic> recurringTopics(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.CONVERSATIONS, "recurring-topics");
		// His talks are dated where he is, so his four weeks end on his today.
		return recurringTopics(owner, this.accounts.today(owner));
	}

	List<RecurringTopic> recurringTopics(AccountId owner, LocalDate today) {
		Map<UUID, Row> rows = rows(owner.value());
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

	// --- the topic of a plan or talk ---

	/**
	 * One of his topics as stored: its name sealed, and the topic it joined if merged.
	 */
	record Row(UUID id, UUID owner, String sealedName, UUID mergedInto) {
	}

	/** His topics, merged ones included, oldest first. */
	Map<UUID, Row> rows(UUID owner) {
		Map<UUID, Row> rows = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT id, owner_id, name, merged_into FROM conversation_topic WHERE owner_id = :owner
				ORDER BY created_at, id
				""").param("owner", owner).query((rs) -> {
			UUID id = rs.getObject("id", UUID.class);
			rows.put(id, new Row(id, owner, rs.getString("name"), rs.getObject("merged_into", UUID.class)));
		});
		return rows;
	}

	/** The topic a topic's talks count for: itself, or the one it was merged into. */
	static UUID canonical(UUID topic, Map<UUID, Row> rows) {
		UUID current = topic;
		for (int hops = 0; hops < 100; hops++) {
			Row row = rows.get(current);
			if (row == null || row.mergedInto() == null) {
				return current;
			}
			current = row.mergedInto();
		}
		return current;
	}

	/** A topic's name in words; empty for no topic. */
	String name(Row row) {
		return (row != null) ? this.encryption.open(row.sealedName(), topicBinding(row.id(), row.owner())) : "";
	}

	/** Adds what is wrong with the topic of a plan or talk to {@code problems}. */
	static void check(UUID topic, String newTopic, Map<UUID, Row> rows, Map<String, String> problems) {
		if (topic != null) {
			if (!rows.containsKey(topic)) {
				problems.put("topic", "Choose one of your topics, or name a new one.");
			}
			return;
		}
		String problem = nameProblem((newTopic != null) ? newTopic.strip() : "");
		if (problem != null) {
			problems.put("newTopic", problem);
		}
	}

	static String nameProblem(String name) {
		if (name.length() < 2 || name.length() > PlanDetails.MAX_TOPIC) {
			return "Name the topic in 2 to " + PlanDetails.MAX_TOPIC + " characters, like “money” or “my phone”.";
		}
		return null;
	}

	/** The chosen topic (after merges), or his topic of that name, or a new one. */
	UUID topicFor(UUID owner, UUID topic, String newTopic, Map<UUID, Row> rows) {
		if (topic != null) {
			return canonical(topic, rows);
		}
		String clean = newTopic.strip();
		for (Row row : rows.values()) {
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

	/**
	 * Removes all his topics, once his plans and talks are gone (merged topics refer to
	 * each other, so those links go first).
	 */
	void eraseAll(UUID owner) {
		this.jdbc.sql("UPDATE conversation_topic SET merged_into = NULL WHERE owner_id = :me")
			.param("me", owner)
			.update();
		this.jdbc.sql("DELETE FROM conversation_topic WHERE owner_id = :me").param("me", owner).update();
	}

	// --- rows ---

	private record TalkRow(UUID topic, LocalDate on, Instant at, boolean resolved) {

		RecurringRules.Talk rule() {
			return new RecurringRules.Talk(this.on, this.at.toEpochMilli(), this.resolved);
		}

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

	private Map<UUID, List<String>> earlierNames(Map<UUID, Row> rows) {
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

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static EncryptionBinding topicBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("conversation_topic.name", id, owner);
	}

	private static EncryptionBinding oldNameBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("conversation_topic_name", id, owner);
	}

}
