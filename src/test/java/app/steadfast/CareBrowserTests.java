package app.steadfast;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * He shares his check-ins with his therapist; the therapist reviews them, writes a
 * session note and sets homework; he sees it on his home page and marks it done; the
 * therapist sees that. Every page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CareBrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	CheckInManagement checkins;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void theTherapistReviewsWritesANoteAndSetsHomeworkTheClientCompletesIt() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		Person client = people.client();
		this.consultations.reassign(admin.id(), client.id(), therapist.id());
		this.checkins.record(client.id(), new CheckInDetails(List.of("shame"), 7, BodyLocation.CHEST,
				"When she asked where I was on Friday", null, null, Instant.now().minusSeconds(120)), false);

		signIn(client.email());
		browser.open("/care/grants");
		browser.assertAccessible("what your therapist sees");
		submit("Share check-ins");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"your therapist can see this now"));
		browser.assertAccessible("grants, after sharing");
		signOut();

		signIn(therapist.email());
		browser.open("/care");
		browser.assertAccessible("caseload");
		browser.find(By.linkText(client.displayName())).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), client.displayName()));
		browser.assertAccessible("client page");
		browser.find(By.linkText("Check-ins and patterns")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
					"When she asked where I was on Friday"));
		browser.assertAccessible("shared check-ins");

		browser.open("/care/clients/" + client.id().value() + "/notes");
		browser.assertAccessible("session notes");
		browser.type(By.id("body"), "He named shame before defending. Talked about Friday.");
		browser.type(By.id("plan"), "Practise the pause next week.");
		submit("Save note");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Only you can read it"));
		browser.assertAccessible("session notes, with a note");

		browser.open("/care/clients/" + client.id().value());
		browser.find(By.cssSelector("input[name='kind'][value='TASK']")).click();
		browser.type(By.id("task"), "Name the feeling before you answer, once a day");
		submit("Set homework");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Homework set"));
		browser.assertAccessible("client page with homework");
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("instrument"))).selectByValue("GAD7");
		submit("Send questionnaire");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "GAD-7 sent"));
		browser.open("/care/alerts");
		browser.assertAccessible("alerts");
		signOut();

		signIn(client.email());
		assertThat(browser.find(By.tagName("main")).getText()).contains("Homework from your therapist");
		browser.assertAccessible("home with homework");
		browser.open("/care/homework");
		assertThat(browser.find(By.tagName("main")).getText())
			.contains("Name the feeling before you answer, once a day")
			.doesNotContain("He named shame");
		browser.assertAccessible("homework");
		browser.find(By.linkText("Fill in the GAD-7")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "GAD-7"));
		browser.assertAccessible("GAD-7 form");
		for (int i = 0; i < 7; i++) {
			browser.find(By.id("q" + i + "-" + ((i < 3) ? 2 : 1))).click();
		}
		submit("Send to my therapist");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Your answers went to your therapist"));
		submit("Mark done");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Marked done"));
		browser.open("/care/reads");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Check-ins", therapist.displayName());
		browser.assertAccessible("who saw what");
		signOut();

		signIn(therapist.email());
		browser.open("/care/clients/" + client.id().value());
		assertThat(browser.find(By.tagName("main")).getText()).contains("Name the feeling before you answer")
			.contains("10 of 21", "Moderate")
			.doesNotContain("Not yet");
		browser.assertAccessible("client page with scores");
		signOut();

		signIn(admin.email());
		browser.open("/admin/care");
		browser.assertAccessible("care access");
	}

	@Test
	void heWritesToHisTherapistWhoRepliesAndHeSeesTheReplyAndThatHisMessageWasRead() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		Person client = people.client();
		this.consultations.reassign(admin.id(), client.id(), therapist.id());
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));

		signIn(client.email());
		browser.openMenu();
		browser.find(By.linkText("Care")).click();
		browser.find(By.linkText("Messages with your therapist")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Messages with your therapist"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Messages are read on weekdays",
				"within 2 working days", "988");
		browser.assertAccessible("messages, before writing, at 375 px");
		submit("Send message");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("body-error"), "Write your message first"));
		browser.assertAccessible("messages, an empty message refused");
		browser.type(By.id("body"), "Friday was hard. Can we start there on Thursday?");
		submit("Send message");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Expect an answer by"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Not read yet");
		assertNoSidewaysScroll();
		signOut();

		signIn(therapist.email());
		browser.find(By.linkText("Open messages")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Messages"));
		browser.assertAccessible("inbox at 375 px");
		browser.find(By.linkText(client.displayName())).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
					"Friday was hard. Can we start there on Thursday?"));
		browser.assertAccessible("thread at 375 px");
		browser.type(By.id("body"), "Yes, we'll start with Friday.");
		submit("Send reply");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Sent."));
		assertNoSidewaysScroll();
		signOut();

		signIn(client.email());
		browser.find(By.linkText("Read it")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
					"Yes, we'll start with Friday."));
		assertThat(browser.find(By.cssSelector(".thread li.mine .receipt")).getText()).startsWith("Read ");
		browser.assertAccessible("messages with a reply at 375 px");
		assertNoSidewaysScroll();
	}

	private void assertNoSidewaysScroll() {
		assertThat((Boolean) browser
			.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
			.as("the page fits a 375 px phone")
			.isTrue();
	}

	private void signIn(String email) {
		browser.signIn(email);
	}

	private void signOut() {
		browser.signOut();
	}

	private void submit(String label) {
		browser.find(By.xpath("//main//form//button[normalize-space()='" + label + "']")).click();
	}

}
