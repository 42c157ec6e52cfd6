package app.steadfast.consultations;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open times a therapist's hours leave once his days off and everything booked (with
 * a buffer either side) are taken out, from the notice ahead to the horizon; computed by
 * {@link OpenTimes} from what is stored.
 */
@Component
class TherapistOpenTimes {

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final TherapistAssignments assignments;

	private final TherapistHours hours;

	private final BookingRules settings;

	private final ConsultationSettings consultationSettings;

	private final Clock clock;

	TherapistOpenTimes(JdbcClient jdbc, AccountManagement accounts, TherapistAssignments assignments,
			TherapistHours hours, BookingRules settings, ConsultationSettings consultationSettings, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.assignments = assignments;
		this.hours = hours;
		this.settings = settings;
		this.consultationSettings = consultationSettings;
		this.clock = clock;
	}

	/**
	 * The open session times with the client's therapist; empty when he has none.
	 * @param moving the session he is moving, whose own time counts as open; null when
	 * booking
	 */
	@Transactional(readOnly = true)
	List<Slot> sessionTimes(AccountId client, @Nullable UUID moving) {
		return activeTherapistOf(client).map((t) -> of(t, this.settings.current().sessionLength(), moving))
			.orElse(List.of());
	}

	/**
	 * The open times of every therapist who takes free consultations, soonest first, at
	 * most {@code limit}. A fixed number of queries, however many therapists there are.
	 */
	@Transactional(readOnly = true)
	List<Slot> consultationTimes(int limit) {
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
		Map<UUID, List<WeeklyHours>> weekly = new HashMap<>();
		this.jdbc.sql("SELECT therapist_id, day_of_week, starts, ends FROM therapist_hours WHERE therapist_id IN (:t)")
			.param("t", therapists)
			.query((rs) -> {
				weekly.computeIfAbsent(rs.getObject("therapist_id", UUID.class), (k) -> new ArrayList<>())
					.add(new WeeklyHours(DayOfWeek.of(rs.getInt("day_of_week")),
							rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class)));
			});
		Map<UUID, List<TimeOff>> off = new HashMap<>();
		this.jdbc.sql("SELECT id, therapist_id, first_day, last_day FROM therapist_time_off WHERE therapist_id IN (:t)")
			.param("t", therapists)
			.query((rs) -> {
				off.computeIfAbsent(rs.getObject("therapist_id", UUID.class), (k) -> new ArrayList<>())
					.add(new TimeOff(rs.getObject("id", UUID.class), rs.getObject("first_day", LocalDate.class),
							rs.getObject("last_day", LocalDate.class)));
			});
		Instant now = this.clock.instant();
		Map<UUID, List<OpenTimes.Busy>> busy = new HashMap<>();
		this.jdbc.sql("""
				SELECT therapist_id, starts_at, ends_at FROM appointment
				WHERE therapist_id IN (:t) AND status = 'BOOKED' AND ends_at > :f AND starts_at < :u
				""")
			.param("t", therapists)
			.param("f", utc(now.minus(Duration.ofDays(2))))
			.param("u", utc(now.plus(this.settings.current().horizon()).plus(Duration.ofDays(3))))
			.query((rs) -> {
				busy.computeIfAbsent(rs.getObject("therapist_id", UUID.class), (k) -> new ArrayList<>())
					.add(new OpenTimes.Busy(rs.getTimestamp("starts_at").toInstant(),
							rs.getTimestamp("ends_at").toInstant()));
			});
		List<Slot> open = new ArrayList<>();
		for (UUID therapist : therapists) {
			AccountId id = new AccountId(therapist);
			ZoneId zone = zones.getOrDefault(id, ZoneOffset.UTC);
			open.addAll(OpenTimes.of(id, zone, weekly.getOrDefault(therapist, List.of()),
					off.getOrDefault(therapist, List.of()), busy.getOrDefault(therapist, List.of()),
					LocalDate.ofInstant(now, zone),
					LocalDate.ofInstant(now.plus(this.settings.current().horizon()), zone),
					this.consultationSettings.length(), this.settings.current().buffer(),
					now.plus(this.settings.current().notice())));
		}
		open.sort(Comparator.comparing(Slot::start).thenComparing((s) -> s.therapist().value()));
		return open.subList(0, Math.min(limit, open.size()));
	}

	/**
	 * The therapist's open times of the given length.
	 * @param ignoring an appointment whose own time counts as open; null for none
	 */
	List<Slot> of(AccountId therapist, Duration length, @Nullable UUID ignoring) {
		ZoneId zone = this.accounts.zone(therapist);
		Instant now = this.clock.instant();
		LocalDate from = LocalDate.ofInstant(now, zone);
		LocalDate to = LocalDate.ofInstant(now.plus(this.settings.current().horizon()), zone);
		return OpenTimes.of(therapist, zone, this.hours.hours(therapist), this.hours.timeOff(therapist),
				busy(therapist, from.minusDays(1).atStartOfDay(zone).toInstant(),
						to.plusDays(2).atStartOfDay(zone).toInstant(), ignoring),
				from, to, length, this.settings.current().buffer(), now.plus(this.settings.current().notice()));
	}

	/** The client's therapist, while he still works at the practice. */
	Optional<AccountId> activeTherapistOf(AccountId client) {
		return this.assignments.therapistOf(client)
			.map(TherapistAssignment::therapist)
			.filter((t) -> !this.accounts.deactivatedStaff().contains(t));
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
			.filter(Objects::nonNull)
			.toList();
	}

	private static OffsetDateTime utc(Instant moment) {
		return moment.atOffset(ZoneOffset.UTC);
	}

}
