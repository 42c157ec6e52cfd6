package app.steadfast.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import app.steadfast.shared.AccountId;

import org.springframework.context.ApplicationContext;

/**
 * The commitments module's reminder job as tests outside the module drive it: a promise
 * with a reminder, and the job's run at a chosen moment on a chosen node.
 */
public final class CommitmentJobs {

	private CommitmentJobs() {
	}

	/**
	 * Gives him a promise for one day with a reminder at the given UTC time (no digest),
	 * written on the given node.
	 */
	public static void remindOnce(ApplicationContext node, AccountId him, String title, LocalDate day,
			LocalTime remindAt) {
		CommitmentManagement commitments = node.getBean(CommitmentManagement.class);
		commitments.changeSettings(him, new ReminderSettings(true, false, LocalTime.of(7, 0), true));
		commitments.create(him,
				new CommitmentDetails(title, null, Recurrence.ONCE, Set.of(), day, null, null, null, remindAt, null),
				day.minusDays(2));
	}

	/** Runs the reminder job on the node as if it were the given moment. */
	public static int sendDue(ApplicationContext node, Instant now) {
		return node.getBean(CommitmentReminders.class).sendDue(now);
	}

}
