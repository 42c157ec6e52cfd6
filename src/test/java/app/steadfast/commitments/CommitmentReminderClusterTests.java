package app.steadfast.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.steadfast.TestMail;
import app.steadfast.TestNodes;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database send a due commitment reminder and a digest once
 * each, not twice, even when both run the job at the same moment.
 */
@Tag("database")
class CommitmentReminderClusterTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void twoNodes() {
		nodeA = TestNodes.start("commitmentcluster", "commitments-a", false);
		nodeB = TestNodes.start("commitmentcluster", "commitments-b", false);
	}

	@AfterAll
	static void stop() {
		TestNodes.stop(nodeA, nodeB);
	}

	@Test
	void aDueReminderAndADigestAreSentOnceAcrossTwoNodes() throws Exception {
		Person him = nodeA.getBean(AccountManagement.class)
			.signUp(app.steadfast.TestPeople.uniqueEmail("him"), "Him", app.steadfast.TestPeople.PASSWORD, null);
		CommitmentManagement commitments = nodeA.getBean(CommitmentManagement.class);
		commitments.changeSettings(him.id(), new ReminderSettings(true, true, LocalTime.of(21, 0), true));
		commitments.create(him.id(), new CommitmentDetails("Home by seven or I call", null, Recurrence.DAILY, Set.of(),
				null, null, null, null, LocalTime.of(21, 0), null), LocalDate.of(2027, 5, 1));
		Instant due = Instant.parse("2027-05-03T21:00:30Z");

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> onA = both.submit(() -> {
				start.await();
				return nodeA.getBean(CommitmentReminders.class).sendDue(due);
			});
			Future<Integer> onB = both.submit(() -> {
				start.await();
				return nodeB.getBean(CommitmentReminders.class).sendDue(due);
			});
			start.countDown();
			assertThat(onA.get() + onB.get()).as("emails sent by both nodes together").isEqualTo(2);
		}
		finally {
			both.shutdown();
		}
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(java.util.Arrays.stream(smtp.getReceivedMessages()).map((m) -> {
			try {
				return m.getSubject();
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		})).containsExactlyInAnyOrder("A reminder you asked for", "Your commitments for today");

		assertThat(nodeB.getBean(CommitmentReminders.class).sendDue(due.plusSeconds(300))).isZero();
		assertThat(nodeA.getBean(CommitmentReminders.class).sendDue(due.plusSeconds(600))).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

}
