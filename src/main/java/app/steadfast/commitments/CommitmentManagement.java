package app.steadfast.commitments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.steadfast.accounts.AccountId;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.PartnerLinks;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commitments module's API. Only the owner makes, changes and records his
 * commitments; anyone else reads them only when the sharing module allows it, and a
 * refusal looks like a missing commitment.
 *
 * <p>
 * Pauses are stored as intervals, so a pause removes due dates only for the days it
 * covered and the weeks before it keep their record.
 */
@Service
public class CommitmentManagement {

	private static final Pattern VAGUE = Pattern.compile(
			"\\b(better|more|less|try|trying|improve|nicer|good|always|never|enough|work on)\\b",
			Pattern.CASE_INSENSITIVE);

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final Practice practice;

	private final RiskLanguage risk;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	CommitmentManagement(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, Practice practice,
			RiskLanguage risk, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.risk = risk;
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.practice = practice;
		this.clock = clock;
	}

	/** Today in the practice's zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.practice.zone());
	}

	/** Today in the owner's time zone: the day his records and due dates count in. */
	public LocalDate today(AccountId owner) {
		return LocalDate.ofInstant(this.clock.instant(), settings(owner).zone());
	}

	/**
	 * Today for each owner, in his time zone, as {@link #today(AccountId)} gives it, in
	 * one query.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, LocalDate> today(Collection<AccountId> owners) {
		Map<AccountId, ZoneId> zones = new HashMap<>();
		if (!owners.isEmpty()) {
			this.jdbc.sql("SELECT owner_id, zone FROM commitment_settings WHERE owner_id IN (:owners)")
				.param("owners", owners.stream().map(AccountId::value).distinct().toList())
				.query((rs) -> {
					zones.put(new AccountId(rs.getObject("owner_id", UUID.class)), zone(rs.getString("zone")));
				});
		}
		Instant now = this.clock.instant();
		Map<AccountId, LocalDate> today = new LinkedHashMap<>();
		for (AccountId owner : owners) {
			today.put(owner, LocalDate.ofInstant(now, zones.getOrDefault(owner, this.practice.zone())));
		}
		return today;
	}

	/** His reminder settings, or the defaults while he has chosen none. */
	@Transactional(readOnly = true)
	public ReminderSettings settings(AccountId owner) {
		return this.jdbc
			.sql("""
					SELECT reminders, digest, digest_at, titles_in_email, zone FROM commitment_settings WHERE owner_id = :owner
					""")
			.param("owner", owner.value())
			.query((rs, n) -> new ReminderSettings(rs.getBoolean("reminders"), rs.getBoolean("digest"),
					rs.getObject("digest_at", LocalTime.class), rs.getBoolean("titles_in_email"),
					zone(rs.getString("zone"))))
			.optional()
			.orElseGet(() -> ReminderSettings.defaults(this.practice.zone()));
	}

