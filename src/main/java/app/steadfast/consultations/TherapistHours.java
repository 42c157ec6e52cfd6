package app.steadfast.consultations;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The therapist's hours and their exceptions: his weekly hours and days off in his own
 * time zone, his meeting room and whether he takes free consultations. Appointments
 * booked into them never change here.
 */
@Component
class TherapistHours {

	/** The longest meeting-room address kept. */
	static final int MAX_URL = 300;

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final BookingSettings settings;

	private final ConsultationSettings consultationSettings;

	private final Clock clock;

	TherapistHours(JdbcClient jdbc, AccountManagement accounts, BookingSettings settings,
			ConsultationSettings consultationSettings, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.settings = settings;
		this.consultationSettings = consultationSettings;
		this.clock = clock;
	}

	/** The therapist's bookable week as he keeps it. */
	@Transactional(readOnly = true)
	AvailabilityView availabilityOf(AccountId therapist) {
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
	 * @throws InvalidInput naming the field at fault
	 */
	@Transactional
	void addHours(AccountId therapist, @Nullable DayOfWeek day, @Nullable LocalTime from, @Nullable LocalTime to) {
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
	void removeHours(AccountId therapist, DayOfWeek day, LocalTime from) {
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
	 * Takes whole days off on the therapist's calendar.
	 * @throws InvalidInput naming the field at fault
	 */
	@Transactional
	void addTimeOff(AccountId therapist, @Nullable LocalDate first, @Nullable LocalDate last) {
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
	void removeTimeOff(AccountId therapist, UUID id) {
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
	void setRoom(AccountId therapist, @Nullable String videoUrl, boolean takesConsultations) {
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

	List<WeeklyHours> hours(AccountId therapist) {
		return this.jdbc.sql("""
				SELECT day_of_week, starts, ends FROM therapist_hours WHERE therapist_id = :t
				ORDER BY day_of_week, starts
				""")
			.param("t", therapist.value())
			.query((rs, n) -> new WeeklyHours(DayOfWeek.of(rs.getInt("day_of_week")),
					rs.getObject("starts", LocalTime.class), rs.getObject("ends", LocalTime.class)))
			.list();
	}

	List<TimeOff> timeOff(AccountId therapist) {
		return this.jdbc
			.sql("SELECT id, first_day, last_day FROM therapist_time_off WHERE therapist_id = :t ORDER BY first_day")
			.param("t", therapist.value())
			.query((rs, n) -> new TimeOff(rs.getObject("id", UUID.class), rs.getObject("first_day", LocalDate.class),
					rs.getObject("last_day", LocalDate.class)))
			.list();
	}

	/**
	 * The therapist's meeting room and whether he takes free consultations.
	 *
	 * @param videoUrl his own meeting-room address; null for the practice's
	 * @param takesConsultations whether new people may book a free consultation with him
	 */
	record Room(@Nullable String videoUrl, boolean takesConsultations) {
	}

	/** His room; empty if he never kept hours. */
	Optional<Room> room(AccountId therapist) {
		return this.jdbc.sql("SELECT video_url, takes_consultations FROM therapist_room WHERE therapist_id = :t")
			.param("t", therapist.value())
			.query((rs, n) -> new Room(rs.getString("video_url"), rs.getBoolean("takes_consultations")))
			.optional();
	}

	/**
	 * Makes the row every booking of the therapist locks.
	 * @throws NotFound if the account is not a therapist's
	 */
	void ensureRoom(AccountId therapist) {
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

	/** The practice's meeting room, for therapists who keep none; null for none. */
	@Nullable String practiceRoom() {
		String room = this.settings.videoRoom();
		return (room != null && isMeetingAddress(room.strip())) ? room.strip() : null;
	}

}
