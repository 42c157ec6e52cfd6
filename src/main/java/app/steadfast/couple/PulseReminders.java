package app.steadfast.couple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The weekly pulse reminder email, on the day each person chose, as that day begins where
 * he is (his own zone, across its clock changes), to both people of a linked couple once
 * both answered the private intake, and to a partner on her own once she answered hers
 * (her pulse is open without him). It goes out once per person and week whichever node
 * runs the job: the send is recorded first, under a primary key. No reminder goes to the
 * partner while her safety pause is on, and none once the week's pulse is answered. His
 * own reminder keeps coming during her pause, as it would if she simply shared nothing:
 * its stopping would tell him. The email carries a link, never clinical content.
 */
@Component
class PulseReminders {

	private static final Logger log = LoggerFactory.getLogger(PulseReminders.class);

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final Postbox postbox;

	private final Practice practice;

	private final Clock clock;

	private final ExactlyOnce once;

	PulseReminders(JdbcClient jdbc, AccountManagement accounts, Postbox postbox, Practice practice, Clock clock,
			ExactlyOnce once) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
		this.once = once;
	}

	/**
	 * Sends the reminders due now: each person's on his chosen day where he is, from his
	 * own midnight; returns how many this call sent.
	 */
	int sendDue() {
		Instant now = this.clock.instant();
		Map<UUID, DayOfWeek> chosen = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					SELECT p.id, COALESCE(d.day_of_week, 1) AS day_of_week FROM account p
					JOIN couple_link l ON (l.client_id = p.id OR l.partner_id = p.id) AND l.ended_at IS NULL
					JOIN couple_intake mine ON mine.account_id = p.id
					JOIN couple_intake theirs ON theirs.account_id = CASE WHEN l.client_id = p.id THEN l.partner_id ELSE l.client_id END
					JOIN couple_intake hers ON hers.account_id = l.partner_id
					LEFT JOIN pulse_day d ON d.account_id = p.id
					WHERE (p.id = l.client_id OR hers.safety_pause = FALSE)
					  AND COALESCE(d.day_of_week, 1) IN (:days)
					UNION
					SELECT p.id, COALESCE(d.day_of_week, 1) AS day_of_week FROM account p
					JOIN couple_intake hers ON hers.account_id = p.id
					LEFT JOIN pulse_day d ON d.account_id = p.id
					WHERE p.role = 'PARTNER' AND p.deactivated_at IS NULL AND hers.safety_pause = FALSE
					  AND NOT EXISTS (SELECT 1 FROM couple_link l
					                  WHERE (l.partner_id = p.id OR l.client_id = p.id) AND l.ended_at IS NULL)
					  AND COALESCE(d.day_of_week, 1) IN (:days)
					""")
			.param("days", weekdaysSomewhere(now))
			.query((rs) -> {
				chosen.put(rs.getObject("id", UUID.class), DayOfWeek.of(rs.getInt("day_of_week")));
			});
		Map<AccountId, ZoneId> zones = this.accounts.zones(chosen.keySet().stream().map(AccountId::new).toList());
		Map<UUID, LocalDate> due = new LinkedHashMap<>();
		chosen.forEach((person, day) -> {
			LocalDate today = LocalDate.ofInstant(now, zones.get(new AccountId(person)));
			if (today.getDayOfWeek() == day) {
				due.put(person, today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
			}
		});
		Set<List<Object>> done = done(due);
		int sent = 0;
		for (Map.Entry<UUID, LocalDate> person : due.entrySet()) {
			if (done.contains(List.of(person.getKey(), person.getValue()))) {
				continue;
			}
			sent += this.once.run(
					"INSERT INTO pulse_reminder_sent (account_id, week_start, sent_at) VALUES (:p, :week, :now)",
					Map.of("p", person.getKey(), "week", person.getValue(), "now", now.atOffset(ZoneOffset.UTC)),
					() -> remind(person.getKey())) ? 1 : 0;
		}
		return sent;
	}

	// Every zone is within UTC-12 and UTC+14, so these are the weekdays it is somewhere
	// now: a cheap first cut before each person's own day is read in his zone.
	private static List<Integer> weekdaysSomewhere(Instant now) {
		LocalDate earliest = LocalDate.ofInstant(now, ZoneOffset.ofHours(-12));
		LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.ofHours(14));
		return earliest.datesUntil(latest.plusDays(1)).map((d) -> d.getDayOfWeek().getValue()).toList();
	}

	/** Which of the people and weeks are answered or reminded already, in one query. */
	private Set<List<Object>> done(Map<UUID, LocalDate> due) {
		Set<List<Object>> done = new HashSet<>();
		if (due.isEmpty()) {
			return done;
		}
		this.jdbc
			.sql("""
					SELECT account_id, week_start FROM trust_pulse WHERE account_id IN (:people) AND week_start IN (:weeks)
					UNION
					SELECT account_id, week_start FROM pulse_reminder_sent WHERE account_id IN (:people) AND week_start IN (:weeks)
					""")
			.param("people", List.copyOf(due.keySet()))
			.param("weeks", due.values().stream().distinct().toList())
			.query((rs) -> {
				done.add(List.of(rs.getObject("account_id", UUID.class), rs.getObject("week_start", LocalDate.class)));
			});
		return done;
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
