package app.steadfast.consultations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, moving and cancelling appointments, and the calendar invitations that tell
 * both people.
 * <p>
 * Two bookings of one time can never both succeed, on one node or several: every booking
 * of a therapist first locks his row ({@code SELECT ... FOR UPDATE}), so they take turns
 * and each sees the one before; and the database refuses a second booked appointment of
 * one therapist at one start (a unique index) whatever happens above it. The loser is
 * told the time was just taken ({@link SlotTaken}).
 */
@Component
class Bookings {

	private static final Logger log = LoggerFactory.getLogger(Bookings.class);

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final TherapistHours hours;

	private final TherapistOpenTimes open;

	private final BookedAppointments booked;

	private final BookingRules settings;

	private final ConsultationSettings consultationSettings;

	private final AppointmentMail mail;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	Bookings(JdbcClient jdbc, AccountManagement accounts, TherapistHours hours, TherapistOpenTimes open,
			BookedAppointments booked, BookingRules settings, ConsultationSettings consultationSettings,
			AppointmentMail mail, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.hours = hours;
		this.open = open;
		this.booked = booked;
		this.settings = settings;
		this.consultationSettings = consultationSettings;
		this.mail = mail;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
	}

	/** See {@link AppointmentManagement#book}. */
	Appointment book(AccountId client, Instant start) {
		AccountId therapist = this.open.activeTherapistOf(client).orElseThrow(NotFound::new);
		UUID id = UUID.randomUUID();
		Appointment made = this.transaction.execute((status) -> {
			lockAndCheck(therapist, start, this.settings.current().sessionLength(), null, "start");
			insert(id, therapist, client, null, AppointmentKind.SESSION, start,
					start.plus(this.settings.current().sessionLength()));
			return this.booked.find(id).orElseThrow();
		});
		afterCommit(() -> this.mail.booked(made, 0, false));
		return made;
	}

