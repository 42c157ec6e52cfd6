package app.steadfast.consultations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading what is booked: a therapist's day or week, a client's coming sessions, one
 * appointment, the video link near its time and a client's appointments for his export.
 * Each read is a fixed number of queries, however many appointments it finds.
 */
@Component
class BookedAppointments {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final TherapistHours hours;

	private final BookingSettings settings;

	private final Clock clock;

	BookedAppointments(JdbcClient jdbc, AccountManagement accounts, TherapistHours hours, BookingSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.hours = hours;
		this.settings = settings;
		this.clock = clock;
	}

	/** When the client's next booked session starts, if one is booked; one query. */
	@Transactional(readOnly = true)
	Optional<Instant> nextSessionOf(AccountId client) {
		return this.jdbc.sql("""
				SELECT MIN(starts_at) FROM appointment WHERE client_id = :c AND status = 'BOOKED' AND ends_at > :now
				""")
			.param("c", client.value())
			.param("now", utc(this.clock.instant()))
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.filter(Objects::nonNull)
			.map(Timestamp::toInstant);
	}

	/** The client's booked sessions that have not ended, soonest first. */
	@Transactional(readOnly = true)
	List<Appointment> upcomingFor(AccountId client) {
		return named(this.jdbc.sql("""
				SELECT a.*, c.name AS consultation_name FROM appointment a
				LEFT JOIN consultation c ON c.id = a.consultation_id
				WHERE a.client_id = :c AND a.status = 'BOOKED' AND a.ends_at > :now ORDER BY a.starts_at
				""")
			.param("c", client.value())
			.param("now", utc(this.clock.instant()))
			.query(BookedAppointments::row)
			.list());
	}

	/**
	 * The therapist's booked appointments that start from {@code from} to before
	 * {@code to}, in order.
	 */
	@Transactional(readOnly = true)
	List<Appointment> scheduleOf(AccountId therapist, Instant from, Instant to) {
		return named(this.jdbc.sql("""
				SELECT a.*, c.name AS consultation_name FROM appointment a
				LEFT JOIN consultation c ON c.id = a.consultation_id
				WHERE a.therapist_id = :t AND a.status = 'BOOKED' AND a.starts_at >= :f AND a.starts_at < :u
				ORDER BY a.starts_at
				""")
			.param("t", therapist.value())
			.param("f", utc(from))
			.param("u", utc(to))
			.query(BookedAppointments::row)
			.list());
	}

	/** See {@link AppointmentManagement#lastSessionsEnded}. */
	@Transactional(readOnly = true)
	Map<AccountId, Instant> lastSessionsEnded(AccountId therapist, Collection<AccountId> clients, Instant before) {
		Map<AccountId, Instant> ended = new LinkedHashMap<>();
		if (clients.isEmpty()) {
			return ended;
		}
		this.jdbc.sql("""
				SELECT client_id, MAX(ends_at) AS ended FROM appointment
				WHERE therapist_id = :t AND client_id IN (:c) AND status = 'BOOKED' AND ends_at <= :b
				GROUP BY client_id
				""")
			.param("t", therapist.value())
			.param("c", clients.stream().map(AccountId::value).distinct().toList())
			.param("b", utc(before))
			.query((rs) -> {
				ended.put(new AccountId(rs.getObject("client_id", UUID.class)), rs.getTimestamp("ended").toInstant());
			});
		return ended;
	}

	/**
	 * The video link for one of the two who meet, near the time only; see
	 * {@link AppointmentManagement#videoLink}.
	 */
	@Transactional(readOnly = true)
	Optional<String> videoLink(AccountId viewer, Appointment appointment) {
		Instant now = this.clock.instant();
		if (!appointment.booked() || !appointment.involves(viewer)
				|| now.isBefore(appointment.start().minus(this.settings.linkOpens()))
				|| !now.isBefore(appointment.end())) {
			return Optional.empty();
		}
		return this.hours.room(appointment.therapist())
			.map(TherapistHours.Room::videoUrl)
			.or(() -> Optional.ofNullable(this.hours.practiceRoom()));
	}

	/** One appointment, booked or cancelled. */
	Optional<Appointment> find(UUID id) {
		return this.jdbc.sql("""
				SELECT a.*, c.name AS consultation_name FROM appointment a
				LEFT JOIN consultation c ON c.id = a.consultation_id WHERE a.id = :id
				""").param("id", id).query(BookedAppointments::row).optional().map((a) -> named(List.of(a)).get(0));
	}

	/** Every appointment of the client, for his data export. */
	List<Map<String, Object>> exportOf(AccountId client) {
		return this.jdbc.sql("""
				SELECT kind, status, starts_at, ends_at, created_at, changed_at FROM appointment
				WHERE client_id = :c ORDER BY starts_at
				""").param("c", client.value()).query((rs, n) -> {
			Map<String, Object> line = new LinkedHashMap<>();
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
		appointments.stream().map(Appointment::client).filter(Objects::nonNull).forEach(clients::add);
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

	static OffsetDateTime utc(Instant moment) {
		return moment.atOffset(ZoneOffset.UTC);
	}

}
