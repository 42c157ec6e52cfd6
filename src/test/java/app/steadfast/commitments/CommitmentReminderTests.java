package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminder and digest emails: at his local time, on due days he hasn't recorded, once
 * each, with the commitment's words only if he allows them.
 */
@SteadfastTest
class CommitmentReminderTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	CommitmentReminders reminders;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	Person him;

	@BeforeEach
	void client() {
		this.him = new TestPeople(this.accounts, this.jdbc, this.details).client();
	}

	@Test
	void aDailyEightPmReminderStaysAtEightPmLocalAcrossTheClockChange() throws Exception {
		this.accounts.changeZone(this.him.id(), BERLIN);
		this.commitments.changeSettings(this.him.id(), new ReminderSettings(true, false, LocalTime.of(7, 30), true));
		this.commitments.create(this.him.id(), daily("Phone in the drawer at dinner", LocalTime.of(20, 0)),
				LocalDate.of(2027, 3, 20));

		// Saturday 27 March 2027, winter time (UTC+1): 20:00 in Berlin is 19:00 UTC.
		assertThat(mailsAt("2027-03-27T18:59:00Z")).isEmpty();
		List<MimeMessage> saturday = mailsAt("2027-03-27T19:00:00Z");
		assertThat(saturday).hasSize(1);
		assertThat(saturday.get(0).getSubject()).isEqualTo("A reminder you asked for");
		assertThat(body(saturday.get(0))).contains("It's 20:00", "Phone in the drawer at dinner",
				"/commitments/settings");
		assertThat(mailsAt("2027-03-27T19:05:00Z")).as("sent once").isEmpty();

		// Sunday 28 March, summer time from 01:00 UTC (UTC+2): 20:00 in Berlin is 18:00
		// UTC.
		assertThat(mailsAt("2027-03-28T17:59:00Z")).isEmpty();
		assertThat(mailsAt("2027-03-28T18:00:00Z")).hasSize(1);
		assertThat(mailsAt("2027-03-28T19:00:00Z")).isEmpty();

		// And back in October: 20:00 is 19:00 UTC again from Sunday 31 October.
		assertThat(mailsAt("2027-10-30T18:00:00Z")).hasSize(1);
		assertThat(mailsAt("2027-10-31T18:00:00Z")).isEmpty();
		assertThat(mailsAt("2027-10-31T19:00:00Z")).hasSize(1);
	}

	@Test
	void noReminderForARecordedPausedOrStaleDayNorWhenTurnedOffAndNoWordsUnlessAllowed() throws Exception {
		this.commitments.changeSettings(this.him.id(), new ReminderSettings(true, false, LocalTime.of(7, 30), false));
		CommitmentId id = this.commitments.create(this.him.id(),
				daily("Call when I'm running late", LocalTime.of(8, 0)), LocalDate.of(2027, 4, 1));

		this.commitments.record(this.him.id(), id, LocalDate.of(2027, 4, 2), Outcome.KEPT, null, null,
				LocalDate.of(2027, 4, 2));
		assertThat(mailsAt("2027-04-02T08:00:00Z")).as("already recorded").isEmpty();

		List<MimeMessage> saturday = mailsAt("2027-04-03T08:00:00Z");
		assertThat(saturday).hasSize(1);
		assertThat(body(saturday.get(0))).doesNotContain("running late")
			.contains("you chose not to have its words in emails");
		assertThat(saturday.get(0).getSubject()).doesNotContain("running late");

		assertThat(mailsAt("2027-04-04T11:00:01Z")).as("more than three hours late").isEmpty();
		assertThat(mailsAt("2027-04-05T00:01:00Z")).as("not yet due").isEmpty();

		this.commitments.changeSettings(this.him.id(), new ReminderSettings(false, false, LocalTime.of(7, 30), false));
		assertThat(mailsAt("2027-04-05T08:00:00Z")).as("turned off").isEmpty();

		this.commitments.changeSettings(this.him.id(), new ReminderSettings(true, false, LocalTime.of(7, 30), false));
		this.commitments.pause(this.him.id(), id, LocalDate.of(2027, 4, 6));
		assertThat(mailsAt("2027-04-06T08:00:00Z")).as("paused").isEmpty();
		this.commitments.resume(this.him.id(), id, LocalDate.of(2027, 4, 7));
		assertThat(mailsAt("2027-04-07T08:00:00Z")).hasSize(1);

		this.commitments.remindAt(this.him.id(), id, null);
		assertThat(mailsAt("2027-04-08T08:00:00Z")).as("no reminder time").isEmpty();
	}

	@Test
	void theDailyDigestListsWhatIsDueThatDayOnce() throws Exception {
		this.commitments.changeSettings(this.him.id(), new ReminderSettings(false, true, LocalTime.of(7, 30), true));
		LocalDate start = LocalDate.of(2027, 4, 5);
		this.commitments.create(this.him.id(), daily("Say good morning before my phone", null), start);
		this.commitments.create(this.him.id(), new CommitmentDetails("Cook dinner on Tuesdays", null, Recurrence.WEEKLY,
				Set.of(DayOfWeek.TUESDAY), null, null), start);

		assertThat(mailsAt("2027-04-06T07:29:00Z")).isEmpty();
		List<MimeMessage> tuesday = mailsAt("2027-04-06T07:30:00Z");
		assertThat(tuesday).hasSize(1);
		assertThat(tuesday.get(0).getSubject()).isEqualTo("Your commitments for today");
		assertThat(body(tuesday.get(0))).contains("- Say good morning before my phone", "- Cook dinner on Tuesdays");
		assertThat(mailsAt("2027-04-06T07:40:00Z")).isEmpty();

		List<MimeMessage> wednesday = mailsAt("2027-04-07T07:30:00Z");
		assertThat(body(wednesday.get(0))).contains("Say good morning").doesNotContain("Cook dinner");

		this.commitments.changeSettings(this.him.id(), new ReminderSettings(false, true, LocalTime.of(7, 30), false));
		List<MimeMessage> thursday = mailsAt("2027-04-08T07:30:00Z");
		assertThat(body(thursday.get(0))).contains("One commitment is due today.").doesNotContain("Say good morning");
	}

	/** Runs the job at the moment and returns the emails it sent him. */
	private List<MimeMessage> mailsAt(String moment) throws MessagingException {
		int before = smtp.getReceivedMessages().length;
		this.reminders.sendDue(Instant.parse(moment));
		MimeMessage[] all = smtp.getReceivedMessages();
		List<MimeMessage> his = new java.util.ArrayList<>();
		for (MimeMessage mail : Arrays.copyOfRange(all, before, all.length)) {
			if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(this.him.email())) {
				his.add(mail);
			}
		}
		return his;
	}

	private static String body(MimeMessage mail) throws Exception {
		return String.valueOf(mail.getContent());
	}

	private static CommitmentDetails daily(String title, LocalTime remindAt) {
		return new CommitmentDetails(title, null, Recurrence.DAILY, Set.of(), null, null, null, null, remindAt, null);
	}

}