	/**
	 * Replaces his reminder settings.
	 * @throws InvalidCommitment if the digest has no time or there is no zone
	 */
	@Transactional
	public void changeSettings(AccountId owner, ReminderSettings settings) {
		if (settings.zone() == null) {
			throw new InvalidCommitment("zone", "Choose your time zone.");
		}
		if (settings.digestAt() == null) {
			throw new InvalidCommitment("digestAt", "Give a time like 07:30.");
		}
		this.jdbc.sql("DELETE FROM commitment_settings WHERE owner_id = :owner").param("owner", owner.value()).update();
		this.jdbc
			.sql("""
					INSERT INTO commitment_settings (owner_id, reminders, digest, digest_at, titles_in_email, zone, updated_at)
					VALUES (:owner, :reminders, :digest, :at, :titles, :zone, :now)
					""")
			.param("owner", owner.value())
			.param("reminders", settings.reminders())
			.param("digest", settings.digest())
			.param("at", settings.digestAt())
			.param("titles", settings.titlesInEmail())
			.param("zone", settings.zone().getId())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * What his partner asked of him, while the sharing module lets her words reach him
	 * and it stands: for making a commitment of it.
	 */
	public Optional<PartnerLinks.PartnerAsked> request(AccountId owner, UUID request) {
		return this.sharing.requestTo(owner, request);
	}

	private ZoneId zone(String id) {
		try {
			return ZoneId.of(id);
		}
		catch (java.time.DateTimeException ex) {
			return this.practice.zone();
		}
	}

	/**
	 * Makes a commitment for its owner, starting today.
	 * @throws InvalidCommitment if the wording or the schedule cannot be used
	 */
	@Transactional
	public CommitmentId create(AccountId owner, CommitmentDetails details) {
		return create(owner, details, today(owner));
	}

	CommitmentId create(AccountId owner, CommitmentDetails details, LocalDate today) {
		check(details, today);
		UUID id = UUID.randomUUID();
		UUID request = (details.fromRequest() != null && request(owner, details.fromRequest()).isPresent())
				? details.fromRequest() : null;
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO commitment (id, owner_id, title, why, recurrence, weekdays, once_date, due_time,
				  start_date, end_date, status, created_at, updated_at, remind_at, from_request)
				VALUES (:id, :owner, :title, :why, :recurrence, :weekdays, :once, :time, :start, :end, 'ACTIVE',
				  :now, :now, :remind, :request)
				""")
			.param("id", id)
			.param("owner", owner.value())
			.param("title", this.encryption.seal(details.title().strip(), titleBinding(id, owner.value())))
			.param("why", this.encryption.seal(blankToNull(details.why()), whyBinding(id, owner.value())))
			.param("recurrence", details.recurrence().name())
			.param("weekdays", (details.recurrence() == Recurrence.WEEKLY) ? days(details.weekdays()) : null)
			.param("once", (details.recurrence() == Recurrence.ONCE) ? details.onceDate() : null)
			.param("time", details.dueTime())
			.param("start", (details.startDate() != null) ? details.startDate() : today)
			.param("end", details.endDate())
			.param("remind", details.remindAt())
			.param("request", request)
			.param("now", now)
			.update();
		return new CommitmentId(id);
	}

	/**
	 * Rewrites a commitment's wording and reason; the earlier wording is kept.
	 * @throws InvalidCommitment if the wording cannot be used
	 */
	@Transactional
	public void reword(AccountId owner, CommitmentId id, String title, String why) {
		Row row = owned(owner, id);
		checkWording(title, why);
		String old = this.encryption.open(row.title(), titleBinding(row.id(), row.owner()));
		OffsetDateTime now = this.clock.instant().atOffset(ZoneOffset.UTC);
		if (!old.equals(title.strip())) {
			this.jdbc
				.sql("INSERT INTO commitment_wording (commitment_id, changed_at, old_title) VALUES (:id, :now, :old)")
				.param("id", row.id())
				.param("now", now)
				.param("old", this.encryption.seal(old, wordingBinding(row.id(), row.owner())))
				.update();
		}
		this.jdbc.sql("UPDATE commitment SET title = :title, why = :why, updated_at = :now WHERE id = :id")
			.param("title", this.encryption.seal(title.strip(), titleBinding(row.id(), row.owner())))
			.param("why", this.encryption.seal(blankToNull(why), whyBinding(row.id(), row.owner())))
			.param("now", now)
			.param("id", row.id())
			.update();
	}

	/** Sets or clears the time he is reminded on its due days. */
	@Transactional
	public void remindAt(AccountId owner, CommitmentId id, LocalTime time) {
		Row row = owned(owner, id);
		this.jdbc.sql("UPDATE commitment SET remind_at = :time, updated_at = :now WHERE id = :id")
			.param("time", time)
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", row.id())
			.update();
	}

	/** Pauses an active commitment from today: nothing falls due until he resumes it. */
	@Transactional
	public void pause(AccountId owner, CommitmentId id) {
		pause(owner, id, today(owner));
	}

	void pause(AccountId owner, CommitmentId id, LocalDate today) {
		Row row = owned(owner, id);
		if (row.status() != CommitmentStatus.ACTIVE) {
			throw new InvalidCommitment("status", "Only a running commitment can be paused.");
		}
		this.jdbc.sql("DELETE FROM commitment_pause WHERE commitment_id = :id AND paused_on = :today")
			.param("id", row.id())
			.param("today", today)
			.update();
		this.jdbc.sql("INSERT INTO commitment_pause (commitment_id, paused_on, resumed_on) VALUES (:id, :today, NULL)")
			.param("id", row.id())
			.param("today", today)
			.update();
		status(row, CommitmentStatus.PAUSED);
	}

	/** Resumes a paused commitment: it falls due again from today. */
	@Transactional
	public void resume(AccountId owner, CommitmentId id) {
		resume(owner, id, today(owner));
	}

	void resume(AccountId owner, CommitmentId id, LocalDate today) {
		Row row = owned(owner, id);
		if (row.status() != CommitmentStatus.PAUSED) {
			throw new InvalidCommitment("status", "Only a paused commitment can be resumed.");
		}
		this.jdbc
			.sql("UPDATE commitment_pause SET resumed_on = :today WHERE commitment_id = :id AND resumed_on IS NULL")
			.param("id", row.id())
			.param("today", today)
			.update();
		status(row, CommitmentStatus.ACTIVE);
	}

	/** Ends a commitment: today is its last possible due date; its record stays. */
	@Transactional
	public void end(AccountId owner, CommitmentId id) {
		Row row = owned(owner, id);
		if (row.status() == CommitmentStatus.ENDED) {
			return;
		}
		LocalDate today = today(owner);
		this.jdbc.sql("UPDATE commitment SET end_date = :today WHERE id = :id")
			.param("id", row.id())
			.param("today", (row.end() != null && row.end().isBefore(today)) ? row.end() : today)
			.update();
		status(row, CommitmentStatus.ENDED);
	}

	/**
	 * Records what happened on a due date; recording it again replaces the earlier
	 * record. His words are checked for risk language; a hit is reported (ids only) and
	 * never blocks saving.
	 * @return whether the words call for crisis resources
	 * @throws InvalidCommitment if the date is not a due date, or is in the future
	 */
	@Transactional
	public boolean record(AccountId owner, CommitmentId id, LocalDate dueDate, Outcome outcome, String note,
			String whatGotInTheWay) {
		return record(owner, id, dueDate, outcome, note, whatGotInTheWay, today(owner));
	}

	boolean record(AccountId owner, CommitmentId id, LocalDate dueDate, Outcome outcome, String note,
			String whatGotInTheWay, LocalDate today) {
		Row row = owned(owner, id);
		if (outcome == null) {
			throw new InvalidCommitment("outcome", "Choose kept or missed.");
		}
		if (dueDate == null || dueDate.isAfter(today)) {
			throw new InvalidCommitment("dueDate", "You can record a day once it has come.");
		}
		if (!dueDates(row, pauses(List.of(row.id())).getOrDefault(row.id(), List.of()), dueDate, dueDate)
			.contains(dueDate)) {
			throw new InvalidCommitment("dueDate", "That day isn't one this commitment was due.");
		}
		if (length(note) > CommitmentDetails.MAX_TEXT || length(whatGotInTheWay) > CommitmentDetails.MAX_TEXT) {
			throw new InvalidCommitment("note", "Keep it under " + CommitmentDetails.MAX_TEXT + " characters.");
		}
		EncryptionBinding binding = occurrenceBinding(row.id(), dueDate, row.owner());
		this.jdbc.sql("DELETE FROM commitment_occurrence WHERE commitment_id = :id AND due_date = :date")
			.param("id", row.id())
			.param("date", dueDate)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO commitment_occurrence (commitment_id, due_date, outcome, note, what_got_in_the_way, recorded_at)
					VALUES (:id, :date, :outcome, :note, :way, :now)
					""")
			.param("id", row.id())
			.param("date", dueDate)
			.param("outcome", outcome.name())
			.param("note", this.encryption.seal(blankToNull(note), binding))
			.param("way", this.encryption.seal(blankToNull(whatGotInTheWay), binding))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.events.publishEvent(new CommitmentDayRecorded(id, owner, dueDate));
		String words = String.join("\n", java.util.Objects.requireNonNullElse(note, ""),
				java.util.Objects.requireNonNullElse(whatGotInTheWay, ""));
		return this.risk.checkAndReport(words, row.owner(), RiskSource.COMMITMENT, row.id()).hit();
	}

