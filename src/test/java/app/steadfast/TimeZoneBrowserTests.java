package app.steadfast;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentJobs;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Recurrence;
import app.steadfast.commitments.ReminderSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A man in Sydney and one in Los Angeles, each across his own clock change: in the
 * browser each sees the week that is his, turning at his own midnight, and the reminder
 * he set for 20:00 comes at 20:00 where he is on both sides of the change.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TimeZoneBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void eachSeesHisOwnMondayAndGetsHisReminderAtHisOwnEightPmAcrossHisClockChange() throws Exception {
		// Both made their promise on 1 October 2026, a daily one with a reminder at
		// 20:00.
		this.clock.set(Instant.parse("2026-10-01T12:00:00Z"));
		Person sydney = client(SYDNEY);
		Person losAngeles = client(LOS_ANGELES);

		// Sydney moved to summer time (UTC+10 to UTC+11) at 02:00 on Sunday 4 October
		// 2026: Monday 5 October begins at 13:00 UTC, an hour earlier than a week before.
		this.clock.set(Instant.parse("2026-10-04T12:59:00Z"));
		assertThat(weekShownTo(sydney)).isEqualTo("28 Sep 2026 (so far)");
		this.clock.set(Instant.parse("2026-10-04T13:00:00Z"));
		assertThat(weekShownTo(sydney)).isEqualTo("5 Oct 2026 (so far)");
		// The same moment is still Sunday morning in Los Angeles.
		assertThat(weekShownTo(losAngeles)).isEqualTo("28 Sep 2026 (so far)");
		// His reminder: 20:00 on Saturday was 10:00 UTC, on Sunday 09:00 UTC.
		assertThat(remindersAt(sydney, "2026-10-03T09:59:00Z")).isEmpty();
		assertThat(remindersAt(sydney, "2026-10-03T10:00:00Z")).singleElement()
			.satisfies((mail) -> assertThat(String.valueOf(mail.getContent())).contains("It's 20:00"));
		assertThat(remindersAt(sydney, "2026-10-04T08:59:00Z")).isEmpty();
		assertThat(remindersAt(sydney, "2026-10-04T09:00:00Z")).hasSize(1);

		// Los Angeles left summer time (UTC-7 to UTC-8) at 02:00 on Sunday 1 November
		// 2026: Monday 2 November begins at 08:00 UTC, an hour later than a week before.
		this.clock.set(Instant.parse("2026-11-02T07:59:00Z"));
		assertThat(weekShownTo(losAngeles)).isEqualTo("26 Oct 2026 (so far)");
		assertThat(weekShownTo(sydney)).as("Monday evening in Sydney").isEqualTo("2 Nov 2026 (so far)");
		this.clock.set(Instant.parse("2026-11-02T08:00:00Z"));
		assertThat(weekShownTo(losAngeles)).isEqualTo("2 Nov 2026 (so far)");
		// His reminder: 20:00 on Saturday was 03:00 UTC on Sunday, on Sunday 04:00 UTC
		// on Monday.
		assertThat(remindersAt(losAngeles, "2026-11-01T03:00:00Z")).singleElement()
			.satisfies((mail) -> assertThat(String.valueOf(mail.getContent())).contains("It's 20:00"));
		assertThat(remindersAt(losAngeles, "2026-11-02T03:59:00Z")).isEmpty();
		assertThat(remindersAt(losAngeles, "2026-11-02T04:00:00Z")).hasSize(1);

		// And his promises page gives the time he chose, in his own words of time.
		signIn(losAngeles);
		browser.open("/commitments");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Reminder at 20:00");
		browser.screenshot("375-los-angeles-commitments");
	}

	private Person client(ZoneId zone) {
		String email = "zone-" + UUID.randomUUID() + "@example.org";
		Person person = this.accounts.signUp(email, "Dev", TestPeople.PASSWORD, null);
		this.accounts.changeZone(person.id(), zone);
		this.commitments.changeSettings(person.id(), new ReminderSettings(true, false, LocalTime.of(7, 30), true));
		this.commitments.create(person.id(), new CommitmentDetails("Phone in the drawer at dinner", null,
				Recurrence.DAILY, Set.of(), null, null, null, null, LocalTime.of(20, 0), null));
		return person;
	}

	/** Signs him in afresh and reads the week his progress page says is under way. */
	private String weekShownTo(Person person) {
		signIn(person);
		browser.open("/insights");
		browser.find(By.cssSelector("details#feelings > summary")).click();
		String week = browser.find(By.xpath("//details[@id='feelings']//tbody/tr[last()]/th")).getText();
		browser.signOut();
		return week;
	}

	private void signIn(Person person) {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(person.email());
	}

	/** Runs the reminder job at the moment and returns the emails it sent him. */
	private List<MimeMessage> remindersAt(Person person, String moment) throws Exception {
		int before = smtp.getReceivedMessages().length;
		CommitmentJobs.sendDue(this.context, Instant.parse(moment));
		MimeMessage[] all = smtp.getReceivedMessages();
		List<MimeMessage> his = new ArrayList<>();
		for (MimeMessage mail : Arrays.copyOfRange(all, before, all.length)) {
			if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(person.email())) {
				his.add(mail);
			}
		}
		return his;
	}

}
