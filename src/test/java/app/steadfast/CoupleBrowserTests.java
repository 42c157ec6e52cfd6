package app.steadfast;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.accounts.AccountManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * He invites, she accepts from the email, answers the intake, shares her journal and a
 * pulse; he sees what she shared; she ends the link. Every page passes axe-core.
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
		browser.waiting().until(ExpectedConditions.urlContains("/login?joined"));

		browser.signIn(hers);
		browser.open("/couple/intake");
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
		browser.assertAccessible("couple page, linked");
		browser.open("/couple/pulse");
		browser.assertAccessible("pulse form");
		for (String item : new String[] { "COUNT_ON", "HONEST", "SAFE", "LISTENED", "HOPEFUL" }) {
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
