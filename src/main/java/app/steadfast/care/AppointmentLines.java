package app.steadfast.care;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentKind;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Appointments as the session and schedule pages show them, in the viewer's own zone.
 */
@Component
class AppointmentLines {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final AppointmentManagement appointments;

	private final AccountManagement accounts;

	private final Clock clock;

	AppointmentLines(AppointmentManagement appointments, AccountManagement accounts, Clock clock) {
		this.appointments = appointments;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The appointment as the viewer reads it. */
	AppointmentLine view(Appointment a, AccountId viewer, ZoneId zone) {
		String opens = TIME.withZone(zone).format(a.start().minus(this.appointments.rules().linkOpens()));
		String href = (a.client() != null) ? "/care/clients/" + a.client().value()
				: (a.consultation() != null) ? "/consultations/" + a.consultation().value() : null;
		return new AppointmentLine(a.id(), when(a.start(), zone),
				TIME.withZone(zone).format(a.start()) + "–" + TIME.withZone(zone).format(a.end()), a.who(),
				(a.kind() == AppointmentKind.SESSION) ? "Session" : "Free consultation", href,
				this.appointments.changeable(a), a.start().isAfter(this.clock.instant()),
				this.appointments.videoLink(viewer, a).orElse(null), opens);
	}

	/** A day and a time in words, such as "Monday 7 December at 18:00". */
	static String when(Instant start, ZoneId zone) {
		return DAY.withZone(zone).format(start) + " at " + TIME.withZone(zone).format(start);
	}

	/** The signed-in person's own zone. */
	ZoneId zone(SignedIn person) {
		return (person.zone() != null) ? person.zone() : this.accounts.zone(person.account());
	}

	/**
	 * An appointment as a page shows it, in the viewer's zone.
	 *
	 * @param id names it
	 * @param when its day and start
	 * @param times its start and end
	 * @param who the person coming
	 * @param kind a session or a free consultation
	 * @param href the therapist's page of the person coming; null for a client
	 * @param changeable whether it may still be moved or cancelled online
	 * @param ahead whether it has yet to start
	 * @param videoLink the meeting-room address, only near the time
	 * @param linkOpens when the link appears
	 */
	record AppointmentLine(UUID id, String when, String times, String who, String kind, @Nullable String href,
			boolean changeable, boolean ahead, @Nullable String videoLink, String linkOpens) {
	}

}
