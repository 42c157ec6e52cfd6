package app.steadfast;

import java.io.IOException;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At a phone's width: she turns the quiet signal on and writes what helps, he turns it on
 * and writes what he can offer, she taps the button on her Today, and he is led from his
 * Today to her list, says it helped a little, and finds it counted on his progress page.
 * Every page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QuietSignalBrowserTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoupleManagement couple;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

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
	void sheTapsOnceAndHeIsLedToWhatHelps() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person him = people.client();
		Person her = people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(him, her);

		browser.signIn(him.email());
		browser.open("/couple/reassurance");
		browser.assertAccessible("his quiet signal page, off");
		browser.submit("Turn it on");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Turned on."));
		browser.type(By.id("words"), "Sit with you for ten minutes");
		browser.submit("Add it");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Added to your list."));
		browser.signOut();

		browser.signIn(her.email());
		browser.open("/couple/reassurance");
		browser.submit("Turn it on");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Turned on."));
		browser.type(By.id("words"), "Tell me where you are");
		browser.submit("Add it");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Added to your list."));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Sit with you for ten minutes");
		browser.assertAccessible("her quiet signal page, on");
		browser.open("/");
		browser.assertAccessible("her Today with the button");
		// An apostrophe in the label: found with a quoted XPath literal of its own.
		browser.find(By.xpath("//main//form//button[normalize-space()=\"I'm struggling with it right now\"]")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/reassurance")));
		assertThat(browser.find(By.cssSelector("main .notice")).getText()).startsWith("Sent.");
		browser.signOut();

		browser.signIn(him.email());
		assertThat(browser.find(By.id("next-heading")).getText()).isEqualTo("Your partner sent you a quiet signal");
		browser.find(By.linkText("See what helps")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/couple/reassurance")));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Tell me where you are", "(new)");
		browser.assertAccessible("his quiet signal page, with her signal");
		browser.find(By.xpath("//main//form//button[starts-with(normalize-space(), 'A little')]")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "You said: A little"));
		browser.open("/insights");
		browser.find(By.cssSelector("#quiet-signals summary")).click();
		assertThat(browser.find(By.cssSelector("#quiet-signals .reading")).getText())
			.isEqualTo("Your partner sent you 1 quiet signal. Your partner hasn't said yet whether it helped.");
		browser.assertAccessible("his progress with the quiet signals");
		browser.signOut();
	}

}
