package app.steadfast;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone, the partner who was hurt signs up on her own, answers her private intake,
 * checks in, keeps a question for later and invites him; he joins from the email and sees
 * only what she chose to share, and her question once she sends it. Every page passes
 * axe-core at 375 px.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerOnHerOwnBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern CONFIRM = Pattern.compile("(/signup/confirm\\?token=[A-Za-z0-9_-]+)");

	private static final Pattern ACCEPT = Pattern.compile("(/couple/accept\\?token=[A-Za-z0-9_-]+)");

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
	}

	@AfterEach
	void wideAgain() {
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void sheStartsAloneChecksInInvitesHimAndHeSeesOnlyWhatSheShares() throws Exception {
		String hers = "alone-" + UUID.randomUUID() + "@example.org";
		String his = "invited-" + UUID.randomUUID() + "@example.org";

		browser.open("/signup");
		fitsNoExit("sign-up with both ways in");
		browser.type(By.id("email"), hers);
		browser.type(By.id("displayName"), "Robin");
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.find(By.id("path-hurt")).click();
		browser.submit("Create account");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/signup/sent")));
		browser.open(link(hers, CONFIRM));
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Create my account");
		// Signed in at once: her private intake comes first, with the quick exit.
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/intake")));
		fitsAPhone("her intake, first thing");
		assertThat(browser.find(By.cssSelector("form.quick-exit-bar button")).getText())
			.isEqualTo("Leave this site now");
		browser.type(By.id("brings"), "I found out in March.");
		browser.find(By.cssSelector("input[name='afraid'][value='NO']")).click();
		browser.find(By.cssSelector("input[name='harmed'][value='NO']")).click();
		browser.submit("Save my answers");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple")));
		fitsAPhone("her space, on her own");

		browser.open("/checkins/new");
		browser.find(By.cssSelector("input[name='words'][value='hurt']")).click();
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='intensity']")));
		browser.find(By.cssSelector("input[name='intensity'][value='7']")).click();
		browser.find(By.cssSelector("input[name='body'][value='CHEST']")).click();
		browser.type(By.id("trigger"), "A song in the car");
		browser.find(By.xpath("//main//button[normalize-space()='Save check-in']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/checkins")));
		browser.open("/checkins/journal");
		browser.type(By.id("body"), "Only I read this page.");
		browser.submit("Save entry");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Saved to your journal."));
		browser.open("/repair/kept");
		browser.type(By.id("question"), "Who else knew before I did?");
		browser.submit("Keep it");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Kept."));
		fitsAPhone("her questions, kept");
		browser.open("/");
		fitsAPhone("her Today, on her own");

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

		browser.open(link(his, ACCEPT));
		assertThat(browser.heading()).isEqualTo("Robin invited you");
		fitsNoExit("his invitation from her");
		browser.type(By.id("email"), his);
		browser.type(By.id("displayName"), "Alex");
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Create my account");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/intake")));
		browser.type(By.id("brings"), "I want to make this right.");
		browser.submit("Save my answers");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple")));
		assertThat(browser.find(By.tagName("main")).getText()).contains("You're linked with Robin.");
		browser.open("/checkins/shared");
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("A song in the car",
				"Only I read this page.");
		browser.signOut();

		browser.signIn(hers);
		browser.open("/couple");
		browser.submit("Share check-ins");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Shared."));
		fitsAPhone("her space, linked, check-ins shared");
		browser.open("/repair/kept");
		browser.submit("Send them to my partner");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/repair/questions")));
		browser.signOut();

		browser.signIn(his);
		browser.open("/checkins/shared");
		String shared = browser.find(By.tagName("main")).getText();
		assertThat(shared).contains("From Robin", "A song in the car").doesNotContain("Only I read this page.");
		browser.open("/repair/questions");
		assertThat(browser.find(By.tagName("main")).getText()).contains("Who else knew before I did?");
		fitsNoExit("what she shares, as he sees it");
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
