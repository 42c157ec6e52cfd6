package app.steadfast;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.PracticeSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * He invites, she accepts from the email, answers the intake, shares her journal and her
 * trust pulse and marks a week shared; he sees what she shared; she ends the link. Every
 * page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CoupleBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern LINK = Pattern.compile("(/couple/join\\?token=[A-Za-z0-9_-]+)");

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PracticeSettings settings;

	@Autowired
	CoupleManagement couple;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void heInvitesSheJoinsSharesAndEndsTheLink() throws Exception {
		String his = "him-" + UUID.randomUUID() + "@example.org";
		String hers = "her-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(his, "Marcus", TestPeople.PASSWORD, null);

		browser.signIn(his);
		browser.open("/couple");
		browser.assertAccessible("couple page before inviting");
		browser.type(By.id("email"), hers);
		browser.submit("Send the invitation");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Invitation sent"));
		answerIntake(false);
		browser.signOut();

		MimeMessage[] mails = smtp.getReceivedMessages();
		Matcher link = LINK.matcher(String.valueOf(mails[mails.length - 1].getContent()));
		assertThat(link.find()).isTrue();
		browser.open(link.group(1));
		assertThat(browser.heading()).isEqualTo("Marcus invited you");
		browser.assertAccessible("invitation page");
		browser.type(By.id("email"), hers);
		browser.type(By.id("displayName"), "Jordan");
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Create my account");
		// Signed in at once: her private intake is next.
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/intake")));
		browser.assertAccessible("partner intake");
		answerIntake(true);
		browser.open("/checkins/journal");
		browser.type(By.id("body"), "I need honesty more than apologies.");
		browser.submit("Save entry");
		// The form posts to the page it is on, so wait for the saved notice, not the
		// address.
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Saved to your journal."));
		browser.open("/couple");
		browser.submit("Share journal");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Shared."));
		browser.submit("Share trust pulse");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Shared."));
		browser.assertAccessible("couple page, linked");
		browser.open("/couple/pulse");
		browser.assertAccessible("pulse form");
		for (String item : new String[] { "countOn", "honest", "safe", "listened", "hopeful" }) {
			browser.find(By.cssSelector("input[name='" + item + "'][value='4']")).click();
		}
		browser.find(By.cssSelector("input[name='shared']")).click();
		browser.submit("Save this week");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/pulse/weeks")));
		browser.assertAccessible("pulse weeks");
		browser.signOut();

		browser.signIn(his);
		browser.open("/checkins/shared");
		assertThat(browser.find(By.tagName("main")).getText()).contains("From Jordan",
				"I need honesty more than apologies.");
		browser.assertAccessible("shared with him");
		browser.open("/couple/pulse/weeks");
		assertThat(browser.find(By.tagName("main")).getText()).contains("What your partner shared");
		browser.signOut();

		browser.signIn(hers);
		browser.open("/couple/reads");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Journal");
		browser.assertAccessible("who read what");
		browser.open("/couple");
		browser.submit("End the link");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"The link is ended."));
		assertThat(browser.find(By.tagName("main")).getText()).contains("You're not linked with anyone.");
	}

	/**
	 * Esc on her private intake: she is signed out, the intake is replaced in the history
	 * by the neutral page, and Back does not bring it back.
	 */
	@Test
	void escOnHerIntakeSignsHerOutAndReplacesThePage() {
		String hers = "her-" + UUID.randomUUID() + "@example.org";
		var partner = this.accounts.signUp(hers, "Jordan", TestPeople.PASSWORD, null);
		this.jdbc.sql("UPDATE account SET role = 'PARTNER' WHERE id = :id").param("id", partner.id().value()).update();
		// The neutral site, here this site's plain page: the test browser has no
		// internet.
		this.settings.put(PracticeSettings.QUICK_EXIT, browser.url("/leave"));
		try {
			browser.signIn(hers);
			browser.open("/couple");
			browser.open("/couple/intake");
			browser.assertAccessible("partner intake with the quick exit");
			assertThat(browser.find(By.cssSelector("form.quick-exit-bar button")).getText())
				.isEqualTo("Leave this site now");
			browser.type(By.id("brings"), "I am afraid of what happens if he sees this.");
			long entries = (Long) browser.script("return history.length;");
			String session = browser.driver().manage().getCookieNamed("STEADFAST_SESSION").getValue();

			browser.find(By.id("brings")).sendKeys(Keys.ESCAPE);

			browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/leave")));
			browser.waiting().until((driver) -> sessions(session) == 0);
			assertThat((Long) browser.script("return history.length;")).as("replaced, not added").isEqualTo(entries);
			assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("Steadfast", "afraid");
			browser.driver().navigate().back();
			// Back reaches the page before the intake, which now asks to sign in.
			browser.waiting().until(ExpectedConditions.urlContains("/login"));
			browser.open("/couple/intake");
			browser.waiting().until(ExpectedConditions.urlContains("/login"));
		}
		finally {
			this.settings.put(PracticeSettings.QUICK_EXIT, null);
		}
	}

	/**
	 * Her pages during her safety pause, on a phone: what she writes to him is kept and
	 * she is told so beside it; the quick exit is there; nothing scrolls sideways;
	 * axe-core finds nothing.
	 */
	@Test
	void herPagesDuringThePauseReadWellOnAPhone() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, null);
		var him = people.client();
		var her = people.withRole(Role.PARTNER);
		TestCouples couples = new TestCouples(this.jdbc, this.couple);
		couples.link(him, her);
		couples.pause(her, true);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
		try {
			browser.signIn(her.email());
			browser.open("/repair/questions");
			browser.type(By.id("question-0"), "Who else knew about it while I did not?");
			browser.submit("Keep it for later");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
						"sent to your partner only when the pause ends"));
			fitsAPhone("her questions, one held");
			browser.open("/couple");
			browser.type(By.id("ownWords"), "Tell me when you will be late, before you are.");
			browser.submit("Send to my partner");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
						"Not sent yet: your partner receives it when the pause ends"));
			fitsAPhone("her couple page, one request held");
			browser.open("/couple/intake");
			fitsAPhone("her intake");
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private static void fitsAPhone(String page) {
		assertThat(browser.find(By.cssSelector("form.quick-exit-bar button")).isDisplayed()).as(page).isTrue();
		long scrollWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
		long clientWidth = (Long) browser.script("return document.documentElement.clientWidth;");
		assertThat(scrollWidth).as("%s: no sideways scrolling at 375 px", page).isLessThanOrEqualTo(clientWidth);
		browser.assertAccessible(page + " at 375 px");
	}

	private long sessions(String cookie) {
		String id = new String(java.util.Base64.getDecoder().decode(cookie));
		return this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private void answerIntake(boolean partner) {
		browser.open("/couple/intake");
		browser.type(By.id("brings"), "We want to find our way back.");
		if (partner) {
			browser.find(By.cssSelector("input[name='afraid'][value='NO']")).click();
			browser.find(By.cssSelector("input[name='harmed'][value='NO']")).click();
		}
		browser.submit("Save my answers");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple")));
	}

}