	/**
	 * Books a free consultation for a request at an open time of a therapist who takes
	 * them. Runs inside the caller's transaction, which stores the request with it; the
	 * caller sends the invitations once both are stored.
	 * @throws SlotTaken if the time is not open (any more)
	 */
	Instant bookConsultation(ConsultationId consultation, AccountId therapist, Instant start) {
		boolean takes = this.hours.room(therapist).map(TherapistHours.Room::takesConsultations).orElse(false)
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
	 * Holds the therapist's time for a free consultation that staff scheduled by hand in
	 * triage, inside the caller's transaction, so no one is offered it: the
	 * consultation's booked appointment moves there, or one is booked. Staff may choose a
	 * time outside his hours; it may not overlap anything else booked of his.
	 * @return false if something else booked of his overlaps the time
	 */
	boolean holdForConsultation(ConsultationId consultation, AccountId therapist, Instant start) {
		this.hours.ensureRoom(therapist);
		Instant end = start.plus(this.consultationSettings.length());
		try {
			this.jdbc.sql("SELECT therapist_id FROM therapist_room WHERE therapist_id = :t FOR UPDATE")
				.param("t", therapist.value())
				.query(UUID.class)
				.list();
		}
		catch (PessimisticLockingFailureException ex) {
			return false;
		}
		long clashes = this.jdbc.sql("""
				SELECT COUNT(*) FROM appointment WHERE therapist_id = :t AND status = 'BOOKED'
				AND starts_at < :e AND ends_at > :s AND (consultation_id IS NULL OR consultation_id <> :c)
				""")
			.param("t", therapist.value())
			.param("s", utc(start))
			.param("e", utc(end))
			.param("c", consultation.value())
			.query(Long.class)
			.single();
		if (clashes > 0) {
			return false;
		}
		try {
			int moved = this.jdbc.sql("""
					UPDATE appointment SET therapist_id = :t, starts_at = :s, ends_at = :e, held_start = :s,
					sequence_number = sequence_number + 1, changed_at = :now
					WHERE consultation_id = :c AND status = 'BOOKED'
					""")
				.param("t", therapist.value())
				.param("s", utc(start))
				.param("e", utc(end))
				.param("now", utc(this.clock.instant()))
				.param("c", consultation.value())
				.update();
			if (moved == 0) {
				insert(UUID.randomUUID(), therapist, null, consultation, AppointmentKind.CONSULTATION, start, end);
			}
		}
		catch (DataIntegrityViolationException | SlotTaken ex) {
			return false;
		}
		return true;
	}

	/**
	 * Frees the time a free consultation holds, inside the caller's transaction, once
	 * staff close it; a time already past stays on the record.
	 */
	void releaseConsultation(ConsultationId consultation) {
		this.jdbc.sql("""
				UPDATE appointment SET status = 'CANCELLED', held_start = NULL,
				sequence_number = sequence_number + 1, changed_at = :now
				WHERE consultation_id = :c AND status = 'BOOKED' AND starts_at > :now
				""").param("now", utc(this.clock.instant())).param("c", consultation.value()).update();
	}

	/** See {@link AppointmentManagement#move}. */
	Appointment move(AccountId client, UUID id, Instant start) {
		Appointment before = sessionOf(client, id);
		requireChangeable(before);
		AccountId therapist = this.open.activeTherapistOf(client)
			.filter(before.therapist()::equals)
			.orElseThrow(NotFound::new);
		Appointment moved = this.transaction.execute((status) -> {
			lockAndCheck(therapist, start, this.settings.current().sessionLength(), id, "start");
			int sequence = sequenceOf(id);
			try {
				this.jdbc.sql("""
						UPDATE appointment SET starts_at = :s, ends_at = :e, held_start = :s,
						sequence_number = :q, changed_at = :now WHERE id = :id AND status = 'BOOKED'
						""")
					.param("s", utc(start))
					.param("e", utc(start.plus(this.settings.current().sessionLength())))
					.param("q", sequence + 1)
					.param("now", utc(this.clock.instant()))
					.param("id", id)
					.update();
			}
			catch (DataIntegrityViolationException ex) {
				throw new SlotTaken("start");
			}
			return this.booked.find(id).orElseThrow();
		});
		int sequence = sequenceOf(id);
		afterCommit(() -> this.mail.booked(moved, sequence, true));
		return moved;
	}

	/** See {@link AppointmentManagement#cancel}. */
	void cancel(AccountId client, UUID id) {
		Appointment appointment = sessionOf(client, id);
		requireChangeable(appointment);
		cancelled(appointment);
	}

	/** See {@link AppointmentManagement#cancelByTherapist}. */
	void cancelByTherapist(AccountId therapist, UUID id) {
		Appointment appointment = this.booked.find(id)
			.filter((a) -> a.therapist().equals(therapist) && a.booked())
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
			return sequenceOf(appointment.id());
		});
		afterCommit(() -> this.mail.cancelled(appointment, sequence));
	}

	/** Whether the appointment may still be moved or cancelled online. */
	boolean changeable(Appointment appointment) {
		return appointment.booked()
				&& this.clock.instant().plus(this.settings.current().notice()).isBefore(appointment.start());
	}

	/**
	 * The client's own booked session.
	 * @throws NotFound for anyone else's, a cancelled one, or none
	 */
	Appointment sessionOf(AccountId client, UUID id) {
		return this.booked.find(id)
			.filter((a) -> a.kind() == AppointmentKind.SESSION && client.equals(a.client()) && a.booked())
			.orElseThrow(NotFound::new);
	}

	private void requireChangeable(Appointment appointment) {
		if (!changeable(appointment)) {
			throw new InvalidInput("start",
					"It starts in less than " + AppointmentManagement.noticeText(this.settings.current().notice())
							+ ", so it can’t be changed here any more. Write to your therapist instead.");
		}
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
		boolean offered = this.open.of(therapist, length, ignoring).stream().anyMatch((s) -> s.start().equals(start));
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

	private int sequenceOf(UUID id) {
		return this.jdbc.sql("SELECT sequence_number FROM appointment WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
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
		return BookedAppointments.utc(moment);
	}

}
