package app.steadfast;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.commitments.CommitmentJobs;
import app.steadfast.library.ArticleContent;
import app.steadfast.library.ArticleId;
import app.steadfast.library.ArticleManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole application nodes on one database, and one browser (one cookie jar) that goes
 * to either, as behind a load balancer without sticky sessions: what one node does with a
 * session, the other knows at once; a reminder goes out once; the sign-in throttle counts
 * failures on both nodes together.
 */
@Tag("database")
class TwoNodesTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static String a;

	static String b;

	@BeforeAll
	static void twoNodes() {
		nodeA = TestNodes.start("twonodes", "nodes-a", false);
		nodeB = TestNodes.start("twonodes", "nodes-b", false);
		a = WebClient.baseUrl(nodeA);
		b = WebClient.baseUrl(nodeB);
		assertThat(a).isNotEqualTo(b);
	}

	@AfterAll
	static void stop() {
		TestNodes.stop(nodeA, nodeB);
	}

	private static Person someone(String prefix) {
		return nodeA.getBean(AccountManagement.class)
			.signUp(TestPeople.uniqueEmail(prefix), "Two nodes", TestPeople.PASSWORD, null);
	}

	private static void assertSignedIn(WebClient browser, String node) {
		HttpResponse<String> page = browser.get(node + "/accounts/password");
		assertThat(page.statusCode()).as("a signed-in page on " + node).isEqualTo(200);
		assertThat(page.body()).contains("Change your password", "Sign out");
	}

	private static void assertSignedOut(WebClient browser, String node) {
		HttpResponse<String> page = browser.get(node + "/accounts/password");
		assertThat(page.statusCode()).as("a signed-in page on " + node).isEqualTo(302);
		assertThat(WebClient.location(page)).endsWith("/login");
	}

	/**
	 * Each node keeps the published library in memory: an edit, publication or withdrawal
	 * on one node shows on the other at its next read.
	 */
	@Test
	void anArticleChangedOnOneNodeShowsOnTheOtherAtOnce() {
		ArticleManagement onA = nodeA.getBean(ArticleManagement.class);
		ArticleManagement onB = nodeB.getBean(ArticleManagement.class);
		String slug = "two-nodes-" + System.nanoTime();
		assertThat(onB.published()).isNotNull();
		ArticleId id = onA.create(new ArticleContent(slug, "Written on one node", "Read on the other.",
				List.of("honesty"), null, null, "The practice", "First words."));
		assertThat(onB.read(slug)).isEmpty();
		onA.publish(id);
		assertThat(onB.read(slug)).hasValueSatisfying((view) -> assertThat(view.html()).contains("First words."));
		onA.revise(id, new ArticleContent(slug, "Written on one node", "Read on the other.", List.of("honesty"), null,
				null, "The practice", "Second words."));
		assertThat(onB.read(slug))
			.hasValueSatisfying((view) -> assertThat(view.html()).contains("Second words.").doesNotContain("First"));
		onA.unpublish(id);
		assertThat(onB.read(slug)).isEmpty();
		assertThat(onB.published()).noneMatch((article) -> article.slug().equals(slug));
	}

	@Test
	void aSignInOnOneNodeIsASignInOnTheOther() {
		Person him = someone("nodes-in");
		WebClient browser = new WebClient();
		assertSignedOut(browser, b);

		HttpResponse<String> signIn = browser.signIn(a, him.email(), TestPeople.PASSWORD);
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(WebClient.location(signIn)).doesNotContain("error");

		assertSignedIn(browser, b);
		assertSignedIn(browser, a);
		// A form read on one node posts on the other: the CSRF token lives in the shared
		// session.
		HttpResponse<String> saved = browser.post(b + "/accounts/password", "currentPassword", "not his password",
				"newPassword", "another-steady-river-77", "_csrf", browser.csrfFrom(a + "/accounts/password"));
		assertThat(saved.statusCode()).as("a form from A posted to B").isEqualTo(200);
		assertThat(saved.body()).contains("id=\"currentPassword-error\"");
	}

	@Test
	void aSignOutOnOneNodeEndsTheSessionOnTheOther() {
		Person him = someone("nodes-out");
		WebClient browser = new WebClient();
		assertThat(WebClient.location(browser.signIn(b, him.email(), TestPeople.PASSWORD))).doesNotContain("error");
		assertSignedIn(browser, a);

		HttpResponse<String> out = browser.post(a + "/logout", "_csrf", browser.csrfFrom(a + "/accounts/password"));
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(WebClient.location(out)).endsWith("/login?signedout");

		assertSignedOut(browser, b);
		assertSignedOut(browser, a);
	}

	@Test
	void aPasswordChangeOnOneNodeEndsHisOtherSessionsOnTheOther() {
		Person him = someone("nodes-password");
		WebClient laptop = new WebClient();
		WebClient phone = new WebClient();
		assertThat(WebClient.location(laptop.signIn(a, him.email(), TestPeople.PASSWORD))).doesNotContain("error");
		assertThat(WebClient.location(phone.signIn(b, him.email(), TestPeople.PASSWORD))).doesNotContain("error");
		assertSignedIn(phone, a);

		HttpResponse<String> changed = laptop.post(a + "/accounts/password", "currentPassword", TestPeople.PASSWORD,
				"newPassword", "another-steady-river-77", "_csrf", laptop.csrfFrom(b + "/accounts/password"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(WebClient.location(changed)).endsWith("/accounts/password");

		assertSignedOut(phone, b);
		assertSignedOut(phone, a);
		// The device that changed it stays signed in, on either node.
		assertThat(laptop.get(b + "/accounts/password").body()).contains("Your password is changed");
		assertSignedIn(laptop, a);
		assertThat(WebClient.location(phone.signIn(b, him.email(), TestPeople.PASSWORD))).endsWith("/login?error");
		assertThat(WebClient.location(phone.signIn(a, him.email(), "another-steady-river-77"))).doesNotContain("error");
		assertSignedIn(phone, b);
	}

	@Test
	void signInFailuresOnBothNodesCountTogether() {
		int limit = nodeA.getEnvironment().getProperty("steadfast.sign-in.max-failures-per-account", Integer.class, 5);
		assertThat(nodeB.getEnvironment().getProperty("steadfast.sign-in.max-failures-per-account", Integer.class, 5))
			.isEqualTo(limit);
		assertThat(limit).as("the throttle can be spread over two nodes").isGreaterThanOrEqualTo(2);

		// One short of the limit, spread over both nodes: the right password still works.
		Person near = someone("nodes-near");
		WebClient first = new WebClient();
		for (int i = 0; i < limit - 1; i++) {
			assertThat(WebClient.location(first.signIn((i % 2 == 0) ? a : b, near.email(), "wrong-" + i)))
				.endsWith("/login?error");
		}
		assertThat(WebClient.location(first.signIn(a, near.email(), TestPeople.PASSWORD))).doesNotContain("error");

		// The limit reached only when both nodes' failures are added up (neither node
		// alone saw that many): now even the right password fails, on either node.
		Person guessed = someone("nodes-guessed");
		WebClient guesser = new WebClient();
		int onA = 0;
		int onB = 0;
		for (int i = 0; i < limit; i++) {
			boolean useA = i % 2 == 0;
			assertThat(WebClient.location(guesser.signIn(useA ? a : b, guessed.email(), "wrong-" + i)))
				.endsWith("/login?error");
			onA += useA ? 1 : 0;
			onB += useA ? 0 : 1;
		}
		assertThat(onA).isLessThan(limit);
		assertThat(onB).isLessThan(limit);
		WebClient owner = new WebClient();
		assertThat(WebClient.location(owner.signIn(b, guessed.email(), TestPeople.PASSWORD))).endsWith("/login?error");
		assertThat(WebClient.location(owner.signIn(a, guessed.email(), TestPeople.PASSWORD))).endsWith("/login?error");
		assertSignedOut(owner, a);
	}

	@Test
	void aReminderDueOnceIsSentOnceByTwoNodes() throws Exception {
		Person him = someone("nodes-reminder");
		LocalDate day = LocalDate.of(2027, 6, 2);
		CommitmentJobs.remindOnce(nodeB, him.id(), "Call before I leave the office", day, LocalTime.of(17, 30));
		Instant due = Instant.parse("2027-06-02T17:30:20Z");
		int before = smtp.getReceivedMessages().length;

		// Three runs of the job on each node at the same moment.
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService runs = Executors.newFixedThreadPool(6);
		List<Future<Integer>> sent = new ArrayList<>();
		try {
			for (int i = 0; i < 6; i++) {
				ConfigurableApplicationContext node = (i % 2 == 0) ? nodeA : nodeB;
				sent.add(runs.submit(() -> {
					start.await();
					return CommitmentJobs.sendDue(node, due);
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> run : sent) {
				total += run.get();
			}
			assertThat(total).as("emails sent by six runs on two nodes").isEqualTo(1);
		}
		finally {
			runs.shutdown();
		}
		assertThat(CommitmentJobs.sendDue(nodeA, due.plusSeconds(300))).isZero();
		assertThat(CommitmentJobs.sendDue(nodeB, due.plusSeconds(600))).isZero();
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(before + 1);
		MimeMessage reminder = received[received.length - 1];
		assertThat(reminder.getSubject()).isEqualTo("A reminder you asked for");
		assertThat(reminder.getAllRecipients()[0].toString()).isEqualTo(him.email());
	}

}
