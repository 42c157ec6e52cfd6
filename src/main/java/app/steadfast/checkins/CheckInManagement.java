package app.steadfast.checkins;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check-ins module's API. Only the owner records, changes and deletes his check-ins;
 * anyone else reads them only when the sharing module allows it, and a refusal looks like
 * a missing check-in.
 * <p>
 * Inside the module, {@link CheckInRecording} records, changes and deletes them and
 * {@link CheckInHistory} reads them one by one or newest first.
 */
@Service
public class CheckInManagement {

	static final String TABLE = "check_in";

	static final int MAX_WORDS = 5;

	private static final Set<String> STOP_WORDS = Set.of("about", "after", "again", "because", "before", "being",
			"could", "didn", "does", "doesn", "from", "have", "into", "just", "like", "made", "said", "that", "them",
			"then", "there", "they", "this", "what", "when", "with", "would", "your", "were", "will", "been", "him",
			"her", "she", "his", "the", "and", "for", "was", "me", "my", "felt", "feel", "still", "over");

	private final CheckInRecording recording;

	private final CheckInHistory history;

	private final EmotionVocabulary vocabulary;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	CheckInManagement(CheckInRecording recording, CheckInHistory history, EmotionVocabulary vocabulary,
			Encryption encryption, SharingManagement sharing, AccountManagement accounts, JdbcClient jdbc,
			Clock clock) {
		this.recording = recording;
		this.history = history;
		this.vocabulary = vocabulary;
		this.encryption = encryption;
		this.sharing = sharing;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a check-in for its owner.
	 * @throws InvalidCheckIn if a word is not in the vocabulary, or a value is out of
	 * range
	 */
	@Transactional
	public CheckInReceipt record(AccountId owner, CheckInDetails details, boolean inTheMoment) {
		return this.recording.record(owner, details, inTheMoment);
	}

	/** Changes one of the owner's check-ins; anyone else's answers as missing. */
	@Transactional
	public CheckInReceipt update(AccountId owner, CheckInId id, CheckInDetails details) {
		return this.recording.update(owner, id, details);
	}

	/** Deletes one of the owner's check-ins for good: it is gone from the database. */
	@Transactional
	public void delete(AccountId owner, CheckInId id) {
		this.recording.delete(owner, id);
	}

	/**
	 * The owner's check-ins, newest first, for him or someone he shares with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public List<CheckInView> history(AccountId viewer, AccountId owner) {
		return this.history.history(viewer, owner);
	}

	/**
	 * A month as a calendar of the owner's check-ins (for him or someone he shares with).
	 */
	@Transactional(readOnly = true)
	public CalendarMonth calendar(AccountId viewer, AccountId owner, YearMonth month) {
		this.sharing.requireVisible(viewer, owner, Category.CHECKINS, "calendar-" + month);
		ZoneId zone = this.accounts.zone(owner);
		Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		Map<LocalDate, List<CheckIn>> byDay = window(owner, from, to).stream()
			.filter((c) -> c.occurredAt().isBefore(to))
			.collect(Collectors.groupingBy((c) -> LocalDate.ofInstant(c.occurredAt(), zone)));
		List<List<CalendarMonth.Day>> weeks = new ArrayList<>();
		List<CalendarMonth.Day> week = new ArrayList<>();
		int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
		for (int i = 0; i < lead; i++) {
			week.add(null);
		}
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			LocalDate date = month.atDay(day);
			List<CheckIn> that = byDay.getOrDefault(date, List.of());
			String family = that.stream()
				.max(Comparator.comparing((CheckIn c) -> (c.intensity() != null) ? c.intensity() : 0)
					.thenComparing(CheckIn::occurredAt))
				.map((c) -> family(c.words().get(0)))
				.orElse(null);
			week.add(new CalendarMonth.Day(date, family, that.size()));
			if (week.size() == 7) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		return new CalendarMonth(month, weeks);
	}

	/**
	 * What the last {@code weeks} weeks of the owner's check-ins show (for him or someone
	 * he shares with).
	 */
	@Transactional(readOnly = true)
	public CheckInSummary summary(AccountId viewer, AccountId owner, int weeks) {
		this.sharing.requireVisible(viewer, owner, Category.CHECKINS, "summary-" + weeks);
		Instant to = this.clock.instant();
		Instant from = to.minus(Duration.ofDays(7L * weeks));
		return summarise(weeks, window(owner, from, to), this.accounts.zone(owner));
	}

	/**
	 * The figures of one ISO week (Monday to Sunday in the owner's own zone) of the
	 * owner's check-ins. For the owner's own progress: it asks no one's permission, so
	 * callers show it only to him or through a grant of their own category.
	 */
	@Transactional(readOnly = true)
	public CheckInWeek weekOf(AccountId owner, LocalDate monday) {
		return weeksOf(List.of(owner), monday).get(owner);
	}

	/**
	 * {@link #weekOf} for many owners at once, in one query. Owners without check-ins
	 * that week get an empty week.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, CheckInWeek> weeksOf(Collection<AccountId> owners, LocalDate monday) {
		// Each owner's week runs from his own Monday midnight: one query spans them all,
		// and each row counts only inside its owner's week.
		Map<AccountId, Instant[]> spans = new HashMap<>();
		this.accounts.zones(owners)
			.forEach((owner, zone) -> spans.put(owner, new Instant[] { monday.atStartOfDay(zone).toInstant(),
					monday.plusWeeks(1).atStartOfDay(zone).toInstant() }));
		// Per owner: how many, intensity sum, how many with an intensity, intense.
		Map<AccountId, int[]> sums = new LinkedHashMap<>();
		Map<AccountId, Map<String, Integer>> families = new HashMap<>();
		owners.forEach((owner) -> {
			sums.put(owner, new int[4]);
			families.put(owner, new HashMap<>());
		});
		if (!owners.isEmpty()) {
			Set<UUID> counted = new HashSet<>();
			this.jdbc.sql("""
					SELECT c.id, c.owner_id, c.occurred_at, c.intensity, w.word
					FROM check_in c JOIN check_in_word w ON w.check_in = c.id
					WHERE c.owner_id IN (:owners) AND c.occurred_at >= :from AND c.occurred_at < :to
					ORDER BY c.owner_id, c.occurred_at, c.id, w.check_in_key
					""")
				.param("owners", owners.stream().map(AccountId::value).distinct().toList())
				.param("from",
						spans.values()
							.stream()
							.map((span) -> span[0])
							.min(Instant::compareTo)
							.get()
							.atOffset(ZoneOffset.UTC))
				.param("to",
						spans.values()
							.stream()
							.map((span) -> span[1])
							.max(Instant::compareTo)
							.get()
							.atOffset(ZoneOffset.UTC))
				.query((rs) -> {
					// The first word of a check-in names its family; the others only add
					// to it.
					if (!counted.add(rs.getObject("id", UUID.class))) {
						return;
					}
					AccountId owner = new AccountId(rs.getObject("owner_id", UUID.class));
					Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
					Instant[] span = spans.get(owner);
					if (at.isBefore(span[0]) || !at.isBefore(span[1])) {
						return;
					}
					int intensity = rs.getInt("intensity");
					Integer given = rs.wasNull() ? null : intensity;
					String family = family(rs.getString("word"));
					int[] sum = sums.get(owner);
					families.get(owner).merge(family, 1, Integer::sum);
					sum[0]++;
					if (given != null) {
						sum[1] += given;
						sum[2]++;
						if (given >= CheckInWeek.INTENSE && ("anger".equals(family) || "shame".equals(family))) {
							sum[3]++;
						}
					}
				});
		}
		Map<AccountId, CheckInWeek> weeks = new LinkedHashMap<>();
		sums.forEach((owner, sum) -> weeks.put(owner,
				new CheckInWeek(monday, sum[0], sum[1], sum[2], families.get(owner), sum[3])));
		return weeks;
	}

	/**
	 * The owner's check-ins in a time window, oldest first, with their words, in one
	 * query (loading each aggregate's words separately would cost a query per check-in).
	 */
	List<CheckIn> window(AccountId owner, Instant from, Instant to) {
		Map<UUID, CheckIn> found = new LinkedHashMap<>();
		Map<UUID, List<CheckInWord>> words = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.id, c.occurred_at, c.intensity, c.body_location, c.trigger_text, c.in_the_moment,
				       c.created_at, c.updated_at, w.word
				FROM check_in c JOIN check_in_word w ON w.check_in = c.id
				WHERE c.owner_id = :owner AND c.occurred_at >= :from AND c.occurred_at < :to
				ORDER BY c.occurred_at, c.id, w.check_in_key
				""")
			.param("owner", owner.value())
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs) -> {
				UUID id = rs.getObject("id", UUID.class);
				words.computeIfAbsent(id, (key) -> new ArrayList<>()).add(new CheckInWord(rs.getString("word")));
				found.computeIfAbsent(id, (key) -> {
					try {
						int intensity = rs.getInt("intensity");
						return new CheckIn(id, owner.value(),
								rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
								rs.wasNull() ? null : intensity, BodyLocation.valueOf(rs.getString("body_location")),
								rs.getString("trigger_text"), null, null, rs.getBoolean("in_the_moment"),
								rs.getObject("created_at", OffsetDateTime.class).toInstant(),
								rs.getObject("updated_at", OffsetDateTime.class).toInstant(), List.of(), null, null);
					}
					catch (java.sql.SQLException ex) {
						throw new IllegalStateException(ex);
					}
				});
			});
		return found.values().stream().map((c) -> c.withWords(words.get(c.id()))).toList();
	}

	CheckInSummary summarise(int weeks, List<CheckIn> window, ZoneId zone) {
		Map<String, Integer> words = new HashMap<>();
		Map<String, int[]> intensity = new HashMap<>();
		Map<String, Integer> parts = new LinkedHashMap<>();
		for (String part : List.of("Night (0–6)", "Morning (6–12)", "Afternoon (12–18)", "Evening (18–24)")) {
			parts.put(part, 0);
		}
		List<String> partNames = new ArrayList<>(parts.keySet());
		Map<String, Map<String, Integer>> triggerFamilies = new HashMap<>();
		for (CheckIn checkIn : window) {
			checkIn.words().forEach((word) -> words.merge(word, 1, Integer::sum));
			String family = family(checkIn.words().get(0));
			if (checkIn.intensity() != null) {
				int[] sum = intensity.computeIfAbsent(family, (f) -> new int[2]);
				sum[0] += checkIn.intensity();
				sum[1]++;
			}
			int hour = ZonedDateTime.ofInstant(checkIn.occurredAt(), zone).getHour();
			parts.merge(partNames.get(hour / 6), 1, Integer::sum);
			String trigger = this.encryption.open(checkIn.triggerText(), binding(checkIn));
			for (String word : keywords(trigger)) {
				triggerFamilies.computeIfAbsent(word, (w) -> new HashMap<>()).merge(family, 1, Integer::sum);
			}
		}
		List<CheckInSummary.WordCount> top = words.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(8)
			.map((e) -> new CheckInSummary.WordCount(e.getKey(), e.getValue()))
			.toList();
		List<CheckInSummary.FamilyIntensity> byFamily = intensity.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> this.vocabulary.familyOrder(e.getKey())))
			.map((e) -> new CheckInSummary.FamilyIntensity(e.getKey(),
					Math.round(10.0 * e.getValue()[0] / e.getValue()[1]) / 10.0, e.getValue()[1]))
			.toList();
		List<CheckInSummary.TimeOfDayCount> times = parts.entrySet()
			.stream()
			.map((e) -> new CheckInSummary.TimeOfDayCount(e.getKey(), e.getValue()))
			.toList();
		List<CheckInSummary.TriggerLink> triggers = triggerFamilies.entrySet().stream().map((e) -> {
			Map.Entry<String, Integer> strongest = e.getValue()
				.entrySet()
				.stream()
				// The most frequent family; on a tie, the earlier family name.
				.max(Map.Entry.<String, Integer>comparingByValue()
					.thenComparing((Map.Entry<String, Integer> f) -> f.getKey(), Comparator.reverseOrder()))
				.orElseThrow();
			return new CheckInSummary.TriggerLink(e.getKey(), strongest.getKey(), strongest.getValue());
		})
			.filter((link) -> link.count() >= 2)
			.sorted(Comparator.comparingInt(CheckInSummary.TriggerLink::count)
				.reversed()
				.thenComparing(CheckInSummary.TriggerLink::word))
			.limit(8)
			.toList();
		return new CheckInSummary(weeks, window.size(), top, byFamily, times, triggers);
	}

	/** The family of a vocabulary word. */
	String family(String word) {
		return this.vocabulary.family(word);
	}

	static List<String> keywords(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
			.filter((word) -> word.length() >= 4 && !STOP_WORDS.contains(word))
			.distinct()
			.toList();
	}

	static EncryptionBinding binding(CheckIn checkIn) {
		return EncryptionBinding.of(TABLE, checkIn.id(), checkIn.ownerId());
	}

	/**
	 * His newest check-ins, newest first, at most {@code limit} (and at most 10): what
	 * another record of his may point to.
	 */
	@Transactional(readOnly = true)
	public List<CheckInRef> recent(AccountId owner, int limit) {
		return this.history.recent(owner, limit);
	}

	/** Whether the check-in exists and is his own. */
	@Transactional(readOnly = true)
	public boolean isOwn(AccountId owner, UUID checkIn) {
		return this.history.isOwn(owner, checkIn);
	}

	/**
	 * What each owner checked in from his own moment on, for a viewer he lets see his
	 * check-ins (the sharing module decides and audits, for all at once): how many, and
	 * the feelings he named, most named first. Owners who don't let the viewer see them
	 * are absent. Two statements and the audit rows, however many owners.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Since> since(AccountId viewer, Map<AccountId, Instant> from) {
		Set<AccountId> visible = this.sharing.visibleAmong(viewer, from.keySet(), Category.CHECKINS, "since");
		Map<AccountId, Set<UUID>> ids = new LinkedHashMap<>();
		Map<AccountId, Map<String, Integer>> words = new HashMap<>();
		visible.forEach((owner) -> {
			ids.put(owner, new HashSet<>());
			words.put(owner, new LinkedHashMap<>());
		});
		if (!visible.isEmpty()) {
			Instant earliest = visible.stream().map(from::get).min(Comparator.naturalOrder()).orElseThrow();
			this.jdbc.sql("""
					SELECT c.id, c.owner_id, c.occurred_at, w.word FROM check_in c
					LEFT JOIN check_in_word w ON w.check_in = c.id
					WHERE c.owner_id IN (:owners) AND c.occurred_at >= :from ORDER BY c.occurred_at, w.check_in_key
					""")
				.param("owners", visible.stream().map(AccountId::value).toList())
				.param("from", earliest.atOffset(ZoneOffset.UTC))
				.query((rs) -> {
					AccountId owner = new AccountId(rs.getObject("owner_id", UUID.class));
					if (rs.getTimestamp("occurred_at").toInstant().isBefore(from.get(owner))) {
						return;
					}
					ids.get(owner).add(rs.getObject("id", UUID.class));
					String word = rs.getString("word");
					if (word != null) {
						words.get(owner).merge(word, 1, Integer::sum);
					}
				});
		}
		Map<AccountId, Since> since = new LinkedHashMap<>();
		ids.forEach((owner, checkIns) -> since.put(owner,
				new Since(checkIns.size(),
						words.get(owner)
							.entrySet()
							.stream()
							.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
							.map(Map.Entry::getKey)
							.toList())));
		return since;
	}

	/**
	 * His check-ins over a stretch of time.
	 *
	 * @param count how many
	 * @param feelings the feelings he named, most named first
	 */
	public record Since(int count, List<String> feelings) {
	}

}
