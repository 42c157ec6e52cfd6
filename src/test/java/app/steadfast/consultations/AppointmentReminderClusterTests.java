package app.steadfast.consultations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.steadfast.TestMail;
import app.steadfast.TestNodes;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database remind both people of a session a day and an hour
 * before, once each, even when both run the job at the same moment; each reminder says
 * the time on the reader's own clock and nothing about the session's content.
 */
@Tag("database")
class AppointmentReminderClusterTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void twoNodes() {
		nodeA = TestNodes.start("appointmentcluster", "appointments-a", false);
		nodeB = TestNodes.start("appointmentcluster", "appointments-b", false);
	}

	@AfterAll
	static void stop() {
		TestNodes.stop(nodeA, nodeB);
	}

	@Test
	void aDayAndAnHourBeforeEachOfTheTwoGetsOneReminderAcrossTwoNodes() throws Exception {
		AccountManagement accounts = nodeA.getBean(AccountManagement.class);
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		Person therapist = accounts.signUp(TestPeople.uniqueEmail("therapist"), "Dr Rivera", TestPeople.PASSWORD, null);
		jdbc.sql("UPDATE account SET role = 'THERAPIST' WHERE id = :id").param("id", therapist.id().value()).update();
		Person admin = accounts.signUp(TestPeople.uniqueEmail("admin"), "Admin", TestPeople.PASSWORD, null);
		jdbc.sql("UPDATE account SET role = 'ADMIN' WHERE id = :id").param("id", admin.id().value()).update();
		Person client = accounts.signUp(TestPeople.uniqueEmail("client"), "Sam", TestPeople.PASSWORD, null);
		ZoneId his = ZoneId.of("America/Chicago");
		ZoneId hers = ZoneId.of("Europe/London");
		accounts.changeZone(client.id(), his);
		accounts.changeZone(therapist.id(), hers);
		nodeA.getBean(ConsultationManagement.class).reassign(admin.id(), client.id(), therapist.id());
		AppointmentManagement appointments = nodeA.getBean(AppointmentManagement.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			appointments.addHours(therapist.id(), day, LocalTime.of(9, 0), LocalTime.of(21, 0));
		}
		Appointment session = appointments.book(client.id(),
				appointments.openSessionTimes(client.id(), null).get(0).start());
		TestMail.awaitSubject(smtp, client.email(), "Your session: ");
		TestMail.awaitSubject(smtp, therapist.email(), "Session booked: ");

		Instant start = session.start();
		// Not yet: 25 hours before.
		assertThat(bothAt(start.minus(Duration.ofHours(25)))).isZero();
		// A day before: one reminder to each of the two, from whichever node.
		assertThat(bothAt(start.minus(Duration.ofHours(24)).plusSeconds(30))).isEqualTo(2);
		assertThat(bothAt(start.minus(Duration.ofHours(20)))).isZero();
		// An hour before: one more to each.
		assertThat(bothAt(start.minus(Duration.ofMinutes(58)))).isEqualTo(2);
		assertThat(bothAt(start.minus(Duration.ofMinutes(30)))).isZero();
		assertThat(bothAt(start.plusSeconds(60))).isZero();

		List<MimeMessage> reminders = Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
			try {
				return m.getSubject().startsWith("Reminder: ");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(reminders).hasSize(4);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
		String hisTime = time.withZone(his).format(start);
		String herTime = time.withZone(hers).format(start);
		List<String> toHim = texts(reminders, client.email());
		assertThat(toHim).hasSize(2);
		assertThat(toHim.get(0)).contains("You have a session with Madrega Wellness tomorrow at " + hisTime,
				"/care/sessions");
		assertThat(toHim.get(1)).contains("You have a session with Madrega Wellness today at " + hisTime);
		List<String> toHer = texts(reminders, therapist.email());
		assertThat(toHer).hasSize(2);
		assertThat(toHer.get(0)).contains("You have a session with Sam tomorrow at " + herTime, "/care/schedule");
		assertThat(String.join("\n", toHim) + String.join("\n", toHer)).doesNotContainIgnoringCase("therapy goal")
			.doesNotContain("PHQ", "GAD", "notes");
	}

	/** Both nodes run the job at once; returns how many emails they sent together. */
	private static int bothAt(Instant now) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> onA = both.submit(() -> {
				go.await();
				return nodeA.getBean(AppointmentReminders.class).sendDue(now);
			});
			Future<Integer> onB = both.submit(() -> {
				go.await();
				return nodeB.getBean(AppointmentReminders.class).sendDue(now);
			});
			go.countDown();
			return onA.get() + onB.get();
		}
		finally {
			both.shutdown();
		}
	}

	private static List<String> texts(List<MimeMessage> messages, String address) {
		return messages.stream().filter((m) -> TestMail.recipient(m).equals(address)).map((m) -> {
			try {
				return m.getSubject() + "\n" + m.getContent();
			}
			catch (MessagingException | java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
