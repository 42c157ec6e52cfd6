package app.steadfast.repair;

import java.io.IOException;
import java.util.UUID;

import app.steadfast.Browser;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * He writes a statement, sees a flagged "but" as he types, rewrites it and shares it; his
 * partner reads it and responds, asks a question; he answers and later corrects; she sees
 * both texts. Every page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RepairBrowserTests {

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
	}

	@Test
	void heOwnsItSharesItSheRespondsAsksAndGetsAnAnswerOnRecord() {
		String his = "him-" + UUID.randomUUID() + "@example.org";
		Person client = this.accounts.signUp(his, "Marcus", TestPeople.PASSWORD, null);
		Person partner = new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(client, partner);

		signIn(his);
		browser.open("/repair");
		browser.assertAccessible("repair home");
		browser.open("/repair/statements/new");
		browser.type(By.id("whathappened"), "I'm sorry, but you were never home.");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-whathappened"),
					"A “but” that cancels the apology"));
		assertThat(browser.find(By.id("check-whathappened")).getText()).contains("Try instead:");
		browser.assertAccessible("statement editor with marks");
		browser.type(By.id("whathappened"), "I lied to you for eight months about where I was.");
		browser.type(By.id("responsibility"), "Nobody made me do it. I chose it.");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-responsibility"), "Ownership"));
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("excuse-check"),
					"No places to look at again"));
		assertThat(browser.find(By.id("check-whathappened")).getText()).doesNotContain("cancels the apology");
		submit("Save as a new version");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Saved as version 1"));
		browser.find(By.linkText("Version 1")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Version 1"));
		browser.assertAccessible("a version");
		submit("Share with my partner");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Shared with your partner"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Frozen.");
		signOut();

		signIn(partner.email());
		browser.open("/repair/shared");
		browser.assertAccessible("statements shared with her");
		browser.find(By.partialLinkText("From Marcus, version 1")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "From Marcus"));
		assertThat(browser.find(By.tagName("main")).getText())
			.contains("I lied to you for eight months about where I was.");
		browser.type(By.id("words"), "Thank you for saying it plainly. I need to know who knew.");
		submit("Send my response");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Your response is saved"));
		browser.assertAccessible("shared version with her response");
		browser.open("/repair/questions");
		browser.type(By.id("question-0"), "Who else knew?");
		submit("Ask");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Your question is asked."));
		browser.assertAccessible("her questions");
		signOut();

		signIn(his);
		browser.open("/repair/questions");
		browser.assertAccessible("his partner's questions");
		browser.find(By.linkText("Who else knew?")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Your partner asks"));
		assertThat(browser.find(By.linkText("Name it before you answer")).getAttribute("href"))
			.contains("/checkins/quick?back=/repair/questions/");
		browser.assertAccessible("a question to answer");
		browser.type(By.id("words"), "Only my brother.");
		submit("Answer");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Answered."));
		browser.type(By.id("correction"), "My brother knew, and so did my friend Tom. I left Tom out.");
		submit("Add a correction");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Correction added."));
		browser.assertAccessible("an answered and corrected question");
		signOut();

		signIn(partner.email());
		browser.open("/repair/questions");
		browser.find(By.linkText("Who else knew?")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "You asked"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Only my brother.", "Correction",
				"My brother knew, and so did my friend Tom.");
		browser.assertAccessible("her question with the correction");
	}

	@Test
	void onAPhoneEachFindingShowsRightUnderTheFieldHeIsTypingIn() {
		String his = "phone-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(his, "Dev", TestPeople.PASSWORD, null);
		signIn(his);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
		browser.open("/repair/statements/new");
		WebElement field = browser.find(By.id("regret"));
		// As a person would: the field he types in is in the middle of the screen.
		browser.script("arguments[0].scrollIntoView({block: 'center'});", field);
		field.sendKeys("Sorry if you were hurt.");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-regret"), "Conditional apology"));
		WebElement findings = browser.find(By.id("check-regret"));
		assertThat(findings.getText()).contains("Sorry if", "you were hurt.", "Try instead:",
				"apologise for their feelings");
		@SuppressWarnings("unchecked")
		java.util.Map<String, Number> at = (java.util.Map<String, Number>) browser.script("""
				const field = arguments[0].getBoundingClientRect();
				const findings = arguments[1].getBoundingClientRect();
				return {fieldBottom: field.bottom, top: findings.top, bottom: findings.bottom, left: findings.left,
					right: findings.right, height: window.innerHeight, width: window.innerWidth,
					pageWidth: document.documentElement.scrollWidth};
				""", field, findings);
		double top = at.get("top").doubleValue();
		assertThat(at.get("width").intValue()).isEqualTo(375);
		assertThat(top).as("the findings start right under the field")
			.isBetween(at.get("fieldBottom").doubleValue(), at.get("fieldBottom").doubleValue() + 24);
		assertThat(top).as("and on the screen, not far below it").isLessThan(at.get("height").doubleValue() - 40);
		assertThat(at.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
		assertThat(at.get("right").doubleValue()).as("nothing runs off the side").isLessThanOrEqualTo(375);
		assertThat(at.get("pageWidth").intValue()).as("no sideways scrolling").isLessThanOrEqualTo(375);
		assertThat(browser.find(By.id("excuse-check")).getText()).contains("1 place to look at again");
		browser.assertAccessible("statement editor on a phone, with a finding");

		// Saving never waits for the check.
		browser.type(By.id("whathappened"), "I lied to you about where I was.");
		submit("Save as a new version");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"The check marked 1 place to look at again."));
		assertThat(browser.find(By.id("check-regret")).getText()).contains("Conditional apology");
	}

	private void signIn(String email) {
		browser.open("/login");
		browser.type(By.id("email"), email);
		browser.type(By.id("password"), TestPeople.PASSWORD);
		submit("Sign in");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/")));
	}

	private void signOut() {
		browser.signOut();
	}

	private static void submit(String label) {
		browser.find(By.xpath("//main//form//button[normalize-space()='" + label + "']")).click();
	}

}
