package app.steadfast.consultations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Booking, the module's API for it: each therapist's weekly hours and days off in his own
 * time zone ({@link TherapistHours}), the open times they leave
 * ({@link TherapistOpenTimes}), the appointments booked into them ({@link Bookings}) and
 * reading them back ({@link BookedAppointments}). A client books, moves and cancels only
 * with his own therapist and only up to the practice's notice before the start; a visitor
 * books a free consultation with a therapist who takes them. Two bookings of one time can
 * never both succeed, on one node or several; the loser is told the time was just taken
 * ({@link SlotTaken}).
 */
@Service
public class AppointmentManagement {

	private final TherapistHours hours;

	private final TherapistOpenTimes open;

	private final Bookings bookings;

	private final BookedAppointments booked;

	private final BookingRules settings;

	AppointmentManagement(TherapistHours hours, TherapistOpenTimes open, Bookings bookings, BookedAppointments booked,
			BookingRules settings) {
		this.hours = hours;
		this.open = open;
		this.bookings = bookings;
		this.booked = booked;
		this.settings = settings;
	}

	// --- The therapist's hours -------------------------------------------------------

	/** The therapist's bookable week as he keeps it. */
	public AvailabilityView availabilityOf(AccountId therapist) {
		return this.hours.availabilityOf(therapist);
	}

	/**
	 * Adds a block to the therapist's weekly hours.
	 * @throws InvalidInput naming the field at fault: a missing day or time, an end not
	 * after the start, a block too short for a session, or one that overlaps another
	 */
	public void addHours(AccountId therapist, @Nullable DayOfWeek day, @Nullable LocalTime from,
			@Nullable LocalTime to) {
		this.hours.addHours(therapist, day, from, to);
	}

	/** Takes a block out of the therapist's weekly hours; booked appointments stay. */
	public void removeHours(AccountId therapist, DayOfWeek day, LocalTime from) {
		this.hours.removeHours(therapist, day, from);
	}

	/**
	 * Takes whole days off, from {@code first} to {@code last} on the therapist's
	 * calendar; no open times are offered on them. Booked appointments stay: he moves or
	 * cancels them himself.
	 * @throws InvalidInput naming the field at fault
	 */
	public void addTimeOff(AccountId therapist, @Nullable LocalDate first, @Nullable LocalDate last) {
		this.hours.addTimeOff(therapist, first, last);
	}

	/**
	 * Takes days off back.
	 * @throws NotFound if he has no such days off
	 */
	public void removeTimeOff(AccountId therapist, UUID id) {
		this.hours.removeTimeOff(therapist, id);
	}

	/**
	 * Sets the therapist's own meeting-room address (empty for the practice's) and
	 * whether new people can book a free consultation with him.
	 * @throws InvalidInput if the address is not an https address
	 */
	public void setRoom(AccountId therapist, @Nullable String videoUrl, boolean takesConsultations) {
		this.hours.setRoom(therapist, videoUrl, takesConsultations);
	}

	// --- Open times ------------------------------------------------------------------

