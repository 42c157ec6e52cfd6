package app.steadfast.consultations;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking: each therapist's weekly hours and days off in his own time zone, the open
 * times they leave, and the appointments booked into them. A client books, moves and
 * cancels only with his own therapist and only up to the practice's notice before the
 * start; a visitor books a free consultation with a therapist who takes them.
 * <p>
 * Two bookings of one time can never both succeed, on one node or several: every booking
 * of a therapist first locks his row ({@code SELECT ... FOR UPDATE}), so they take turns
 * and each sees the one before; and the database refuses a second booked appointment of
 * one therapist at one start (a unique index) whatever happens above it. The loser is
 * told the time was just taken ({@link SlotTaken}).
 */
@Service
public class AppointmentManagement {

	private static final Logger log = LoggerFactory.getLogger(AppointmentManagement.class);

	/** The longest meeting-room address kept. */
	static final int MAX_URL = 300;

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final TherapistAssignments assignments;

	private final BookingSettings settings;

	private final ConsultationSettings consultationSettings;

	private final AppointmentMail mail;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final org.springframework.context.ApplicationEventPublisher events;

	AppointmentManagement(JdbcClient jdbc, AccountManagement accounts, TherapistAssignments assignments,
			BookingSettings settings, ConsultationSettings consultationSettings, AppointmentMail mail, Clock clock,
			PlatformTransactionManager transactions, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.assignments = assignments;
		this.settings = settings;
		this.consultationSettings = consultationSettings;
		this.mail = mail;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	// --- The therapist's hours -------------------------------------------------------

	/** The therapist's bookable week as he keeps it. */
	@Transactional(readOnly = true)
	public AvailabilityView availabilityOf(AccountId therapist) {
		ZoneId zone = this.accounts.zone(therapist);
		Optional<Room> room = room(therapist);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		return new AvailabilityView(hours(therapist),
				timeOff(therapist).stream().filter((o) -> !o.last().isBefore(today)).toList(),
				room.map(Room::videoUrl).orElse(null), practiceRoom(), room.map(Room::takesConsultations).orElse(false),
				zone);
	}

	/**
	 * Adds a block to the therapist's weekly hours.
	 * @throws InvalidInput naming the field at fault: a missing day or time, an end not
	 * after the start, a block too short for a session, or one that overlaps another
	 */
	@Transactional
	public void addHours(AccountId therapist, @Nullable DayOfWeek day, @Nullable LocalTime from,
			@Nullable LocalTime to) {
		if (day == null) {
			throw new InvalidInput("day", "Choose a day of the week.");
		}
		if (from == null) {
			throw new InvalidInput("from", "Give the time you start, such as 09:00.");
		}
		if (to == null) {
			throw new InvalidInput("to", "Give the time you finish, such as 17:00.");
		}
		if (!to.isAfter(from)) {
			throw new InvalidInput("to", "Finish after you start, on the same day.");
		}
		if (Duration.between(from, to).compareTo(this.consultationSettings.length()) < 0) {
			throw new InvalidInput("to", "Leave at least " + this.consultationSettings.length().toMinutes()
					+ " minutes, the length of a free consultation.");
		}
		boolean overlaps = hours(therapist).stream()
			.anyMatch((h) -> h.day() == day && from.isBefore(h.to()) && h.from().isBefore(to));
		if (overlaps) {
			throw new InvalidInput("from", "These hours overlap hours you already keep that day.");
		}
		ensureRoom(therapist);
		this.jdbc.sql("INSERT INTO therapist_hours (therapist_id, day_of_week, starts, ends) VALUES (:t, :d, :f, :e)")
			.param("t", therapist.value())
			.param("d", day.getValue())
			.param("f", from)
			.param("e", to)
			.update();
	}

	/** Takes a block out of the therapist's weekly hours; booked appointments stay. */
	@Transactional
	public void removeHours(AccountId therapist, DayOfWeek day, LocalTime from) {
		int removed = this.jdbc
			.sql("DELETE FROM therapist_hours WHERE therapist_id = :t AND day_of_week = :d AND starts = :f")
			.param("t", therapist.value())
			.param("d", day.getValue())
			.param("f", from)
			.update();
		if (removed == 0) {
			throw new NotFound();
		}
	}

	/**
	 * Takes whole days off, from {@code first} to {@code last} on the therapist's
	 * calendar; no open times are offered on them. Booked appointments stay: he moves or
	 * cancels them himself.
	 * @throws InvalidInput naming the field at fault
	 */
	@Transactional
	public void addTimeOff(AccountId therapist, @Nullable LocalDate first, @Nullable LocalDate last) {
		if (first == null) {
			throw new InvalidInput("first", "Give the first day off.");
		}
		LocalDate end = (last != null) ? last : first;
		if (end.isBefore(first)) {
			throw new InvalidInput("last", "The last day off can’t come before the first.");
		}
		if (first.isBefore(LocalDate.ofInstant(this.clock.instant(), this.accounts.zone(therapist)))) {
			throw new InvalidInput("first", "Choose today or a day to come.");
		}
		if (end.isAfter(first.plusDays(366))) {
			throw new InvalidInput("last", "Keep it to a year at most.");
		}
		ensureRoom(therapist);
		this.jdbc.sql("INSERT INTO therapist_time_off (id, therapist_id, first_day, last_day) VALUES (:id, :t, :f, :l)")
			.param("id", UUID.randomUUID())
			.param("t", therapist.value())
			.param("f", first)
			.param("l", end)
			.update();
	}

	/**
	 * Takes days off back.
	 * @throws NotFound if he has no such days off
	 */
	@Transactional
	public void removeTimeOff(AccountId therapist, UUID id) {
		if (this.jdbc.sql("DELETE FROM therapist_time_off WHERE id = :id AND therapist_id = :t")
			.param("id", id)
			.param("t", therapist.value())
			.update() == 0) {
			throw new NotFound();
		}
	}

	/**
	 * Sets the therapist's own meeting-room address (empty for the practice's) and
	 * whether new people can book a free consultation with him.
	 * @throws InvalidInput if the address is not an https address
	 */
	@Transactional
	public void setRoom(AccountId therapist, @Nullable String videoUrl, boolean takesConsultations) {
		String url = (videoUrl == null || videoUrl.isBlank()) ? null : videoUrl.strip();
		if (url != null && !isMeetingAddress(url)) {
			throw new InvalidInput("videoUrl",
					"Give the full https:// address of your meeting room, such as https://meet.example.com/your-room.");
		}
		ensureRoom(therapist);
		this.jdbc.sql("UPDATE therapist_room SET video_url = :u, takes_consultations = :c WHERE therapist_id = :t")
			.param("u", url)
			.param("c", takesConsultations)
			.param("t", therapist.value())
			.update();
	}

	/** Whether the text is an address a video link may be: https, a host, no spaces. */
	static boolean isMeetingAddress(String url) {
		if (url.length() > MAX_URL || !url.startsWith("https://") || url.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getHost().contains(".")
					&& uri.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	// --- Open times ------------------------------------------------------------------

	/** The rules a client books under, for the pages that explain them. */
	public Rules rules() {
		return new Rules(this.settings.sessionLength(), this.settings.notice(), this.settings.linkOpens());
	}

	/**
	 * The practice's booking rules in words.
	 *
	 * @param sessionLength how long a session lasts
	 * @param notice up to how long before the start he may book, move or cancel online
	 * @param linkOpens how long before the start the video link shows
	 */
	public record Rules(Duration sessionLength, Duration notice, Duration linkOpens) {

		/** The notice in words, such as "24 hours". */
		public String noticeText() {
			long hours = this.notice.toHours();
			return (hours % 24 == 0 && hours >= 48) ? (hours / 24) + " days"
					: (hours == 1) ? "1 hour" : hours + " hours";
		}

	}

	/**
	 * The open session times with the client's therapist; empty when he has none.
	 * @param moving the session he is moving, whose own time counts as open; null when
	 * booking
	 */
	@Transactional(readOnly = true)
	public List<Slot> openSessionTimes(AccountId client, @Nullable UUID moving) {
		return activeTherapistOf(client).map((t) -> open(t, this.settings.sessionLength(), moving)).orElse(List.of());
	}

	/**
	 * The client's own booked session.
	 * @throws NotFound for anyone else's, a cancelled one, or none
	 */
	@Transactional(readOnly = true)
	public Appointment sessionOf(AccountId client, UUID id) {
		return requireOwnSession(client, id);
	}

	/**
	 * The open times of every therapist who takes free consultations, soonest first, at
	 * most {@code limit}. A fixed number of queries, however many therapists there are.
	 */
	@Transactional(readOnly = true)
	public List<Slot> openConsultationTimes(int limit) {
		List<UUID> taking = this.jdbc
			.sql("SELECT therapist_id FROM therapist_room WHERE takes_consultations = TRUE ORDER BY therapist_id")
			.query(UUID.class)
			.list();
		if (taking.isEmpty()) {
			return List.of();
		}
		Set<AccountId> left = this.accounts.deactivatedStaff();
		List<UUID> therapists = taking.stream().filter((t) -> !left.contains(new AccountId(t))).toList();
		if (therapists.isEmpty()) {
			return List.of();
		}
		Map<AccountId, ZoneId> zones = this.accounts.zones(therapists.stream().map(AccountId::new).toList());
		Map<UUID, List<WeeklyHours>> hours = new java.util.HashMap<>();
		this.jdbc.sql("SELECT therapist_id, day_of_week, starts, ends FROM therapist_hours WHERE therapist_id IN (:t)")
			.param("t", therapists)
			.query((rs) -> {
				hours.computeIfAbsent(rs.getObject("therapist_id", UUID.class), (k) -> new ArrayList<>())
					.add(new WeeklyHours(DayOfWeek.of(rs.getInt("day_of_week")),
							rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class)));
			});
		Map<UUID, List<TimeOff>> off = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, therapist_id, first_day, last_day FROM therapist_time_off WHERE therapist_id IN (:t)")
			.param("t", therapists)
			.query((rs) -> {
				off.computeIfAbsent(rs.getObject("therapist_id", UUID.class), (k) -> new ArrayList<>())
					.add(new TimeOff(rs.getObject("id", UUID.class), rs.getObject("first_day", LocalDate.class),
							rs.getObject("last_day", LocalDate.class)));
			});
		Instant now = this.clock.instant();
		Map<UUID, List<OpenTimes.Busy>> busy = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT therapist_id, starts_at, ends_at FROM appointment
				WHERE therapist_id IN (:t) AND status = 'BOOKED' AND ends_at > :f AND starts_at < :u
				""")
			.param("t", therapists)
			.param("f", utc(now.minus(Duration.ofDays(2))))
			.param("u", utc(now.plus(this.settings.horizon()).plus(Duration.ofDays(3))))
			.query((rs) -> {
				busy.computeIfAbsent(rs.getObject("therapist_id", UUID.class), (k) -> new ArrayList<>())
					.add(new OpenTimes.Busy(rs.getTimestamp("starts_at").toInstant(),
							rs.getTimestamp("ends_at").toInstant()));
			});
		List<Slot> open = new ArrayList<>();
		for (UUID therapist : therapists) {
			AccountId id = new AccountId(therapist);
			ZoneId zone = zones.getOrDefault(id, ZoneOffset.UTC);
			open.addAll(OpenTimes.of(id, zone, hours.getOrDefault(therapist, List.of()),
					off.getOrDefault(therapist, List.of()), busy.getOrDefault(therapist, List.of()),
					LocalDate.ofInstant(now, zone), LocalDate.ofInstant(now.plus(this.settings.horizon()), zone),
					this.consultationSettings.length(), this.settings.buffer(), now.plus(this.settings.notice())));
		}
		open.sort(Comparator.comparing(Slot::start).thenComparing((s) -> s.therapist().value()));
		return open.subList(0, Math.min(limit, open.size()));
	}

	private List<Slot> open(AccountId therapist, Duration length, @Nullable UUID ignoring) {
		ZoneId zone = this.accounts.zone(therapist);
		Instant now = this.clock.instant();
		LocalDate from = LocalDate.ofInstant(now, zone);
		LocalDate to = LocalDate.ofInstant(now.plus(this.settings.horizon()), zone);
		return OpenTimes.of(therapist, zone, hours(therapist), timeOff(therapist),
				busy(therapist, from.minusDays(1).atStartOfDay(zone).toInstant(),
						to.plusDays(2).atStartOfDay(zone).toInstant(), ignoring),
				from, to, length, this.settings.buffer(), now.plus(this.settings.notice()));
	}

	// --- Booking ---------------------------------------------------------------------

	/**
	 * Books a session for the client with his own therapist at an open time, and sends
	 * both of them a calendar invitation.
	 * @throws NotFound if he has no therapist who still works at the practice
	 * @throws SlotTaken if the time is not open (any more)
	 */
	public Appointment book(AccountId client, Instant start) {
		AccountId therapist = activeTherapistOf(client).orElseThrow(NotFound::new);
		UUID id = UUID.randomUUID();
		Appointment booked = this.transaction.execute((status) -> {
			lockAndCheck(therapist, start, this.settings.sessionLength(), null, "start");
			insert(id, therapist, client, null, AppointmentKind.SESSION, start,
					start.plus(this.settings.sessionLength()));
			return find(id).orElseThrow();
		});
		afterCommit(() -> this.mail.booked(booked, 0, false));
		return booked;
	}

	/**
	 * Books a free consultation for a request at an open time of a therapist who takes
	 * them. Runs inside the caller's transaction, which stores the request with it; the
	 * caller sends the invitations once both are stored.
	 * @throws SlotTaken if the time is not open (any more)
	 */
	Instant bookConsultation(ConsultationId consultation, AccountId therapist, Instant start) {
		boolean takes = room(therapist).map(Room::takesConsultations).orElse(false)
				&& !this.accounts.deactivatedStaff().contains(therapist);
		if (!takes) {
			throw new SlotTaken("slot");
		}
		lockAndCheck(therapist, start, this.consultationSettings.length(), null, "slot");
		insert(UUID.randomUUID(), therapist, null, consultation, AppointmentKind.CONSULTATION, start,
				start.plus(this.consultationSettings.length()));
		return start;
	}

	/**
	 * Moves the client's session to another open time with his therapist, up to the
	 * notice before its start, and sends both the changed invitation.
	 * @throws NotFound if it is not his booked session
	 * @throws InvalidInput if it starts too soon to be changed online
	 * @throws SlotTaken if the new time is not open (any more)
	 */
	public Appointment move(AccountId client, UUID id, Instant start) {
		Appointment before = requireOwnSession(client, id);
		requireChangeable(before);
		AccountId therapist = activeTherapistOf(client).filter(before.therapist()::equals).orElseThrow(NotFound::new);
		Appointment moved = this.transaction.execute((status) -> {
			lockAndCheck(therapist, start, this.settings.sessionLength(), id, "start");
			int sequence = this.jdbc.sql("SELECT sequence_number FROM appointment WHERE id = :id")
				.param("id", id)
				.query(Integer.class)
				.single();
			try {
				this.jdbc.sql("""
						UPDATE appointment SET starts_at = :s, ends_at = :e, held_start = :s,
						sequence_number = :q, changed_at = :now WHERE id = :id AND status = 'BOOKED'
						""")
					.param("s", utc(start))
					.param("e", utc(start.plus(this.settings.sessionLength())))
					.param("q", sequence + 1)
					.param("now", utc(this.clock.instant()))
					.param("id", id)
					.update();
			}
			catch (DataIntegrityViolationException ex) {
				throw new SlotTaken("start");
			}
			return find(id).orElseThrow();
		});
		int sequence = this.jdbc.sql("SELECT sequence_number FROM appointment WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
		afterCommit(() -> this.mail.booked(moved, sequence, true));
		return moved;
	}

	/**
	 * The client cancels his session, up to the notice before its start; both are told.
	 * @throws NotFound if it is not his booked session
	 * @throws InvalidInput if it starts too soon to be cancelled online
	 */
	public void cancel(AccountId client, UUID id) {
		Appointment appointment = requireOwnSession(client, id);
		requireChangeable(appointment);
		cancelled(appointment);
	}

	/**
	 * The therapist cancels one of his appointments before it starts, at any time; the
	 * other person is told.
	 * @throws NotFound if it is not his booked appointment, or has begun
	 */
	public void cancelByTherapist(AccountId therapist, UUID id) {
		Appointment appointment = find(id).filter((a) -> a.therapist().equals(therapist) && a.booked())
			.filter((a) -> a.start().isAfter(this.clock.instant()))
			.orElseThrow(NotFound::new);
		cancelled(appointment);
	}

	private void cancelled(Appointment appointment) {
		int sequence = this.transaction.execute((status) -> {
			this.jdbc.sql("""
					UPDATE appointment SET status = 'CANCELLED', held_start = NULL,
					sequence_number = sequence_number + 1, changed_at = :now WHERE id = :id
					""").param("now", utc(this.clock.instant())).param("id", appointment.id()).update();
			if (appointment.consultation() != null) {
				// The request goes back to the practice's inbox to find another time.
				this.events.publishEvent(new ConsultationTimeCancelled(appointment.consultation(), appointment.start(),
						this.clock.instant()));
			}
			return this.jdbc.sql("SELECT sequence_number FROM appointment WHERE id = :id")
				.param("id", appointment.id())
				.query(Integer.class)
				.single();
		});
		afterCommit(() -> this.mail.cancelled(appointment, sequence));
	}

	/** Whether the appointment may still be moved or cancelled online. */
	public boolean changeable(Appointment appointment) {
		return appointment.booked() && this.clock.instant().plus(this.settings.notice()).isBefore(appointment.start());
	}

	private void requireChangeable(Appointment appointment) {
		if (!changeable(appointment)) {
			throw new InvalidInput("start", "It starts in less than " + rules().noticeText()
					+ ", so it can’t be changed here any more. Write to your therapist instead.");
		}
	}

	private Appointment requireOwnSession(AccountId client, UUID id) {
		return find(id).filter((a) -> a.kind() == AppointmentKind.SESSION && client.equals(a.client()) && a.booked())
			.orElseThrow(NotFound::new);
	}

	/**
	 * Locks the therapist's calendar until the transaction ends, then checks that the
	 * time is one he offers and that nothing booked comes within a buffer of it.
	 */
	private void lockAndCheck(AccountId therapist, Instant start, Duration length, @Nullable UUID ignoring,
			String field) {
		try {
			List<UUID> locked = this.jdbc
				.sql("SELECT therapist_id FROM therapist_room WHERE therapist_id = :t FOR UPDATE")
				.param("t", therapist.value())
				.query(UUID.class)
				.list();
			if (locked.isEmpty()) {
				throw new SlotTaken(field);
			}
		}
		catch (PessimisticLockingFailureException ex) {
			// Someone else held his calendar too long: the same answer, choose again.
			throw new SlotTaken(field);
		}
		boolean offered = open(therapist, length, ignoring).stream().anyMatch((s) -> s.start().equals(start));
		if (!offered) {
			throw new SlotTaken(field);
		}
	}

	private void insert(UUID id, AccountId therapist, @Nullable AccountId client, @Nullable ConsultationId consultation,
			AppointmentKind kind, Instant start, Instant end) {
		OffsetDateTime now = utc(this.clock.instant());
		try {
			this.jdbc.sql("""
					INSERT INTO appointment (id, therapist_id, client_id, consultation_id, kind, status, starts_at,
					ends_at, held_start, sequence_number, created_at, changed_at)
					VALUES (:id, :t, :c, :q, :k, 'BOOKED', :s, :e, :s, 0, :now, :now)
					""")
				.param("id", id)
				.param("t", therapist.value())
				.param("c", (client != null) ? client.value() : null)
				.param("q", (consultation != null) ? consultation.value() : null)
				.param("k", kind.name())
				.param("s", utc(start))
				.param("e", utc(end))
				.param("now", now)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new SlotTaken((kind == AppointmentKind.CONSULTATION) ? "slot" : "start");
		}
	}

	// --- Reading ---------------------------------------------------------------------

	/** When the client's next booked session starts, if one is booked; one query. */
	@Transactional(readOnly = true)
	public Optional<Instant> nextSessionOf(AccountId client) {
		return this.jdbc.sql("""
				SELECT MIN(starts_at) FROM appointment WHERE client_id = :c AND status = 'BOOKED' AND ends_at > :now
				""")
			.param("c", client.value())
			.param("now", utc(this.clock.instant()))
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(java.util.Objects::nonNull)
			.map(java.sql.Timestamp::toInstant);
	}

	/** The client's booked sessions that have not ended, soonest first. */
	@Transactional(readOnly = true)
	public List<Appointment> upcomingFor(AccountId client) {
		return named(this.jdbc.sql("""
				SELECT a.*, c.name AS consultation_name FROM appointment a
				LEFT JOIN consultation c ON c.id = a.consultation_id
				WHERE a.client_id = :c AND a.status = 'BOOKED' AND a.ends_at > :now ORDER BY a.starts_at
				""")
			.param("c", client.value())
			.param("now", utc(this.clock.instant()))
			.query(AppointmentManagement::row)
			.list());
	}

	/**
	 * The therapist's booked appointments that start from {@code from} to before
	 * {@code to}, in order.
	 */
	@Transactional(readOnly = true)
	public List<Appointment> scheduleOf(AccountId therapist, Instant from, Instant to) {
		return named(this.jdbc.sql("""
				SELECT a.*, c.name AS consultation_name FROM appointment a
				LEFT JOIN consultation c ON c.id = a.consultation_id
				WHERE a.therapist_id = :t AND a.status = 'BOOKED' AND a.starts_at >= :f AND a.starts_at < :u
				ORDER BY a.starts_at
				""")
			.param("t", therapist.value())
			.param("f", utc(from))
			.param("u", utc(to))
			.query(AppointmentManagement::row)
			.list());
	}

	/**
	 * The video link of an appointment for one of the two who meet, from
	 * {@link Rules#linkOpens} before its start until its end; empty for anyone else, at
	 * any other time, or when neither the therapist nor the practice keeps a room.
	 */
	@Transactional(readOnly = true)
	public Optional<String> videoLink(AccountId viewer, Appointment appointment) {
		Instant now = this.clock.instant();
		if (!appointment.booked() || !appointment.involves(viewer)
				|| now.isBefore(appointment.start().minus(this.settings.linkOpens()))
				|| !now.isBefore(appointment.end())) {
			return Optional.empty();
		}
		return room(appointment.therapist()).map(Room::videoUrl).or(() -> Optional.ofNullable(practiceRoom()));
	}

	Optional<Appointment> find(UUID id) {
		return this.jdbc.sql("""
				SELECT a.*, c.name AS consultation_name FROM appointment a
				LEFT JOIN consultation c ON c.id = a.consultation_id WHERE a.id = :id
				""").param("id", id).query(AppointmentManagement::row).optional().map((a) -> named(List.of(a)).get(0));
	}

	/** Every appointment of the client, for his data export. */
	List<Map<String, Object>> exportOf(AccountId client) {
		return this.jdbc.sql("""
				SELECT kind, status, starts_at, ends_at, created_at, changed_at FROM appointment
				WHERE client_id = :c ORDER BY starts_at
				""").param("c", client.value()).query((rs, n) -> {
			Map<String, Object> line = new java.util.LinkedHashMap<>();
			line.put("kind", rs.getString("kind"));
			line.put("status", rs.getString("status"));
			line.put("startsAt", rs.getTimestamp("starts_at").toInstant().toString());
			line.put("endsAt", rs.getTimestamp("ends_at").toInstant().toString());
			line.put("bookedAt", rs.getTimestamp("created_at").toInstant().toString());
			line.put("changedAt", rs.getTimestamp("changed_at").toInstant().toString());
			return line;
		}).list();
	}

	private static Appointment row(ResultSet rs, int n) throws SQLException {
		UUID client = rs.getObject("client_id", UUID.class);
		UUID consultation = rs.getObject("consultation_id", UUID.class);
		String name = rs.getString("consultation_name");
		return new Appointment(rs.getObject("id", UUID.class), new AccountId(rs.getObject("therapist_id", UUID.class)),
				(client != null) ? new AccountId(client) : null,
				(consultation != null) ? new ConsultationId(consultation) : null, (name != null) ? name : "",
				AppointmentKind.valueOf(rs.getString("kind")), "BOOKED".equals(rs.getString("status")),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant());
	}

	/** The clients' chosen names, in one query for all. */
	private List<Appointment> named(List<Appointment> appointments) {
		Set<AccountId> clients = new HashSet<>();
		appointments.stream().map(Appointment::client).filter(java.util.Objects::nonNull).forEach(clients::add);
		if (clients.isEmpty()) {
			return appointments;
		}
		Map<AccountId, Person> people = this.accounts.find(clients);
		return appointments.stream()
			.map((a) -> (a.client() == null) ? a
					: new Appointment(a.id(), a.therapist(), a.client(), a.consultation(),
							people.containsKey(a.client()) ? people.get(a.client()).displayName() : "Someone", a.kind(),
							a.booked(), a.start(), a.end()))
			.toList();
	}

	private List<OpenTimes.Busy> busy(AccountId therapist, Instant from, Instant to, @Nullable UUID ignoring) {
		return this.jdbc.sql("""
				SELECT id, starts_at, ends_at FROM appointment
				WHERE therapist_id = :t AND status = 'BOOKED' AND ends_at > :f AND starts_at < :u
				""")
			.param("t", therapist.value())
			.param("f", utc(from))
			.param("u", utc(to))
			.query((rs, n) -> rs.getObject("id", UUID.class).equals(ignoring) ? null
					: new OpenTimes.Busy(rs.getTimestamp("starts_at").toInstant(),
							rs.getTimestamp("ends_at").toInstant()))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private List<WeeklyHours> hours(AccountId therapist) {
		return this.jdbc.sql("""
				SELECT day_of_week, starts, ends FROM therapist_hours WHERE therapist_id = :t
				ORDER BY day_of_week, starts
				""")
			.param("t", therapist.value())
			.query((rs, n) -> new WeeklyHours(DayOfWeek.of(rs.getInt("day_of_week")),
					rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class)))
			.list();
	}

	private List<TimeOff> timeOff(AccountId therapist) {
		return this.jdbc
			.sql("SELECT id, first_day, last_day FROM therapist_time_off WHERE therapist_id = :t ORDER BY first_day")
			.param("t", therapist.value())
			.query((rs, n) -> new TimeOff(rs.getObject("id", UUID.class), rs.getObject("first_day", LocalDate.class),
					rs.getObject("last_day", LocalDate.class)))
			.list();
	}

	private record Room(@Nullable String videoUrl, boolean takesConsultations) {
	}

	private Optional<Room> room(AccountId therapist) {
		return this.jdbc.sql("SELECT video_url, takes_consultations FROM therapist_room WHERE therapist_id = :t")
			.param("t", therapist.value())
			.query((rs, n) -> new Room(rs.getString("video_url"), rs.getBoolean("takes_consultations")))
			.optional();
	}

	private void ensureRoom(AccountId therapist) {
		if (room(therapist).isEmpty()) {
			if (this.accounts.find(therapist).filter((p) -> p.role() == Role.THERAPIST).isEmpty()) {
				throw new NotFound();
			}
			this.jdbc.sql(
					"INSERT INTO therapist_room (therapist_id, video_url, takes_consultations) VALUES (:t, NULL, FALSE)")
				.param("t", therapist.value())
				.update();
		}
	}

	@Nullable private String practiceRoom() {
		String room = this.settings.videoRoom();
		return (room != null && isMeetingAddress(room.strip())) ? room.strip() : null;
	}

	private Optional<AccountId> activeTherapistOf(AccountId client) {
		return this.assignments.therapistOf(client)
			.map(TherapistAssignment::therapist)
			.filter((t) -> !this.accounts.deactivatedStaff().contains(t));
	}

	private static void afterCommit(Runnable send) {
		try {
			send.run();
		}
		catch (RuntimeException ex) {
			// The appointment is booked; the pages show it whatever the mail server did.
			log.warn("An appointment changed but an email about it failed ({})", ex.getClass().getSimpleName());
		}
	}

	private static OffsetDateTime utc(Instant moment) {
		return moment.atOffset(ZoneOffset.UTC);
	}

}
