package app.steadfast.couple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.ExactlyOnce;
import app.steadfast.shared.Mail;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;
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
 * The weekly pulse reminder email, on the day each person chose. It goes out once per
 * person and week whichever node runs the job: the send is recorded first, under a
 * primary key. No reminder goes to the partner while her safety pause is on, and none
 * once the week's pulse is answered. His own reminder keeps coming during her pause, as
 * it would if she simply shared nothing: its stopping would tell him. The email carries a
 * link, never clinical content.
 */
@Component
class PulseReminders {

	private static final Logger log = LoggerFactory.getLogger(PulseReminders.class);

	private final JdbcClient jdbc;

	private final PulseManagement pulse;

	private final AccountManagement accounts;

	private final Postbox postbox;

	private final Practice practice;

	private final Clock clock;

	private final ExactlyOnce once;

	PulseReminders(JdbcClient jdbc, PulseManagement pulse, AccountManagement accounts, Postbox postbox,
			Practice practice, Clock clock, ExactlyOnce once) {
		this.jdbc = jdbc;
		this.pulse = pulse;
		this.accounts = accounts;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
		this.once = once;
	}

	/** Sends the reminders due today; returns how many this call sent. */
	int sendDue() {
		LocalDate week = this.pulse.thisWeek();
		DayOfWeek today = LocalDate.now(this.clock.withZone(this.practice.zone())).getDayOfWeek();
		List<UUID> due = this.jdbc
			.sql("""
					SELECT p.id FROM account p
					JOIN couple_link l ON (l.client_id = p.id OR l.partner_id = p.id) AND l.ended_at IS NULL
					JOIN couple_intake mine ON mine.account_id = p.id
					JOIN couple_intake theirs ON theirs.account_id = CASE WHEN l.client_id = p.id THEN l.partner_id ELSE l.client_id END
					JOIN couple_intake hers ON hers.account_id = l.partner_id
					LEFT JOIN pulse_day d ON d.account_id = p.id
					WHERE (p.id = l.client_id OR hers.safety_pause = FALSE)
					  AND COALESCE(d.day_of_week, 1) = :today
					  AND NOT EXISTS (SELECT 1 FROM trust_pulse t WHERE t.account_id = p.id AND t.week_start = :week)
					  AND NOT EXISTS (SELECT 1 FROM pulse_reminder_sent s WHERE s.account_id = p.id AND s.week_start = :week)
					""")
			.param("today", today.getValue())
			.param("week", week)
			.query(UUID.class)
			.list();
		int sent = 0;
		for (UUID person : due) {
			sent += this.once.run(
					"INSERT INTO pulse_reminder_sent (account_id, week_start, sent_at) VALUES (:p, :week, :now)",
					Map.of("p", person, "week", week, "now", this.clock.instant().atOffset(ZoneOffset.UTC)),
					() -> remind(person)) ? 1 : 0;
		}
		return sent;
	}

	private boolean remind(UUID person) {
		this.accounts.find(new AccountId(person))
			.ifPresent((p) -> this.postbox.send(new Mail(p.email(), "Your weekly pulse", """
					Hello %s,

					It's the day you chose for your weekly pulse: five short statements, about a minute.

					%s

					You can change the day, or skip a week; nobody is keeping score.
					""".formatted(p.displayName(), this.practice.baseUrl().replaceAll("/+$", "") + "/couple/pulse"))));
		return true;
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> couplePulseReminders(PulseReminders reminders) {
			return Tasks.recurring("couple-pulse-reminders", FixedDelay.of(Duration.ofMinutes(30)))
				.execute((instance, context) -> {
					int sent = reminders.sendDue();
					if (sent > 0) {
						log.info("Sent {} weekly pulse reminders", sent);
					}
				});
		}

	}

}
