package app.steadfast;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.shared.PracticeSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Her whole way, on a phone, as the partner who was hurt walks it: she signs up alone,
 * says in her private intake that she is afraid and is shown the safety page, leaves with
 * the quick exit and is signed out; she comes back, reviews her intake, walks a step of
 * her path and answers it, writes in her journal, keeps a question for later and invites
 * him. He joins from the email and sees only what she chose to share: her journal once
 * she shares it, her question once she sends it, never her answer on her path. Every page
 * of hers passes axe-core at 375 px without sideways scrolling.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HerWholeWayBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern CONFIRM = Pattern.compile("(/signup/confirm\\?token=[A-Za-z0-9_-]+)");

	private static final Pattern ACCEPT = Pattern.compile("(/couple/accept\\?token=[A-Za-z0-9_-]+)");

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	PracticeSettings settings;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
		// The neutral site, here this site's plain page: the test browser has no
		// internet.
		this.settings.put(PracticeSettings.QUICK_EXIT, browser.url("/leave"));
	}

	@AfterEach
	void wideAgain() {
		this.settings.put(PracticeSettings.QUICK_EXIT, null);
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void sheStartsAloneIsKeptSafeWalksHerPathInvitesHimAndHeSeesOnlyWhatSheShares() throws Exception {
		String hers = "her-way-" + UUID.randomUUID() + "@example.org";
		String his = "his-way-" + UUID.randomUUID() + "@example.org";
		String pathAnswer = "I stopped trusting my own memory " + UUID.randomUUID();
		String journalEntry = "A good walk by the river today " + UUID.randomUUID();
		String question = "When did it start? " + UUID.randomUUID();

		// She signs up on her own, as the one who was hurt, and follows the emailed link.
		browser.open("/signup");
		fitsNoExit("sign-up");
		browser.type(By.id("email"), hers);
		browser.type(By.id("displayName"), "Sam");
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.find(By.id("path-hurt")).click();
		browser.submit("Create account");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/signup/sent")));
		browser.open(link(hers, CONFIRM));
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Create my account");

		// Her private intake comes first; a "yes" to being afraid shows the safety page.
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/intake")));
		fitsAPhone("her intake");
		browser.type(By.id("brings"), "I found messages last month.");
		browser.find(By.cssSelector("input[name='afraid'][value='YES']")).click();
		browser.find(By.cssSelector("input[name='harmed'][value='NO']")).click();
		browser.submit("Save my answers");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/safety")));
		assertThat(browser.heading()).isEqualTo("Your safety comes first");
		fitsAPhone("the safety page");

		// The quick exit signs her out and leaves for the neutral page.
		browser.find(By.cssSelector("form.quick-exit-bar button")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/leave")));
		assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("Steadfast", "safety");
		browser.open("/couple");
		browser.waiting().until(ExpectedConditions.urlContains("/login"));

		// She comes back later, signs in where the exit left her, and reviews her intake.
		browser.type(By.id("email"), hers);
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Sign in");
		browser.waiting().until(ExpectedConditions.urlContains("/couple"));
		browser.open("/");
		fitsAPhone("her Today");
		browser.open("/couple/intake");
		browser.find(By.cssSelector("input[name='afraid'][value='NO']")).click();
		browser.submit("Save my answers");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple")));
		fitsAPhone("her space, on her own");

		// Her path: the first step, its question answered and kept in her journal.
		browser.find(By.linkText("Open your path")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/path")));
		fitsAPhone("her path");
		browser.find(By.partialLinkText("Start with step 1")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/path/"));
		assertThat(browser.find(By.cssSelector("main .series-label")).getText()).isEqualToIgnoringCase("Step 1 of 6");
		fitsAPhone("a step of her path");
		browser.type(By.id("body"), pathAnswer);
		browser.submit("Keep my answer");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "You answered this"));
		fitsAPhone("a step of her path, answered");
		browser.open("/path");
		assertThat(browser.find(By.tagName("main")).getText()).contains("1 of 6 done");

		browser.open("/checkins/journal");
		assertThat(browser.find(By.tagName("main")).getText()).contains(pathAnswer);
		browser.type(By.id("body"), journalEntry);
		browser.submit("Save entry");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Saved to your journal."));
		fitsAPhone("her journal");

		// A question kept until he is there.
		browser.open("/repair/kept");
		browser.type(By.id("question"), question);
		browser.submit("Keep it");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Kept."));
		fitsAPhone("her questions, kept");

		// She invites him.
		browser.open("/couple");
		browser.find(By.linkText("Invite your partner")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/invitation")));
		fitsAPhone("her invitation");
		browser.type(By.id("email"), his);
		browser.submit("Send the invitation");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Invitation sent"));
		browser.signOut();

		// He accepts by signing up through the invitation; nothing of hers is shared yet.
		browser.open(link(his, ACCEPT));
		assertThat(browser.heading()).isEqualTo("Sam invited you");
		browser.type(By.id("email"), his);
		browser.type(By.id("displayName"), "Kai");
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Create my account");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/intake")));
		browser.type(By.id("brings"), "I want to earn it back.");
		browser.submit("Save my answers");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple")));
		assertThat(browser.find(By.tagName("main")).getText()).contains("You're linked with Sam.");
		browser.open("/checkins/shared");
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(journalEntry, pathAnswer);
		browser.open("/repair/questions");
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(question);
		browser.signOut();

		// She shares her journal and sends her kept question.
		browser.signIn(hers);
		browser.open("/couple");
		browser.submit("Share journal");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Shared."));
		fitsAPhone("her space, linked, journal shared");
		browser.open("/repair/kept");
		browser.submit("Send them to my partner");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/repair/questions")));
		fitsAPhone("her questions, sent");
		browser.signOut();

		// He sees her journal and her question; her answer on her path stays hers.
		browser.signIn(his);
		browser.open("/checkins/shared");
		assertThat(browser.find(By.tagName("main")).getText()).contains("From Sam", journalEntry)
			.doesNotContain(pathAnswer);
		browser.open("/repair/questions");
		assertThat(browser.find(By.tagName("main")).getText()).contains(question);
		browser.open("/path");
		assertThat(browser.find(By.tagName("body")).getText()).doesNotContain(pathAnswer, "Your path");
		browser.signOut();
	}

	private static String link(String to, Pattern pattern) throws Exception {
		MimeMessage mail = TestMail.awaitTo(smtp, to);
		Matcher link = pattern.matcher(String.valueOf(mail.getContent()));
		assertThat(link.find()).as("a link in the email to " + to).isTrue();
		return link.group(1);
	}

	private static void fitsAPhone(String page) {
		assertThat(browser.find(By.cssSelector("form.quick-exit-bar button")).isDisplayed()).as(page).isTrue();
		fitsNoExit(page);
	}

	private static void fitsNoExit(String page) {
		long scrollWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
		long clientWidth = (Long) browser.script("return document.documentElement.clientWidth;");
		assertThat(scrollWidth).as("%s: no sideways scrolling at 375 px", page).isLessThanOrEqualTo(clientWidth);
		browser.assertAccessible(page + " at 375 px");
	}

}