	/** The rules a client books under, for the pages that explain them. */
	public Rules rules() {
		return new Rules(this.settings.current().sessionLength(), this.settings.current().notice(),
				this.settings.current().linkOpens());
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
			return AppointmentManagement.noticeText(this.notice);
		}

	}

	/**
	 * The booking rules an admin can change, as he set them (empty where the configured
	 * rule holds), with the configured rules beside them.
	 */
	public RuleSettings ruleSettings() {
		return this.settings.typed();
	}

	/** The configured rules, in the same fields, for the hints beside them. */
	public RuleSettings configuredRules() {
		BookingSettings configured = this.settings.configured();
		return new RuleSettings(String.valueOf(configured.sessionLength().toMinutes()),
				String.valueOf(configured.buffer().toMinutes()), String.valueOf(configured.notice().toHours()),
				String.valueOf(configured.horizon().toDays()));
	}

	/**
	 * The admin changes the booking rules; an empty field goes back to the configured
	 * rule. Nothing is kept unless every field is right. Times already booked keep their
	 * length.
	 * @return the problem with each field at fault, by field ({@code sessionLength},
	 * {@code buffer}, {@code notice}, {@code horizon}); empty when saved
	 */
	public Map<String, String> changeRules(RuleSettings typed) {
		return this.settings.change(typed);
	}

	/**
	 * What is wrong with the booking rules as typed, without keeping them.
	 * @return the problem with each field at fault, by field; empty when all are right
	 */
	public Map<String, String> problemsWithRules(RuleSettings typed) {
		return this.settings.problems(typed);
	}

	/**
	 * The booking rules an admin sets, as typed.
	 *
	 * @param sessionMinutes how long a session lasts, in minutes
	 * @param bufferMinutes the least time kept free between two appointments, in minutes
	 * @param noticeHours up to how many hours before the start one may book, move or
	 * cancel online
	 * @param horizonDays how many days ahead open times are offered
	 */
	public record RuleSettings(String sessionMinutes, String bufferMinutes, String noticeHours, String horizonDays) {
	}

	/** A notice in words, such as "24 hours" or "3 days". */
	static String noticeText(Duration notice) {
		long hours = notice.toHours();
		return (hours % 24 == 0 && hours >= 48) ? (hours / 24) + " days" : (hours == 1) ? "1 hour" : hours + " hours";
	}

	/**
	 * The open session times with the client's therapist; empty when he has none.
	 * @param moving the session he is moving, whose own time counts as open; null when
	 * booking
	 */
	public List<Slot> openSessionTimes(AccountId client, @Nullable UUID moving) {
		return this.open.sessionTimes(client, moving);
	}

	/**
	 * The open times of every therapist who takes free consultations, soonest first, at
	 * most {@code limit}. A fixed number of queries, however many therapists there are.
	 */
	public List<Slot> openConsultationTimes(int limit) {
		return this.open.consultationTimes(limit);
	}

	// --- Booking ---------------------------------------------------------------------

	/**
	 * The client's own booked session.
	 * @throws NotFound for anyone else's, a cancelled one, or none
	 */
	public Appointment sessionOf(AccountId client, UUID id) {
		return this.bookings.sessionOf(client, id);
	}

	/**
	 * Books a session for the client with his own therapist at an open time, and sends
	 * both of them a calendar invitation.
	 * @throws NotFound if he has no therapist who still works at the practice
	 * @throws SlotTaken if the time is not open (any more)
	 */
	public Appointment book(AccountId client, Instant start) {
		return this.bookings.book(client, start);
	}

	/**
	 * Moves the client's session to another open time with his therapist, up to the
	 * notice before its start, and sends both the changed invitation.
	 * @throws NotFound if it is not his booked session
	 * @throws InvalidInput if it starts too soon to be changed online
	 * @throws SlotTaken if the new time is not open (any more)
	 */
	public Appointment move(AccountId client, UUID id, Instant start) {
		return this.bookings.move(client, id, start);
	}

	/**
	 * The client cancels his session, up to the notice before its start; both are told.
	 * @throws NotFound if it is not his booked session
	 * @throws InvalidInput if it starts too soon to be cancelled online
	 */
	public void cancel(AccountId client, UUID id) {
		this.bookings.cancel(client, id);
	}

	/**
	 * The therapist cancels one of his appointments before it starts, at any time; the
	 * other person is told.
	 * @throws NotFound if it is not his booked appointment, or has begun
	 */
	public void cancelByTherapist(AccountId therapist, UUID id) {
		this.bookings.cancelByTherapist(therapist, id);
	}

	/** Whether the appointment may still be moved or cancelled online. */
	public boolean changeable(Appointment appointment) {
		return this.bookings.changeable(appointment);
	}

	// --- Reading ---------------------------------------------------------------------

	/** When the client's next booked session starts, if one is booked; one query. */
	public Optional<Instant> nextSessionOf(AccountId client) {
		return this.booked.nextSessionOf(client);
	}

	/** The client's booked sessions that have not ended, soonest first. */
	public List<Appointment> upcomingFor(AccountId client) {
		return this.booked.upcomingFor(client);
	}

	/**
	 * The therapist's booked appointments that start from {@code from} to before
	 * {@code to}, in order.
	 */
	public List<Appointment> scheduleOf(AccountId therapist, Instant from, Instant to) {
		return this.booked.scheduleOf(therapist, from, to);
	}

	/**
	 * When the last session of each client with the therapist ended, up to
	 * {@code before}; clients with none are absent. One query for all.
	 */
	public Map<AccountId, Instant> lastSessionsEnded(AccountId therapist, Collection<AccountId> clients,
			Instant before) {
		return this.booked.lastSessionsEnded(therapist, clients, before);
	}

	/**
	 * The video link of an appointment for one of the two who meet, from
	 * {@link Rules#linkOpens} before its start until its end; empty for anyone else, at
	 * any other time, or when neither the therapist nor the practice keeps a room.
	 */
	public Optional<String> videoLink(AccountId viewer, Appointment appointment) {
		return this.booked.videoLink(viewer, appointment);
	}

}
