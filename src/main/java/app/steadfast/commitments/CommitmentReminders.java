package app.steadfast.commitments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
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
import org.springframework.stereotype.Component;

/**
 * Reminder emails at the time he chose on each due day he hasn't recorded yet, and the
 * optional daily digest. Each goes out once, whichever node runs the job: the send is
 * recorded first, under a primary key, in the same transaction that sends it. Times are
 * his local times, so a 20:00 reminder stays at 20:00 across a clock change. A reminder
 * more than {@link #LATE} behind (after an outage) is skipped rather than sent stale.
 * Emails name a commitment only if he allows it, and carry nothing else he wrote.
 */
@Component
class CommitmentReminders {

	/** How late a reminder may still go out. */
	static final Duration LATE = Duration.ofHours(3);

	private static final Logger log = LoggerFactory.getLogger(CommitmentReminders.class);

	private final CommitmentQueries queries;

	private final ExactlyOnce once;

	private final AccountManagement accounts;

	private final Postbox postbox;

	private final Practice practice;

	private final Clock clock;

	CommitmentReminders(CommitmentQueries queries, ExactlyOnce once, AccountManagement accounts, Postbox postbox,
			Practice practice, Clock clock) {
		this.queries = queries;
		this.once = once;
		this.accounts = accounts;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
	}

	/** Sends what is due now; returns how many emails this call sent. */
	int sendDue() {
		return sendDue(this.clock.instant());
	}

	int sendDue(Instant now) {
		int sent = 0;
		for (CommitmentQueries.DueReminder reminder : this.queries.remindersDue(now, LATE)) {
			sent += this.once.run(
					"INSERT INTO commitment_reminder_sent (commitment_id, due_date, sent_at) VALUES (:id, :day, :now)",
					claim(reminder.commitment(), reminder.date(), now), () -> remind(reminder)) ? 1 : 0;
		}
		for (CommitmentQueries.Digest digest : this.queries.digestsDue(now, LATE)) {
			sent += this.once.run(
					"INSERT INTO commitment_digest_sent (owner_id, local_date, sent_at) VALUES (:id, :day, :now)",
					claim(digest.owner().value(), digest.date(), now), () -> digest(digest)) ? 1 : 0;
		}
		return sent;
	}

	private static Map<String, Object> claim(UUID id, LocalDate day, Instant now) {
		return Map.of("id", id, "day", day, "now", now.atOffset(ZoneOffset.UTC));
	}

	private boolean remind(CommitmentQueries.DueReminder reminder) {
		Person person = this.accounts.find(reminder.owner()).orElse(null);
		if (person == null) {
			return false;
		}
		String what = (reminder.title() != null) ? "\u201c" + reminder.title() + "\u201d"
				: "one of your commitments (you chose not to have its words in emails)";
		this.postbox.send(new Mail(person.email(), "A reminder you asked for", """
				Hello %s,

				It's %s, the time you picked to be reminded of %s.

				Once it's done, or if it didn't happen today, note it honestly:
				%s

				You can change the time, or turn reminders off: %s
				""".formatted(person.displayName(), reminder.at(), what, link("/commitments"),
				link("/commitments/settings"))));
		return true;
	}

	private boolean digest(CommitmentQueries.Digest digest) {
		Person person = this.accounts.find(digest.owner()).orElse(null);
		if (person == null) {
			return false;
		}
		boolean named = digest.titles().stream().allMatch(java.util.Objects::nonNull);
		String list = named ? digest.titles().stream().map((t) -> "- " + t).collect(Collectors.joining("\n"))
				: (digest.titles().size() == 1) ? "One commitment is due today."
						: digest.titles().size() + " commitments are due today.";
		this.postbox.send(new Mail(person.email(), "Your commitments for today", """
				Hello %s,

				Here is what you said you'd do today:

				%s

				Small things, done again and again, are how trust comes back. Record each one here:
				%s

				You can change or stop this daily email: %s
				""".formatted(person.displayName(), list, link("/commitments"), link("/commitments/settings"))));
		return true;
	}

	private String link(String path) {
		return this.practice.baseUrl().replaceAll("/+$", "") + path;
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> commitmentReminderJob(CommitmentReminders reminders) {
			return Tasks.recurring("commitment-reminders", FixedDelay.of(Duration.ofMinutes(5)))
				.execute((instance, context) -> {
					int sent = reminders.sendDue();
					if (sent > 0) {
						log.info("Sent {} commitment reminder emails", sent);
					}
				});
		}

	}

}
