package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What pages, figures, reminders and exports read of commitments: plain SQL over many
 * commitments at once, a fixed number of queries however many there are. It decides
 * nothing about access (the module's API asks the sharing module first), except that what
 * a partner wrote is shown only as the sharing module allows. Changes go through
 * {@link Commitment} instead.
 */
@Component
class CommitmentQueries {

	private static final String COLUMNS = """
			c.id, c.owner_id, c.title, c.why, c.recurrence, c.weekdays, c.once_date, c.due_time,
			c.start_date, c.end_date, c.status, c.created_at, c.remind_at, c.from_request""";

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	CommitmentQueries(JdbcClient jdbc, Encryption encryption, SharingManagement sharing, AccountManagement accounts) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.accounts = accounts;
	}

	/** His reminder settings, or the defaults while he has chosen none. */
	ReminderSettings settings(AccountId owner) {
		return this.jdbc.sql("""
				SELECT reminders, digest, digest_at, titles_in_email FROM commitment_settings WHERE owner_id = :owner
				""")
			.param("owner", owner.value())
			.query((rs, n) -> new ReminderSettings(rs.getBoolean("reminders"), rs.getBoolean("digest"),
					rs.getObject("digest_at", LocalTime.class), rs.getBoolean("titles_in_email")))
			.optional()
			.orElseGet(ReminderSettings::defaults);
	}

	Optional<Row> row(CommitmentId id) {
		return rows("c.id = :key", id.value()).stream().findFirst();
	}

	/**
	 * How many of his running commitments fall due on this day and are not marked yet (no
	 * words opened): what his Today page asks him to mark.
	 */
	int unmarked(AccountId owner, LocalDate day) {
		List<Row> rows = rowsOf(owner).stream().filter((row) -> row.status() != CommitmentStatus.ENDED).toList();
		if (rows.isEmpty()) {
			return 0;
		}
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<Pause>> pauses = pauses(ids);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, day, day);
		int unmarked = 0;
		for (Row row : rows) {
			if (dueDates(row, pauses.getOrDefault(row.id(), List.of()), day, day).contains(day)
					&& !recorded.getOrDefault(row.id(), Map.of()).containsKey(day)) {
				unmarked++;
			}
		}
		return unmarked;
	}

	/** His commitments, oldest first. */
	List<Row> rowsOf(AccountId owner) {
		return rows("c.owner_id = :key", owner.value());
	}

	/** These owners' commitments, oldest first. */
	List<Row> rowsOf(List<UUID> owners) {
		return rows("c.owner_id IN (:key)", owners);
	}

	private List<Row> rows(String where, Object key) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM commitment c WHERE %s ORDER BY c.created_at, c.id".formatted(where))
			.param("key", key)
			.query(CommitmentQueries::row)
			.list();
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("title"),
				rs.getString("why"), Recurrence.valueOf(rs.getString("recurrence")),
				Commitment.weekdays(rs.getString("weekdays")), rs.getObject("once_date", LocalDate.class),
				rs.getObject("due_time", LocalTime.class), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), CommitmentStatus.valueOf(rs.getString("status")),
				rs.getObject("remind_at", LocalTime.class), rs.getObject("from_request", UUID.class));
	}

	/** The commitment's wording, opened. */
	String title(Row row) {
		return this.encryption.open(row.title(), Commitment.titleBinding(row.id(), row.owner()));
	}

	/**
	 * The commitments as the viewer sees them, running ones first, with last week's and
	 * this week's due dates.
	 */
	List<CommitmentView> views(List<Row> rows, LocalDate today, AccountId viewer) {
		LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
		LocalDate to = from.plusDays(13);
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<Pause>> pauses = pauses(ids);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, from, to);
		Map<UUID, List<CommitmentView.Wording>> wordings = wordings(rows);
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed = witnessed(ids, from, to, viewer);
		return rows.stream().sorted(Comparator.comparing(Row::status)).map((row) -> {
			Map<LocalDate, Recorded> mine = recorded.getOrDefault(row.id(), Map.of());
			List<OccurrenceView> occurrences = new ArrayList<>();
			for (LocalDate date : dueDates(row, pauses.getOrDefault(row.id(), List.of()), from, to)) {
				Recorded r = mine.get(date);
				EncryptionBinding binding = RecordedDay.binding(row.id(), date, row.owner());
				OccurrenceView.State state = (r != null) ? OccurrenceView.State.valueOf(r.outcome().name())
						: date.isAfter(today) ? OccurrenceView.State.UPCOMING : OccurrenceView.State.NOT_RECORDED;
				occurrences
					.add(new OccurrenceView(date, state, (r != null) ? this.encryption.open(r.note(), binding) : null,
							(r != null) ? this.encryption.open(r.inTheWay(), binding) : null, !date.isAfter(today),
							witnessed.getOrDefault(row.id(), Map.of()).get(date)));
			}
			String title = title(row);
			return new CommitmentView(new CommitmentId(row.id()), new AccountId(row.owner()), title,
					this.encryption.open(row.why(), Commitment.whyBinding(row.id(), row.owner())), row.recurrence(),
					row.weekdays(), row.once(), row.time(), row.start(), row.end(), row.status(),
					Commitment.vague(title), wordings.getOrDefault(row.id(), List.of()), occurrences, row.remindAt(),
					row.fromRequest(), today);
		}).toList();
	}

	Map<UUID, List<Pause>> pauses(List<UUID> ids) {
		Map<UUID, List<Pause>> pauses = new HashMap<>();
		if (ids.isEmpty()) {
			return pauses;
		}
		this.jdbc.sql("SELECT commitment_id, paused_on, resumed_on FROM commitment_pause WHERE commitment_id IN (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				pauses.computeIfAbsent(rs.getObject("commitment_id", UUID.class), (k) -> new ArrayList<>())
					.add(new Pause(rs.getObject("paused_on", LocalDate.class),
							rs.getObject("resumed_on", LocalDate.class)));
			});
		return pauses;
	}

	/** His records of the days from {@code from} to {@code to}, words still sealed. */
	Map<UUID, Map<LocalDate, Recorded>> recorded(List<UUID> ids, LocalDate from, LocalDate to) {
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
						this.encryption.open(rs.getString("old_title"), EarlierWording.binding(id, owners.get(id))),
						rs.getObject("changed_at", OffsetDateTime.class).toInstant()));
		});
		return wordings;
	}

	/**
	 * What his partner said she saw of each due day, as the viewer may be shown it (the
	 * sharing module holds back what a partner wrote while her safety pause holds); with
	 * no viewer, all of it.
	 */
	Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed(List<UUID> ids, LocalDate from, LocalDate to,
			@Nullable AccountId viewer) {
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> views = new HashMap<>();
		if (ids.isEmpty()) {
			return views;
		}
		Map<UUID, Boolean> shown = new HashMap<>();
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
			String note = this.encryption.open(rs.getString("note"), WitnessedDay.binding(commitment, date, witness));
			views.computeIfAbsent(commitment, (key) -> new HashMap<>())
				.put(date, new OccurrenceView.PartnerView(Seen.valueOf(rs.getString("seen")), note));
		});
		return views;
	}

	/**
	 * The reminders whose moment (a due day at his reminder time, in his zone) lies in
	 * {@code [now - late, now]} and whose day he has not recorded yet. Titles are opened
	 * only for owners who allow them in email.
	 */
	@Transactional(readOnly = true)
	List<DueReminder> remindersDue(Instant now, java.time.Duration late) {
		List<Row> rows = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM commitment c LEFT JOIN commitment_settings s ON s.owner_id = c.owner_id
				WHERE c.status = 'ACTIVE' AND c.remind_at IS NOT NULL AND (s.reminders IS NULL OR s.reminders = TRUE)
				""").query(CommitmentQueries::row).list();
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<Pause>> pauses = pauses(ids);
		LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2);
		Map<UUID, Map<LocalDate, Recorded>> recorded = recorded(ids, earliest, earliest.plusDays(4));
		Map<UUID, ReminderSettings> settings = new HashMap<>();
		Map<AccountId, ZoneId> zones = this.accounts
			.zones(rows.stream().map((row) -> new AccountId(row.owner())).distinct().toList());
		List<DueReminder> due = new ArrayList<>();
		for (Row row : rows) {
			ReminderSettings mine = settings.computeIfAbsent(row.owner(), (owner) -> settings(new AccountId(owner)));
			ZoneId zone = zones.get(new AccountId(row.owner()));
			LocalDate today = LocalDate.ofInstant(now, zone);
			for (LocalDate date : List.of(today.minusDays(1), today)) {
				Instant moment = date.atTime(row.remindAt()).atZone(zone).toInstant();
				boolean inWindow = !now.isBefore(moment) && now.isBefore(moment.plus(late));
				if (inWindow && !recorded.getOrDefault(row.id(), Map.of()).containsKey(date)
						&& dueDates(row, pauses.getOrDefault(row.id(), List.of()), date, date).contains(date)) {
					due.add(new DueReminder(row.id(), new AccountId(row.owner()), date, row.remindAt(),
							mine.titlesInEmail() ? title(row) : null));
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
		Map<AccountId, ZoneId> zones = this.accounts.zones(owners.stream().map(AccountId::new).toList());
		for (UUID id : owners) {
			AccountId owner = new AccountId(id);
			ReminderSettings mine = settings(owner);
			ZoneId zone = zones.get(owner);
			LocalDate today = LocalDate.ofInstant(now, zone);
			Instant moment = today.atTime(mine.digestAt()).atZone(zone).toInstant();
			if (now.isBefore(moment) || !now.isBefore(moment.plus(late))) {
				continue;
			}
			List<Row> rows = rowsOf(owner).stream().filter((row) -> row.status() == CommitmentStatus.ACTIVE).toList();
			Map<UUID, List<Pause>> pauses = pauses(rows.stream().map(Row::id).toList());
			List<String> titles = new ArrayList<>();
			for (Row row : rows) {
				if (dueDates(row, pauses.getOrDefault(row.id(), List.of()), today, today).contains(today)) {
					titles.add(mine.titlesInEmail() ? title(row) : null);
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
			EncryptionBinding binding = RecordedDay.binding(id, date, owner.value());
			Map<String, Object> row = new LinkedHashMap<>();
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
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("commitment", id);
			row.put("dueDate", date);
			row.put("seen", rs.getString("seen"));
			row.put("note",
					this.encryption.open(rs.getString("note"), WitnessedDay.binding(id, date, witness.value())));
			row.put("seenAt", rs.getObject("seen_at", OffsetDateTime.class).toInstant());
			return row;
		}).list();
	}

	/** The row's due dates from {@code from} to {@code to} that no pause covers. */
	static List<LocalDate> dueDates(Row row, List<Pause> pauses, LocalDate from, LocalDate to) {
		return Occurrences.dueDates(row.recurrence(), row.weekdays(), row.once(), row.start(), row.end(), pauses, from,
				to);
	}

	/** A commitment as stored, its words still sealed. */
	record Row(UUID id, UUID owner, String title, String why, Recurrence recurrence, Set<DayOfWeek> weekdays,
			LocalDate once, LocalTime time, LocalDate start, LocalDate end, CommitmentStatus status, LocalTime remindAt,
			UUID fromRequest) {
	}

	/** His record of a day, its words still sealed. */
	record Recorded(Outcome outcome, String note, String inTheWay) {
	}

	/** A reminder to send; {@code title} is null unless he allows titles in email. */
	record DueReminder(UUID commitment, AccountId owner, LocalDate date, LocalTime at, String title) {
	}

	/**
	 * A digest to send: one entry per commitment due, null where titles are not allowed.
	 */
	record Digest(AccountId owner, LocalDate date, List<String> titles) {
	}

}
