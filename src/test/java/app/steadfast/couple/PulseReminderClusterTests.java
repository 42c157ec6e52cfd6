package app.steadfast.couple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.steadfast.TestMail;
import app.steadfast.TestNodes;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Practice;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database send a due pulse reminder once, not twice, even
 * when both run the job at the same moment.
 */
@Tag("database")
class PulseReminderClusterTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void twoNodes() {
		nodeA = TestNodes.start("pulsecluster", "pulse-a", false);
		nodeB = TestNodes.start("pulsecluster", "pulse-b", false);
	}

	@AfterAll
	static void stop() {
		TestNodes.stop(nodeA, nodeB);
	}

	@Test
	void aDueReminderIsSentOnceAcrossTwoNodes() throws Exception {
		AccountManagement accounts = nodeA.getBean(AccountManagement.class);
		CoupleManagement couple = nodeA.getBean(CoupleManagement.class);
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		Person him = accounts.signUp(TestPeople.uniqueEmail("him"), "Him", TestPeople.PASSWORD, null);
		Person her = new TestPeople(accounts, jdbc,
				nodeA.getBean(org.springframework.security.core.userdetails.UserDetailsService.class))
			.withRole(app.steadfast.shared.Role.PARTNER);
		jdbc.sql(
				"INSERT INTO couple_link (id, client_id, partner_id, linked_at) VALUES (:id, :c, :p, CURRENT_TIMESTAMP)")
			.param("id", UUID.randomUUID())
			.param("c", him.id().value())
			.param("p", her.id().value())
			.update();
		couple.answerIntake(him.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		couple.answerIntake(her.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		PulseManagement pulse = nodeA.getBean(PulseManagement.class);
		var today = LocalDate.now(nodeA.getBean(java.time.Clock.class).withZone(nodeA.getBean(Practice.class).zone()))
			.getDayOfWeek();
		pulse.chooseReminderDay(him.id(), today);
		pulse.chooseReminderDay(her.id(), today);

		// Both nodes run the job at the same moment.
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> onA = both.submit(() -> {
				start.await();
				return nodeA.getBean(PulseReminders.class).sendDue();
			});
			Future<Integer> onB = both.submit(() -> {
				start.await();
				return nodeB.getBean(PulseReminders.class).sendDue();
			});
			start.countDown();
			assertThat(onA.get() + onB.get()).as("reminders sent by both nodes together").isEqualTo(2);
		}
		finally {
			both.shutdown();
		}
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(List.of(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString(),
				smtp.getReceivedMessages()[1].getAllRecipients()[0].toString()))
			.containsExactlyInAnyOrder(him.email(), her.email());
		assertThat(String.valueOf(smtp.getReceivedMessages()[0].getContent())).contains("/couple/pulse");

		// Running again, on either node, sends nothing more this week.
		assertThat(nodeB.getBean(PulseReminders.class).sendDue()).isZero();
		assertThat(nodeA.getBean(PulseReminders.class).sendDue()).isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

}
