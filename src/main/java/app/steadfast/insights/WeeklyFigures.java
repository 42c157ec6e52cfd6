package app.steadfast.insights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.CheckInWeek;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Reliability;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.ConversationWeek;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Weekly figures of check-ins and commitments. A completed week is computed once through
 * its module's API and kept in {@code insight_week}; the week under way is computed on
 * every view. The source modules' events drop kept weeks that changed, so what is kept
 * always equals a fresh computation, and a view costs the same after three years as after
 * one week.
 */
@Component
class WeeklyFigures {

	static final String CHECKINS = "checkins";

	static final String COMMITMENTS = "commitments";

	static final String CONVERSATIONS = "conversations";

	private static final String COMPUTED = "computed";

	private static final String FAMILY = "family:";

	private final JdbcClient jdbc;

	private final CheckInManagement checkIns;

	private final CommitmentManagement commitments;

	private final ConversationManagement conversations;

	private final TransactionTemplate own;

	WeeklyFigures(JdbcClient jdbc, CheckInManagement checkIns, CommitmentManagement commitments,
			ConversationManagement conversations, PlatformTransactionManager transactions) {
		this.conversations = conversations;
		this.jdbc = jdbc;
		this.checkIns = checkIns;
		this.commitments = commitments;
		this.own = new TransactionTemplate(transactions);
		// A savepoint in the view's own transaction, not a second transaction: a second
		// one
		// needs a second connection while the view holds its first, and under load every
		// pooled connection ends up held by a view waiting for another (the pool
		// starves).
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * One week's figures.
	 *
	 * @param monday its first day
	 * @param current whether it is still under way
	 * @param checkIns its check-ins
	 * @param promises its commitments, kept out of due
	 * @param talks its logged hard conversations
	 */
	record Week(LocalDate monday, boolean current, CheckInWeek checkIns, Reliability.Tally promises,
			ConversationWeek talks) {

		Week(LocalDate monday, boolean current, CheckInWeek checkIns, Reliability.Tally promises) {
			this(monday, current, checkIns, promises, new ConversationWeek(monday, 0, 0, 0, 0, 0));
		}

	}

	/** The figures of the weeks starting on the Mondays given, oldest first. */
	List<Week> weeks(AccountId owner, List<LocalDate> mondays, LocalDate thisMonday) {
		Map<String, Map<LocalDate, Map<String, Integer>>> kept = kept(List.of(owner), mondays.get(0),
				mondays.get(mondays.size() - 1))
			.getOrDefault(owner, Map.of());
		List<Week> weeks = new ArrayList<>();
		for (LocalDate monday : mondays) {
			weeks.add(week(owner, monday, thisMonday, kept, null));
		}
		return weeks;
	}

	/**
	 * The figures of many owners' last {@code count} weeks, each ending with his own week
	 * under way (the Monday given for him), oldest first: what {@link #weeks} gives each,
	 * with a fixed number of queries. Kept weeks are read in one query and the weeks
	 * under way through each module's batch API, once for each Monday the owners' weeks
	 * start on (their time zones may differ); only a completed week not kept yet is
	 * computed for its owner alone, and kept.
	 */
	Map<AccountId, List<Week>> weeks(Map<AccountId, LocalDate> thisMondays, int count) {
		Map<AccountId, List<Week>> weeks = new LinkedHashMap<>();
		if (thisMondays.isEmpty()) {
			return weeks;
		}
		LocalDate first = thisMondays.values().stream().min(LocalDate::compareTo).get().minusWeeks(count - 1);
		LocalDate last = thisMondays.values().stream().max(LocalDate::compareTo).get();
		Map<AccountId, Map<String, Map<LocalDate, Map<String, Integer>>>> kept = kept(thisMondays.keySet(), first,
				last);
		Map<LocalDate, List<AccountId>> byMonday = thisMondays.keySet()
			.stream()
			.collect(Collectors.groupingBy(thisMondays::get, LinkedHashMap::new, Collectors.toList()));
		Map<LocalDate, Current> current = new HashMap<>();
		byMonday.forEach((monday, owners) -> current.put(monday, new Current(this.checkIns.weeksOf(owners, monday),
				this.commitments.weeksOf(owners, monday), this.conversations.weeksOf(owners, monday))));
		thisMondays.forEach((owner, thisMonday) -> {
			List<Week> mine = new ArrayList<>();
			for (int i = count - 1; i >= 0; i--) {
				mine.add(week(owner, thisMonday.minusWeeks(i), thisMonday, kept.getOrDefault(owner, Map.of()),
						current.get(thisMonday)));
			}
			weeks.put(owner, mine);
		});
		return weeks;
	}

	/**
	 * The figures of the weeks under way of several owners, from each module's batch API.
	 */
	private record Current(Map<AccountId, CheckInWeek> checkIns, Map<AccountId, Reliability.Tally> promises,
			Map<AccountId, ConversationWeek> talks) {
	}

	/**
	 * One week of one owner: kept figures for a completed week that has them, else a
	 * fresh computation (from {@code current} when it is the week under way and given),
	 * kept when the week is completed.
	 */
	private Week week(AccountId owner, LocalDate monday, LocalDate thisMonday,
			Map<String, Map<LocalDate, Map<String, Integer>>> kept, Current under) {
		boolean current = !monday.isBefore(thisMonday);
		boolean given = current && under != null;
		Map<String, Integer> c = kept.getOrDefault(CHECKINS, Map.of()).get(monday);
		CheckInWeek checkIns;
		if (c != null && !current) {
			checkIns = checkIns(monday, c);
		}
		else {
			checkIns = given ? under.checkIns().get(owner) : this.checkIns.weekOf(owner, monday);
			if (!current) {
				keep(owner, CHECKINS, monday, metrics(checkIns));
			}
		}
		Map<String, Integer> p = kept.getOrDefault(COMMITMENTS, Map.of()).get(monday);
		Reliability.Tally promises;
		if (p != null && !current) {
			promises = new Reliability.Tally(p.getOrDefault("kept", 0), p.getOrDefault("due", 0),
					p.getOrDefault("confirmed", 0), p.getOrDefault("differently", 0));
		}
		else {
			promises = given ? under.promises().get(owner) : this.commitments.weekOf(owner, monday);
			if (!current) {
				keep(owner, COMMITMENTS, monday, metrics(promises));
			}
		}
		Map<String, Integer> t = kept.getOrDefault(CONVERSATIONS, Map.of()).get(monday);
		ConversationWeek talks;
		if (t != null && !current) {
			talks = new ConversationWeek(monday, t.getOrDefault("talks", 0), t.getOrDefault("defensiveness", 0),
					t.getOrDefault("somewhat", 0), t.getOrDefault("badly", 0), t.getOrDefault("came_back", 0));
		}
		else {
			talks = given ? under.talks().get(owner) : this.conversations.weekOf(owner, monday);
			if (!current) {
				keep(owner, CONVERSATIONS, monday, metrics(talks));
			}
		}
		return new Week(monday, current, checkIns, promises, talks);
	}

	/** Drops every kept week of one source for the owner. */
	void forget(AccountId owner, String source) {
		this.jdbc.sql("DELETE FROM insight_week WHERE owner_id = :owner AND source = :source")
			.param("owner", owner.value())
			.param("source", source)
			.update();
	}

	/** Drops one kept week of one source for the owner. */
	void forget(AccountId owner, String source, LocalDate monday) {
		this.jdbc.sql("DELETE FROM insight_week WHERE owner_id = :owner AND source = :source AND week_start = :week")
			.param("owner", owner.value())
			.param("source", source)
			.param("week", monday)
			.update();
	}

	/** How many weeks are kept for the owner, per source (for tests and benchmarks). */
	Map<String, Integer> keptWeeks(AccountId owner) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT source, COUNT(*) AS weeks FROM insight_week
				WHERE owner_id = :owner AND metric = 'computed' GROUP BY source
				""").param("owner", owner.value()).query((rs) -> {
			counts.put(rs.getString("source"), rs.getInt("weeks"));
		});
		return counts;
	}

	/**
	 * The kept figures of these owners' weeks in a range: owner, source, week, metric.
	 */
	private Map<AccountId, Map<String, Map<LocalDate, Map<String, Integer>>>> kept(Collection<AccountId> owners,
			LocalDate from, LocalDate to) {
		Map<AccountId, Map<String, Map<LocalDate, Map<String, Integer>>>> kept = new HashMap<>();
		this.jdbc.sql("""
				SELECT owner_id, source, week_start, metric, amount FROM insight_week
				WHERE owner_id IN (:owners) AND source IN ('checkins', 'commitments', 'conversations')
				  AND week_start BETWEEN :from AND :to
				""")
			.param("owners", owners.stream().map(AccountId::value).distinct().toList())
			.param("from", from)
			.param("to", to)
			.query((rs) -> {
				kept.computeIfAbsent(new AccountId(rs.getObject("owner_id", UUID.class)), (o) -> new HashMap<>())
					.computeIfAbsent(rs.getString("source"), (s) -> new HashMap<>())
					.computeIfAbsent(rs.getObject("week_start", LocalDate.class), (w) -> new HashMap<>())
					.put(rs.getString("metric"), rs.getInt("amount"));
			});
		return kept;
	}

	private void keep(AccountId owner, String source, LocalDate monday, Map<String, Integer> metrics) {
		try {
			this.own.executeWithoutResult((status) -> {
				forget(owner, source, monday);
				metrics.forEach((metric, amount) -> this.jdbc.sql("""
						INSERT INTO insight_week (owner_id, week_start, source, metric, amount)
						VALUES (:owner, :week, :source, :metric, :amount)
						""")
					.param("owner", owner.value())
					.param("week", monday)
					.param("source", source)
					.param("metric", metric)
					.param("amount", amount)
					.update());
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another request kept the same week at the same moment; its figures are the
			// same.
		}
	}

	static Map<String, Integer> metrics(CheckInWeek week) {
		Map<String, Integer> metrics = new LinkedHashMap<>();
		metrics.put(COMPUTED, 1);
		metrics.put("count", week.checkIns());
		metrics.put("intensity_sum", week.intensitySum());
		metrics.put("with_intensity", week.withIntensity());
		metrics.put("intense", week.intenseAngerOrShame());
		week.families().forEach((family, count) -> metrics.put(FAMILY + family, count));
		return metrics;
	}

	static Map<String, Integer> metrics(Reliability.Tally tally) {
		Map<String, Integer> metrics = new LinkedHashMap<>();
		metrics.put(COMPUTED, 1);
		metrics.put("kept", tally.kept());
		metrics.put("due", tally.due());
		metrics.put("confirmed", tally.confirmed());
		metrics.put("differently", tally.sawDifferently());
		return metrics;
	}

	static Map<String, Integer> metrics(ConversationWeek week) {
		Map<String, Integer> metrics = new LinkedHashMap<>();
		metrics.put(COMPUTED, 1);
		metrics.put("talks", week.talks());
		metrics.put("defensiveness", week.defensivenessSum());
		metrics.put("somewhat", week.escalatedSomewhat());
		metrics.put("badly", week.escalatedBadly());
		metrics.put("came_back", week.cameBack());
		return metrics;
	}

	private static CheckInWeek checkIns(LocalDate monday, Map<String, Integer> metrics) {
		Map<String, Integer> families = new HashMap<>();
		metrics.forEach((metric, amount) -> {
			if (metric.startsWith(FAMILY)) {
				families.put(metric.substring(FAMILY.length()), amount);
			}
		});
		return new CheckInWeek(monday, metrics.getOrDefault("count", 0), metrics.getOrDefault("intensity_sum", 0),
				metrics.getOrDefault("with_intensity", 0), families, metrics.getOrDefault("intense", 0));
	}

}
