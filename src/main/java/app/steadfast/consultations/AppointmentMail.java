package app.steadfast.consultations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Mail;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.PracticeSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emails about appointments: the calendar invitation when a session is booked or
 * moved, the cancellation, and the reminders a day and an hour before. Each says when, in
 * the reader's own time zone, and where to look; none says what the session is about.
 */
@Component
class AppointmentMail {

	/** Who a reminder goes to. */
	enum Recipient {

		CLIENT, THERAPIST

	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final Postbox postbox;

	private final PracticeSettings practice;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	AppointmentMail(Postbox postbox, PracticeSettings practice, AccountManagement accounts, JdbcClient jdbc,
			Clock clock) {
		this.postbox = postbox;
		this.practice = practice;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The two people an appointment brings together, with the zone each reads times in.
	 */
	record People(Person therapist, ZoneId therapistZone, @Nullable String guestName, @Nullable String guestEmail,
			ZoneId guestZone) {
	}

	Optional<People> people(Appointment appointment) {
		Optional<Person> therapist = this.accounts.find(appointment.therapist());
		if (therapist.isEmpty()) {
			return Optional.empty();
		}
		ZoneId therapistZone = this.accounts.zone(appointment.therapist());
		if (appointment.client() != null) {
			Optional<Person> client = this.accounts.find(appointment.client());
			return Optional.of(new People(therapist.get(), therapistZone, client.map(Person::displayName).orElse(null),
					client.map(Person::email).orElse(null), this.accounts.zone(appointment.client())));
		}
		String email = (appointment.consultation() != null)
				? this.jdbc.sql("SELECT email FROM consultation WHERE id = :id")
					.param("id", appointment.consultation().value())
					.query(String.class)
					.optional()
					.orElse(null)
				: null;
		return Optional
			.of(new People(therapist.get(), therapistZone, appointment.who(), email, this.practice.current().zone()));
	}

	/** A session was booked (or moved): the invitation to both. */
	void booked(Appointment session, int sequence, boolean moved) {
		people(session).ifPresent((people) -> {
			String practiceName = this.practice.current().name();
			byte[] ics = ics(session, people, sequence, false);
			List<Mail.Attachment> attachment = List
				.of(new Mail.Attachment("session.ics", CalendarInvitation.CONTENT_TYPE, ics));
			Duration length = Duration.between(session.start(), session.end());
			if (people.guestEmail() != null) {
				String when = when(session.start(), people.guestZone());
				this.postbox.send(new Mail(people.guestEmail(),
						(moved ? "Your session has moved to " : "Your session: ") + when, """
								Hello %s,

								Your session with %s of %s is %s%s (%d minutes).

								The attached file adds it to your calendar. The video link appears on your sessions \
								page 15 minutes before the start:
								%s
								""".formatted(people.guestName(), people.therapist().displayName(), practiceName,
								moved ? "now " : "", when, length.toMinutes(), link("/care/sessions")),
						attachment));
			}
			String when = when(session.start(), people.therapistZone());
			this.postbox
				.send(new Mail(people.therapist().email(),
						(moved ? "A session has moved to " : "Session booked: ") + when,
						"""
								Hello %s,

								%s %s a session with you %s (%d minutes).

								Your schedule:
								%s
								""".formatted(people.therapist().displayName(), people.guestName(),
								moved ? "moved" : "booked", when, length.toMinutes(), link("/care/schedule")),
						attachment));
		});
	}

	/** An appointment was cancelled: both are told, with the calendar entry taken out. */
	void cancelled(Appointment appointment, int sequence) {
		people(appointment).ifPresent((people) -> {
			byte[] ics = ics(appointment, people, sequence, true);
			List<Mail.Attachment> attachment = List
				.of(new Mail.Attachment("cancelled.ics", CalendarInvitation.CANCEL_CONTENT_TYPE, ics));
			String what = appointment.kind().label().toLowerCase(Locale.ENGLISH);
			if (people.guestEmail() != null) {
				String when = when(appointment.start(), people.guestZone());
				this.postbox.send(new Mail(people.guestEmail(), "Cancelled: your " + what + " " + when, """
						Hello %s,

						Your %s with %s of %s %s is cancelled. The attached file takes it out of your calendar.
						%s
						""".formatted(people.guestName(), what, people.therapist().displayName(),
						this.practice.current().name(), when,
						(appointment.client() != null) ? "\nTo book another time:\n" + link("/care/sessions") : ""),
						attachment));
			}
			String when = when(appointment.start(), people.therapistZone());
			this.postbox.send(new Mail(people.therapist().email(), "Cancelled: " + what + " " + when, """
					Hello %s,

					The %s with %s %s is cancelled. The time is open again.

					Your schedule:
					%s
					""".formatted(people.therapist().displayName(), what, people.guestName(), when,
					link("/care/schedule")), attachment));
		});
	}

	/**
	 * A reminder to one of the two, in his own time zone. Returns false when there is no
	 * one to send it to (no email given, an account gone).
	 */
	boolean reminder(Appointment appointment, Recipient recipient, Instant now) {
		Optional<People> found = people(appointment);
		if (found.isEmpty()) {
			return false;
		}
		People people = found.get();
		String what = (appointment.kind() == AppointmentKind.SESSION) ? "a session" : "a free consultation";
		if (recipient == Recipient.THERAPIST) {
			String when = relative(appointment.start(), people.therapistZone(), now);
			this.postbox.send(new Mail(people.therapist().email(), "Reminder: " + what + " " + when, """
					Hello %s,

					You have %s with %s %s.

					Your schedule:
					%s
					""".formatted(people.therapist().displayName(), what, people.guestName(), when,
					link("/care/schedule"))));
			return true;
		}
		if (people.guestEmail() == null) {
			return false;
		}
		String when = relative(appointment.start(), people.guestZone(), now);
		String where = (appointment.client() != null) ? """
				The video link appears on your sessions page 15 minutes before the start:
				%s
				""".formatted(link("/care/sessions")) : "We’ll reach you the way you asked.\n";
		this.postbox.send(new Mail(people.guestEmail(), "Reminder: " + what + " " + when, """
				Hello %s,

				You have %s with %s %s.

				%s""".formatted(people.guestName(), what, this.practice.current().name(), when, where)));
		return true;
	}

	private byte[] ics(Appointment appointment, People people, int sequence, boolean cancelled) {
		String practiceName = this.practice.current().name();
		String title = appointment.kind().label() + " · " + practiceName;
		String description = (appointment.client() != null)
				? "Your session at " + practiceName + ". The video link appears 15 minutes before: "
						+ link("/care/sessions")
				: "A free, no-obligation conversation with " + people.therapist().displayName() + " of " + practiceName
						+ ".";
		CalendarInvitation.Person guest = (people.guestEmail() != null)
				? new CalendarInvitation.Person(people.guestName(), people.guestEmail()) : null;
		// A consultation's calendar entry is the one its request's emails made (see
		// ConsultationMail), so that cancelling it here takes out the entry the visitor
		// has. Its sequence is the number the cancellation took from the request (see
		// Consultation#timeCancelled): above the invitation's, below any new time's.
		String uid = (appointment.consultation() != null)
				? "consultation-" + appointment.consultation().value() + "@steadfast"
				: "appointment-" + appointment.id() + "@steadfast";
		if (appointment.consultation() != null) {
			sequence = this.jdbc.sql("SELECT invitation_sequence FROM consultation WHERE id = :id")
				.param("id", appointment.consultation().value())
				.query(Integer.class)
				.optional()
				.map((next) -> next - 1)
				.orElse(sequence);
		}
		return CalendarInvitation.ics(uid, sequence, appointment.start(),
				Duration.between(appointment.start(), appointment.end()), people.therapistZone(), title, description,
				new CalendarInvitation.Person(people.therapist().displayName(), people.therapist().email()), guest,
				this.clock.instant(), cancelled);
	}

	/** "Tuesday 8 December at 18:00 (Central European Standard Time)". */
	static String when(Instant start, ZoneId zone) {
		return DAY.withZone(zone).format(start) + " at " + TIME.withZone(zone).format(start) + " ("
				+ zone.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + ")";
	}

	/**
	 * "today at 18:00", "tomorrow at 18:00" or "on Tuesday 8 December at 18:00", in the
	 * zone.
	 */
	static String relative(Instant start, ZoneId zone, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate day = LocalDate.ofInstant(start, zone);
		String date = day.equals(today) ? "today"
				: day.equals(today.plusDays(1)) ? "tomorrow" : "on " + DAY.withZone(zone).format(start);
		return date + " at " + TIME.withZone(zone).format(start);
	}

	private String link(String path) {
		return this.practice.current().baseUrl().replaceAll("/+$", "") + path;
	}

}
