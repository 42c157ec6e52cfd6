package app.steadfast.consultations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.consultations.AppointmentMail.Recipient;
import app.steadfast.shared.ExactlyOnce;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reminders of each booked appointment, to both people: one a day before and one an hour
 * before, each claimed once per person and time ({@link ExactlyOnce}), so it goes out
 * once whichever node runs the job and however often. A reminder is skipped when the time
 * was booked or moved after its moment had come (the booking email said it all), and a
 * moved appointment is reminded of at its new time.
 */
@Component
class AppointmentReminders {

	private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);

	/** The reminders, and how long before the start each falls due. */
	enum Reminder {

		DAY(Duration.ofHours(24)), HOUR(Duration.ofHours(1));

		final Duration before;

		Reminder(Duration before) {
			this.before = before;
		}

	}

	private final JdbcClient jdbc;

	private final BookedAppointments appointments;

	private final AppointmentMail mail;

	private final ExactlyOnce once;

	AppointmentReminders(JdbcClient jdbc, BookedAppointments appointments, AppointmentMail mail, ExactlyOnce once) {
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.mail = mail;
		this.once = once;
	}

	/**
	 * Sends every reminder due at {@code now} that no run has sent; returns how many this
	 * call sent.
	 */
	int sendDue(Instant now) {
		List<Due> due = this.jdbc.sql("""
				SELECT id, starts_at, changed_at FROM appointment
				WHERE status = 'BOOKED' AND starts_at > :now AND starts_at <= :until ORDER BY starts_at
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("until", now.plus(Reminder.DAY.before).atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
		int sent = 0;
		for (Due appointment : due) {
			// The latest reminder due: a day before until the hour-before one takes over.
			Reminder reminder = now.isBefore(appointment.start().minus(Reminder.HOUR.before)) ? Reminder.DAY
					: Reminder.HOUR;
			if (appointment.changed().isAfter(appointment.start().minus(reminder.before))) {
				continue;
			}
			for (Recipient recipient : Recipient.values()) {
				boolean done = this.once.run("""
						INSERT INTO appointment_reminder (appointment_id, starts_at, reminder, recipient, sent_at)
						VALUES (:a, :s, :r, :p, :now)
						""",
						Map.of("a", appointment.id(), "s", appointment.start().atOffset(ZoneOffset.UTC), "r",
								reminder.name(), "p", recipient.name(), "now", now.atOffset(ZoneOffset.UTC)),
						() -> this.appointments.find(appointment.id())
							.filter(Appointment::booked)
							.filter((a) -> a.start().equals(appointment.start()))
							.map((a) -> this.mail.reminder(a, recipient, now))
							.orElse(false));
				sent += done ? 1 : 0;
			}
		}
		return sent;
	}

	private record Due(UUID id, Instant start, Instant changed) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> appointmentRemindersTask(AppointmentReminders reminders, java.time.Clock clock) {
			return Tasks.recurring("appointment-reminders", FixedDelay.of(Duration.ofMinutes(5)))
				.execute((instance, context) -> {
					int sent = reminders.sendDue(clock.instant());
					if (sent > 0) {
						log.info("Sent {} appointment reminders", sent);
					}
				});
		}

	}

}