	/**
	 * One commitment, for its owner or someone he shares commitments with.
	 * @throws NotFound if it does not exist or the viewer may not see it
	 */
	@Transactional(readOnly = true)
	public CommitmentView find(AccountId viewer, CommitmentId id) {
		Row row = rows("c.id = :key", id.value()).stream().findFirst().orElseThrow(NotFound::new);
		this.sharing.requireVisible(viewer, new AccountId(row.owner()), Category.COMMITMENTS, id.value().toString());
		return views(List.of(row), today(new AccountId(row.owner())), viewer).get(0);
	}

	/**
	 * The owner's commitments, running ones first, with last week's and this week's due
	 * dates, for him or someone he shares with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public List<CommitmentView> list(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.COMMITMENTS, "list");
		return views(rows("c.owner_id = :key", owner.value()), today(owner), viewer);
	}

	List<CommitmentView> list(AccountId owner, LocalDate today) {
		return views(rows("c.owner_id = :key", owner.value()), today, owner);
	}

	/**
	 * How reliably the owner kept his commitments over the last {@code weeks} ISO weeks,
	 * for him or someone he shares with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public Reliability reliability(AccountId viewer, AccountId owner, int weeks) {
		this.sharing.requireVisible(viewer, owner, Category.COMMITMENTS, "reliability-" + weeks);
		return reliability(owner, weeks, today(owner), viewer);
	}

	/**
	 * How reliably each owner the viewer may see kept his commitments over the last
	 * {@code weeks} ISO weeks (this one included), all his commitments together: the
	 * figure {@link #reliability(AccountId, AccountId, int)} sums for those weeks, for
	 * many owners with a fixed number of queries. Each read is checked and audited like
	 * that one; owners the viewer may not see are left out.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Reliability.Tally> reliabilityOf(AccountId viewer, Collection<AccountId> owners, int weeks) {
		Set<AccountId> visible = this.sharing.visibleAmong(viewer, owners, Category.COMMITMENTS,
				"reliability-" + weeks);
		Map<AccountId, LocalDate[]> days = new LinkedHashMap<>();
		today(visible).forEach((owner, today) -> days.put(owner, new LocalDate[] {
				today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1), today }));
		return tallies(days, viewer);
	}

	Reliability reliability(AccountId owner, int weeks, LocalDate today) {
		return reliability(owner, weeks, today, owner);
	}

	private Reliability reliability(AccountId owner, int weeks, LocalDate today, AccountId viewer) {
		int span = Math.max(weeks, 12);
		LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstMonday = thisMonday.minusWeeks(span - 1);
		List<Row> rows = rows("c.owner_id = :key", owner.value());
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<LocalDate[]>> pauses = pauses(ids);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, firstMonday, today);
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed = witnessed(ids, firstMonday, today, viewer);
		List<Reliability.PerCommitment> per = new ArrayList<>();
		Reliability.Tally[] overall = new Reliability.Tally[span];
		Arrays.fill(overall, new Reliability.Tally(0, 0));
		for (Row row : rows) {
			Reliability.Tally[] tallies = new Reliability.Tally[span];
			Arrays.fill(tallies, new Reliability.Tally(0, 0));
			Map<LocalDate, Recorded> mine = recorded.getOrDefault(row.id(), Map.of());
			Map<LocalDate, OccurrenceView.PartnerView> hers = witnessed.getOrDefault(row.id(), Map.of());
			for (LocalDate date : dueDates(row, pauses.getOrDefault(row.id(), List.of()), firstMonday, today)) {
				int week = (int) java.time.temporal.ChronoUnit.WEEKS.between(firstMonday, date);
				Recorded r = mine.get(date);
				OccurrenceView.PartnerView seen = hers.get(date);
				tallies[week] = tallies[week]
					.plus(new Reliability.Tally((r != null && r.outcome() == Outcome.KEPT) ? 1 : 0, 1,
							(seen != null && seen.seen() == Seen.CONFIRMED) ? 1 : 0,
							(seen != null && seen.seen() == Seen.SAW_DIFFERENTLY) ? 1 : 0));
			}
			for (int i = 0; i < span; i++) {
				overall[i] = overall[i].plus(tallies[i]);
			}
			per.add(new Reliability.PerCommitment(new CommitmentId(row.id()),
					this.encryption.open(row.title(), titleBinding(row.id(), row.owner())),
					weeks(tallies, firstMonday, weeks, span), sum(tallies, 4), sum(tallies, 12)));
		}
		return new Reliability(today, weeks(overall, firstMonday, weeks, span), sum(overall, 4), sum(overall, 12), per);
	}

	/**
	 * Kept out of due over one ISO week, all the owner's commitments together, counting
	 * due days up to today. For the owner's own progress: it asks no one's permission, so
	 * callers show it only to him or through a grant of their own category.
	 */
	@Transactional(readOnly = true)
	public Reliability.Tally weekOf(AccountId owner, LocalDate monday) {
		return weeksOf(List.of(owner), monday).get(owner);
	}

