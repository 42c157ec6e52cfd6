package app.steadfast;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client checks in on a phone-sized screen, uses "name it before you answer" from
 * another page, and looks at his calendar; every page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CheckInBrowserTests {

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
	void aCheckInOnAPhoneTheQuickFlowAndTheCalendar() {
		String email = "checkin-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(email, "Dev", TestPeople.PASSWORD, null);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
		browser.open("/login");
		browser.type(By.id("email"), email);
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/")));

		browser.open("/checkins/new");
		assertThat(browser.heading()).isEqualTo("What are you feeling?");
		browser.assertAccessible("check-in, words");
		browser.find(By.cssSelector("input[name='words'][value='shame']")).click();
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='intensity']")));
		browser.assertAccessible("check-in, details");
		browser.find(By.cssSelector("input[name='intensity'][value='6']")).click();
		browser.find(By.cssSelector("input[name='body'][value='CHEST']")).click();
		browser.type(By.id("trigger"), "A question about the weekend");
		browser.find(By.xpath("//main//button[normalize-space()='Save check-in']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/checkins")));
		assertThat(browser.find(By.cssSelector(".timeline")).getText()).contains("shame", "6/10",
				"A question about the weekend");
		long scrollWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
		long clientWidth = (Long) browser.script("return document.documentElement.clientWidth;");
		assertThat(scrollWidth).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(clientWidth);
		browser.assertAccessible("check-in history");

		browser.open("/accounts/password");
		try {
			java.nio.file.Files.write(java.nio.file.Path.of("target/shot-375.png"),
					((org.openqa.selenium.TakesScreenshot) browser.driver())
						.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		browser.find(By.linkText("Name it before you answer")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/checkins/quick"));
		browser.assertAccessible("quick flow");
		browser.find(By.cssSelector("input[name='body'][value='THROAT']")).click();
		// Fear's family starts folded: open it, as a person would.
		browser.find(By.xpath("//details[summary[normalize-space()='Fear']]/summary")).click();
		browser.find(By.cssSelector("input[name='word'][value='fear']")).click();
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "One slow breath"));
		browser.assertAccessible("breathing page");
		browser.find(By.linkText("Back to where I was")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/accounts/password")));

		browser.open("/checkins/calendar");
		assertThat(browser.heading()).startsWith("Check-in calendar");
		assertThat(browser.find(By.cssSelector("table.calendar")).getText()).contains("shame");
		browser.assertAccessible("calendar");
		browser.open("/checkins/summary?weeks=12");
		browser.assertAccessible("12-week summary");

		// His other daily pages, checked while he is signed in.
		for (String page : new String[] { "/checkins/journal", "/couple", "/commitments", "/commitments/new",
				"/commitments/reliability" }) {
			browser.open(page);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url(page));
			browser.assertAccessible(page);
		}
	}

	/**
	 * The words step is a grid of feelings, one tap per word, tinted by family with the
	 * same in words; definitions come on demand; and it all works with script turned off.
	 */
	@Test
	void theFeelingsGridTakesOneTapPerWordWithAndWithoutScript() {
		String email = "grid-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(email, "Dev", TestPeople.PASSWORD, null);
		browser.driver().manage().window().setSize(new Dimension(375, 812));
		browser.signIn(email);

		browser.open("/checkins/new");
		List<WebElement> families = browser.driver().findElements(By.cssSelector(".feelings-grid fieldset"));
		assertThat(families).hasSize(15);
		assertThat(families.get(0).getAttribute("class")).contains("quadrant-unpleasant-lower");
		assertThat(families.get(0).findElement(By.tagName("legend")).getText())
			.isEqualTo("Shame (unpleasant, less energy)");
		WebElement hurt = chip("hurt");
		WebElement definition = hurt.findElement(By.className("definition"));
		assertThat(definition.isDisplayed()).as("definitions wait until asked for").isFalse();
		browser.find(By.cssSelector(".show-definitions input")).click();
		assertThat(definition.isDisplayed()).isTrue();
		assertThat(definition.getText()).startsWith("pain from something someone said");
		browser.find(By.cssSelector(".show-definitions input")).click();

		// One tap on the word picks it, a second lets it go.
		hurt.findElement(By.className("chip-word")).click();
		assertThat(box("hurt").isSelected()).isTrue();
		hurt.findElement(By.className("chip-word")).click();
		assertThat(box("hurt").isSelected()).isFalse();
		chip("hurt").findElement(By.className("chip-word")).click();
		chip("hopeful").findElement(By.className("chip-word")).click();
		long scrollWidth = (Long) browser.script("return document.documentElement.scrollWidth;");
		long clientWidth = (Long) browser.script("return document.documentElement.clientWidth;");
		assertThat(scrollWidth).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(clientWidth);
		browser.assertAccessible("check-in, feelings grid");
		browser.screenshot("checkin-grid-375");
		browser.find(By.xpath("//main//button[normalize-space()='Next']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='primary']")));
		assertThat(browser.driver().findElements(By.cssSelector("input[name='primary']")))
			.extracting((radio) -> radio.getAttribute("value"))
			.containsExactly("hurt", "hopeful");

		// The same with script turned off, to the saved check-in.
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		try {
			browser.open("/checkins/new");
			chip("lonely").findElement(By.className("chip-word")).click();
			assertThat(box("lonely").isSelected()).isTrue();
			browser.find(By.xpath("//main//button[normalize-space()='Next']")).click();
			browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='intensity']")));
			browser.find(By.cssSelector("input[name='intensity'][value='4']")).click();
			browser.find(By.cssSelector("input[name='body'][value='STOMACH']")).click();
			browser.find(By.xpath("//main//button[normalize-space()='Save check-in']")).click();
			browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/checkins")));
			assertThat(browser.find(By.cssSelector(".timeline")).getText()).contains("lonely", "4/10");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		}
	}

	private static WebElement chip(String word) {
		return browser.find(By.xpath("//label[contains(@class,'chip')][input[@value='" + word + "']]"));
	}

	private static WebElement box(String word) {
		return browser.find(By.cssSelector("input[name='words'][value='" + word + "']"));
	}

}