	/**
	 * {@link #weekOf} for many owners at once, with a fixed number of queries: each
	 * counts due days up to his own today.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Reliability.Tally> weeksOf(Collection<AccountId> owners, LocalDate monday) {
		Map<AccountId, LocalDate[]> days = new LinkedHashMap<>();
		today(owners).forEach((owner, today) -> days.put(owner,
				new LocalDate[] { monday, monday.plusDays(6).isAfter(today) ? today : monday.plusDays(6) }));
		return tallies(days, null);
	}

	/**
	 * Kept out of due for each owner, all his commitments together, over his own days
	 * (first and last included; none when the last comes before the first), in four
	 * queries however many owners. His partner's confirmations are counted as the viewer
	 * may be shown them, or all of them (the figures kept for his progress) without a
	 * viewer.
	 */
	private Map<AccountId, Reliability.Tally> tallies(Map<AccountId, LocalDate[]> days, @Nullable AccountId viewer) {
		Map<AccountId, Reliability.Tally> tallies = new LinkedHashMap<>();
		days.keySet().forEach((owner) -> tallies.put(owner, new Reliability.Tally(0, 0)));
		List<UUID> owners = days.entrySet()
			.stream()
			.filter((e) -> !e.getValue()[1].isBefore(e.getValue()[0]))
			.map((e) -> e.getKey().value())
			.toList();
		if (owners.isEmpty()) {
			return tallies;
		}
		LocalDate from = owners.stream().map((o) -> days.get(new AccountId(o))[0]).min(LocalDate::compareTo).get();
		LocalDate to = owners.stream().map((o) -> days.get(new AccountId(o))[1]).max(LocalDate::compareTo).get();
		List<Row> rows = rows("c.owner_id IN (:key)", owners);
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<LocalDate[]>> pauses = pauses(ids);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, from, to);
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed = witnessed(ids, from, to, viewer);
		for (Row row : rows) {
			AccountId owner = new AccountId(row.owner());
			LocalDate[] mine = days.get(owner);
			Reliability.Tally tally = tallies.get(owner);
			for (LocalDate date : dueDates(row, pauses.getOrDefault(row.id(), List.of()), mine[0], mine[1])) {
				Recorded r = recorded.getOrDefault(row.id(), Map.of()).get(date);
				OccurrenceView.PartnerView seen = witnessed.getOrDefault(row.id(), Map.of()).get(date);
				tally = tally.plus(new Reliability.Tally((r != null && r.outcome() == Outcome.KEPT) ? 1 : 0, 1,
						(seen != null && seen.seen() == Seen.CONFIRMED) ? 1 : 0,
						(seen != null && seen.seen() == Seen.SAW_DIFFERENTLY) ? 1 : 0));
			}
			tallies.put(owner, tally);
		}
		return tallies;
	}

	private static List<Reliability.Week> weeks(Reliability.Tally[] tallies, LocalDate firstMonday, int shown,
			int span) {
		List<Reliability.Week> weeks = new ArrayList<>();
		for (int i = span - shown; i < span; i++) {
			weeks.add(new Reliability.Week(firstMonday.plusWeeks(i), tallies[i], i == span - 1));
		}
		return weeks;
	}

	private static Reliability.Tally sum(Reliability.Tally[] tallies, int last) {
		Reliability.Tally total = new Reliability.Tally(0, 0);
		for (int i = Math.max(0, tallies.length - last); i < tallies.length; i++) {
			total = total.plus(tallies[i]);
		}
		return total;
	}

	/**
	 * Whether wording may be hard to check: nothing countable, or a word like "better".
	 */
	static boolean vague(String title) {
		if (title == null) {
			return true;
		}
		boolean countable = title.chars().anyMatch(Character::isDigit);
		return VAGUE.matcher(title).find() || (!countable && title.strip().split("\\s+").length < 3);
	}

	private List<CommitmentView> views(List<Row> rows, LocalDate today, AccountId viewer) {
		LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		LocalDate to = from.plusDays(13);
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<LocalDate[]>> pauses = pauses(ids);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, from, to);
		Map<UUID, List<CommitmentView.Wording>> wordings = wordings(rows);
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed = witnessed(ids, from, to, viewer);
		return rows.stream().sorted(java.util.Comparator.comparing(Row::status)).map((row) -> {
			Map<LocalDate, Recorded> mine = recorded.getOrDefault(row.id(), Map.of());
			EncryptionBinding binding;
			List<OccurrenceView> occurrences = new ArrayList<>();
			for (LocalDate date : dueDates(row, pauses.getOrDefault(row.id(), List.of()), from, to)) {
				Recorded r = mine.get(date);
				binding = occurrenceBinding(row.id(), date, row.owner());
				OccurrenceView.State state = (r != null) ? OccurrenceView.State.valueOf(r.outcome().name())
						: date.isAfter(today) ? OccurrenceView.State.UPCOMING : OccurrenceView.State.NOT_RECORDED;
				occurrences
					.add(new OccurrenceView(date, state, (r != null) ? this.encryption.open(r.note(), binding) : null,
							(r != null) ? this.encryption.open(r.inTheWay(), binding) : null, !date.isAfter(today),
							witnessed.getOrDefault(row.id(), Map.of()).get(date)));
			}
			String title = this.encryption.open(row.title(), titleBinding(row.id(), row.owner()));
			return new CommitmentView(new CommitmentId(row.id()), new AccountId(row.owner()), title,
					this.encryption.open(row.why(), whyBinding(row.id(), row.owner())), row.recurrence(),
					row.weekdays(), row.once(), row.time(), row.start(), row.end(), row.status(), vague(title),
					wordings.getOrDefault(row.id(), List.of()), occurrences, row.remindAt(), row.fromRequest());
		}).toList();
	}

	/**
	 * His partner says what she saw of a due date: confirmed, or seen differently, with
	 * an optional note. It stands beside his record and never changes it; saying it again
	 * replaces her earlier view.
	 * @throws NotFound if the commitment is unknown, it is his own, or the sharing module
	 * refuses (not his linked partner with his share, or her safety pause holds)
	 * @throws InvalidCommitment if the day is not a due date or lies in the future
	 */
	@Transactional
	public void witness(AccountId viewer, CommitmentId id, LocalDate dueDate, Seen seen, String note) {
		Row row = rows("c.id = :key", id.value()).stream().findFirst().orElseThrow(NotFound::new);
		AccountId owner = new AccountId(row.owner());
		if (viewer.equals(owner)) {
			throw new NotFound();
		}
		// Only his partner, through his share, while her words reach him: the sharing
		// module decides, her safety pause included.
		this.sharing.requireMayAct(viewer, owner, Category.COMMITMENTS, id.value() + "/" + dueDate);
		if (seen == null) {
			throw new InvalidCommitment("seen", "Choose what you saw.");
		}
		if (dueDate == null || dueDate.isAfter(today(owner))
				|| !dueDates(row, pauses(List.of(row.id())).getOrDefault(row.id(), List.of()), dueDate, dueDate)
					.contains(dueDate)) {
			throw new InvalidCommitment("dueDate", "That day isn't one this commitment was due yet.");
		}
		if (length(note) > CommitmentDetails.MAX_TEXT) {
			throw new InvalidCommitment("note", "Keep it under " + CommitmentDetails.MAX_TEXT + " characters.");
		}
		this.jdbc.sql("""
				DELETE FROM commitment_witness WHERE commitment_id = :id AND due_date = :date AND witness_id = :viewer
				""").param("id", row.id()).param("date", dueDate).param("viewer", viewer.value()).update();
		this.jdbc.sql("""
				INSERT INTO commitment_witness (commitment_id, due_date, witness_id, seen, note, seen_at)
				VALUES (:id, :date, :viewer, :seen, :note, :now)
				""")
			.param("id", row.id())
			.param("date", dueDate)
			.param("viewer", viewer.value())
			.param("seen", seen.name())
			.param("note", this.encryption.seal(blankToNull(note), witnessBinding(row.id(), dueDate, viewer.value())))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.events.publishEvent(new CommitmentDayRecorded(id, owner, dueDate));
	}

	/**
	 * What his partner said she saw of each due day, as the viewer may be shown it (the
	 * sharing module shows what a partner wrote only while she shares commitments, so
	 * never during her safety pause); with no viewer, all of it.
	 */
	private Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed(List<UUID> ids, LocalDate from,
			LocalDate to, @Nullable AccountId viewer) {
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> views = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return views;
		}
		Map<UUID, Boolean> shown = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT commitment_id, due_date, witness_id, seen, note FROM commitment_witness
				WHERE commitment_id IN (:ids) AND due_date BETWEEN :from AND :to
				""").param("ids", ids).param("from", from).param("to", to).query((rs) -> {
			UUID commitment = rs.getObject("commitment_id", UUID.class);
			LocalDate date = rs.getObject("due_date", LocalDate.class);
			UUID witness = rs.getObject("witness_id", UUID.class);
			if (viewer != null && !shown.computeIfAbsent(witness,
					(w) -> this.sharing.mayShowContribution(new AccountId(w), viewer, Category.COMMITMENTS))) {
				return;
			}
			String note = this.encryption.open(rs.getString("note"),
					witnessBinding(commitment, date, rs.getObject("witness_id", UUID.class)));
			views.computeIfAbsent(commitment, (key) -> new java.util.HashMap<>())
				.put(date, new OccurrenceView.PartnerView(Seen.valueOf(rs.getString("seen")), note));
		});
		return views;
	}

	private static EncryptionBinding witnessBinding(UUID commitment, LocalDate date, UUID witness) {
		return EncryptionBinding.of("commitment_witness", commitment + "/" + date, witness);
	}

	/**
	 * The reminders whose moment (a due day at his reminder time, in his zone) lies in
	 * {@code [now - late, now]} and whose day he has not recorded yet. Titles are opened
	 * only for owners who allow them in email.
	 */
	@Transactional(readOnly = true)
	List<DueReminder> remindersDue(Instant now, java.time.Duration late) {
		List<Row> rows = this.jdbc.sql("""
				SELECT c.id, c.owner_id, c.title, c.why, c.recurrence, c.weekdays, c.once_date, c.due_time,
				       c.start_date, c.end_date, c.status, c.created_at, c.remind_at, c.from_request
				FROM commitment c LEFT JOIN commitment_settings s ON s.owner_id = c.owner_id
				WHERE c.status = 'ACTIVE' AND c.remind_at IS NOT NULL AND (s.reminders IS NULL OR s.reminders = TRUE)
				""").query(CommitmentManagement::row).list();
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<LocalDate[]>> pauses = pauses(ids);
		LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, earliest, earliest.plusDays(4));
		Map<UUID, ReminderSettings> settings = new HashMap<>();
		List<DueReminder> due = new ArrayList<>();
		for (Row row : rows) {
			ReminderSettings mine = settings.computeIfAbsent(row.owner(), (owner) -> settings(new AccountId(owner)));
			LocalDate today = LocalDate.ofInstant(now, mine.zone());
			for (LocalDate date : List.of(today.minusDays(1), today)) {
				Instant moment = date.atTime(row.remindAt()).atZone(mine.zone()).toInstant();
				boolean inWindow = !now.isBefore(moment) && now.isBefore(moment.plus(late));
				if (inWindow && !recorded.getOrDefault(row.id(), Map.of()).containsKey(date)
						&& dueDates(row, pauses.getOrDefault(row.id(), List.of()), date, date).contains(date)) {
					due.add(new DueReminder(row.id(), new AccountId(row.owner()), date, row.remindAt(),
							mine.titlesInEmail()
									? this.encryption.open(row.title(), titleBinding(row.id(), row.owner())) : null));
				}
			}
		}
		return due;
	}

	/**
	 * The daily digests whose moment (his digest time today, in his zone) lies in
	 * {@code [now - late, now]}, for owners with something due that day.
	 */
	@Transactional(readOnly = true)
	List<Digest> digestsDue(Instant now, java.time.Duration late) {
		List<UUID> owners = this.jdbc.sql("SELECT owner_id FROM commitment_settings WHERE digest = TRUE")
			.query(UUID.class)
			.list();
		List<Digest> digests = new ArrayList<>();
		for (UUID id : owners) {
			AccountId owner = new AccountId(id);
			ReminderSettings mine = settings(owner);
			LocalDate today = LocalDate.ofInstant(now, mine.zone());
			Instant moment = today.atTime(mine.digestAt()).atZone(mine.zone()).toInstant();
			if (now.isBefore(moment) || !now.isBefore(moment.plus(late))) {
				continue;
			}
			List<Row> rows = rows("c.owner_id = :key", id).stream()
				.filter((row) -> row.status() == CommitmentStatus.ACTIVE)
				.toList();
			Map<UUID, List<LocalDate[]>> pauses = pauses(rows.stream().map(Row::id).toList());
			List<String> titles = new ArrayList<>();
			for (Row row : rows) {
				if (dueDates(row, pauses.getOrDefault(row.id(), List.of()), today, today).contains(today)) {
					titles.add(mine.titlesInEmail() ? this.encryption.open(row.title(), titleBinding(row.id(), id))
							: null);
				}
			}
			if (!titles.isEmpty()) {
				digests.add(new Digest(owner, today, titles));
			}
		}
		return digests;
	}

	/** Every recorded day of the owner's commitments, oldest first, words opened. */
	List<Map<String, Object>> recordedDays(AccountId owner) {
		return this.jdbc.sql("""
				SELECT o.commitment_id, o.due_date, o.outcome, o.note, o.what_got_in_the_way, o.recorded_at
				FROM commitment_occurrence o JOIN commitment c ON c.id = o.commitment_id
				WHERE c.owner_id = :owner ORDER BY o.due_date, o.commitment_id
				""").param("owner", owner.value()).query((rs, n) -> {
			UUID id = rs.getObject("commitment_id", UUID.class);
			LocalDate date = rs.getObject("due_date", LocalDate.class);
			EncryptionBinding binding = occurrenceBinding(id, date, owner.value());
			Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put("commitment", id);
			row.put("dueDate", date);
			row.put("outcome", rs.getString("outcome"));
			row.put("note", this.encryption.open(rs.getString("note"), binding));
			row.put("whatGotInTheWay", this.encryption.open(rs.getString("what_got_in_the_way"), binding));
			row.put("recordedAt", rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
			return row;
		}).list();
	}

	/** What this person said she saw of someone's commitment days, her words opened. */
	List<Map<String, Object>> witnessedBy(AccountId witness) {
		return this.jdbc.sql("""
				SELECT commitment_id, due_date, seen, note, seen_at FROM commitment_witness
				WHERE witness_id = :witness ORDER BY due_date, commitment_id
				""").param("witness", witness.value()).query((rs, n) -> {
			UUID id = rs.getObject("commitment_id", UUID.class);
			LocalDate date = rs.getObject("due_date", LocalDate.class);
			Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put("commitment", id);
			row.put("dueDate", date);
			row.put("seen", rs.getString("seen"));
			row.put("note", this.encryption.open(rs.getString("note"), witnessBinding(id, date, witness.value())));
			row.put("seenAt", rs.getObject("seen_at", OffsetDateTime.class).toInstant());
			return row;
		}).list();
	}

	/** A reminder to send; {@code title} is null unless he allows titles in email. */
	record DueReminder(UUID commitment, AccountId owner, LocalDate date, LocalTime at, String title) {
	}

	/**
	 * A digest to send: one entry per commitment due, null where titles are not allowed.
	 */
	record Digest(AccountId owner, LocalDate date, List<String> titles) {
	}

	private static List<LocalDate> dueDates(Row row, List<LocalDate[]> pauses, LocalDate from, LocalDate to) {
		return Occurrences.dueDates(row.recurrence(), row.weekdays(), row.once(), row.start(), row.end(), from, to)
			.stream()
			.filter((date) -> pauses.stream()
				.noneMatch((p) -> !date.isBefore(p[0]) && (p[1] == null || date.isBefore(p[1]))))
			.toList();
	}

	private void check(CommitmentDetails details, LocalDate today) {
		checkWording(details.title(), details.why());
		if (details.recurrence() == null) {
			throw new InvalidCommitment("recurrence", "Choose how often it's due.");
		}
		if (details.recurrence() == Recurrence.WEEKLY && details.weekdays().isEmpty()) {
			throw new InvalidCommitment("weekdays", "Choose at least one day.");
		}
		if (details.recurrence() == Recurrence.ONCE
				&& (details.onceDate() == null || details.onceDate().isBefore(today))) {
			throw new InvalidCommitment("onceDate", "Choose the day: today or later.");
		}
		LocalDate start = (details.startDate() != null) ? details.startDate() : today;
		if (start.isBefore(today)) {
			throw new InvalidCommitment("startDate", "Start today or later; you can't promise the past.");
		}
		if (details.endDate() != null && details.endDate().isBefore(start)) {
			throw new InvalidCommitment("endDate", "The last day can't come before the first.");
		}
		if (details.recurrence() == Recurrence.ONCE && details.onceDate() != null && (details.onceDate().isBefore(start)
				|| (details.endDate() != null && details.onceDate().isAfter(details.endDate())))) {
			throw new InvalidCommitment("onceDate", "Choose a day between its first and last day.");
		}
	}

	private static void checkWording(String title, String why) {
		int length = (title != null) ? title.strip().length() : 0;
		if (length < 3 || length > CommitmentDetails.MAX_TITLE) {
			throw new InvalidCommitment("title",
					"Say what you'll do in 3 to " + CommitmentDetails.MAX_TITLE + " characters.");
		}
		if (length(why) > CommitmentDetails.MAX_TEXT) {
			throw new InvalidCommitment("why", "Keep it under " + CommitmentDetails.MAX_TEXT + " characters.");
		}
	}

	private void status(Row row, CommitmentStatus status) {
		this.jdbc.sql("UPDATE commitment SET status = :status, updated_at = :now WHERE id = :id")
			.param("status", status.name())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", row.id())
			.update();
	}

	private Row owned(AccountId owner, CommitmentId id) {
		return rows("c.id = :key", id.value()).stream()
			.filter((row) -> row.owner().equals(owner.value()))
			.findFirst()
			.orElseThrow(NotFound::new);
	}

	private List<Row> rows(String where, Object key) {
		return this.jdbc.sql("""
				SELECT c.id, c.owner_id, c.title, c.why, c.recurrence, c.weekdays, c.once_date, c.due_time,
				       c.start_date, c.end_date, c.status, c.created_at, c.remind_at, c.from_request
				FROM commitment c WHERE %s ORDER BY c.created_at, c.id
				""".formatted(where)).param("key", key).query(CommitmentManagement::row).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		String days = rs.getString("weekdays");
		Set<DayOfWeek> weekdays = (days == null || days.isBlank()) ? Set.of()
				: Arrays.stream(days.split(","))
					.map((d) -> DayOfWeek.of(Integer.parseInt(d.strip())))
					.collect(Collectors.toUnmodifiableSet());
		return new Row(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("title"),
				rs.getString("why"), Recurrence.valueOf(rs.getString("recurrence")), weekdays,
				rs.getObject("once_date", LocalDate.class), rs.getObject("due_time", LocalTime.class),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				CommitmentStatus.valueOf(rs.getString("status")), rs.getObject("remind_at", LocalTime.class),
				rs.getObject("from_request", UUID.class));
	}

	private Map<UUID, List<LocalDate[]>> pauses(List<UUID> ids) {
		Map<UUID, List<LocalDate[]>> pauses = new HashMap<>();
		if (ids.isEmpty()) {
			return pauses;
		}
		this.jdbc.sql("SELECT commitment_id, paused_on, resumed_on FROM commitment_pause WHERE commitment_id IN (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				pauses.computeIfAbsent(rs.getObject("commitment_id", UUID.class), (k) -> new ArrayList<>())
					.add(new LocalDate[] { rs.getObject("paused_on", LocalDate.class),
							rs.getObject("resumed_on", LocalDate.class) });
			});
		return pauses;
	}

	private Map<UUID, Map<LocalDate, Recorded>> recorded(List<UUID> ids, LocalDate from, LocalDate to) {
		Map<UUID, Map<LocalDate, Recorded>> recorded = new HashMap<>();
		if (ids.isEmpty()) {
			return recorded;
		}
		this.jdbc.sql("""
				SELECT commitment_id, due_date, outcome, note, what_got_in_the_way FROM commitment_occurrence
				WHERE commitment_id IN (:ids) AND due_date >= :from AND due_date <= :to
				""").param("ids", ids).param("from", from).param("to", to).query((rs) -> {
			recorded.computeIfAbsent(rs.getObject("commitment_id", UUID.class), (k) -> new HashMap<>())
				.put(rs.getObject("due_date", LocalDate.class), new Recorded(Outcome.valueOf(rs.getString("outcome")),
						rs.getString("note"), rs.getString("what_got_in_the_way")));
		});
		return recorded;
	}

	private Map<UUID, List<CommitmentView.Wording>> wordings(List<Row> rows) {
		Map<UUID, UUID> owners = rows.stream().collect(Collectors.toMap(Row::id, Row::owner));
		Map<UUID, List<CommitmentView.Wording>> wordings = new HashMap<>();
		if (owners.isEmpty()) {
			return wordings;
		}
		this.jdbc.sql("""
				SELECT commitment_id, changed_at, old_title FROM commitment_wording
				WHERE commitment_id IN (:ids) ORDER BY changed_at DESC
				""").param("ids", List.copyOf(owners.keySet())).query((rs) -> {
			UUID id = rs.getObject("commitment_id", UUID.class);
			wordings.computeIfAbsent(id, (k) -> new ArrayList<>())
				.add(new CommitmentView.Wording(
						this.encryption.open(rs.getString("old_title"), wordingBinding(id, owners.get(id))),
						rs.getObject("changed_at", OffsetDateTime.class).toInstant()));
		});
		return wordings;
	}

	private static String days(Set<DayOfWeek> days) {
		return days.stream().sorted().map((d) -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
	}

	static EncryptionBinding titleBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("commitment.title", id, owner);
	}

	private static EncryptionBinding whyBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("commitment.why", id, owner);
	}

	private static EncryptionBinding wordingBinding(UUID id, UUID owner) {
		return EncryptionBinding.of("commitment_wording", id, owner);
	}

	private static EncryptionBinding occurrenceBinding(UUID id, LocalDate date, UUID owner) {
		return EncryptionBinding.of("commitment_occurrence", id + "/" + date, owner);
	}

	private static int length(String text) {
		return (text != null) ? text.length() : 0;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private record Row(UUID id, UUID owner, String title, String why, Recurrence recurrence, Set<DayOfWeek> weekdays,
			LocalDate once, LocalTime time, LocalDate start, LocalDate end, CommitmentStatus status, LocalTime remindAt,
			UUID fromRequest) {
	}

	private record Recorded(Outcome outcome, String note, String inTheWay) {
	}

	static Set<DayOfWeek> parseDays(List<String> values) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String value : values) {
			try {
				days.add(DayOfWeek.valueOf(value.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				// An unknown day is ignored; the form offers only real ones.
			}
		}
		return days;
	}

}
