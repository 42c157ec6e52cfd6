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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * He prepares for a hard talk, opens the pause tool from his plan (the circle breathes;
 * with reduced motion a text count replaces it; offline it still switches pattern and
 * break time), logs three talks on one topic and sees the recurring-topic notice after
 * the third. Every page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversationBrowserTests {

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
	void prepareTakeAPauseLogAndSeeTheTopicComeBack() {
		String email = "talks-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(email, "Dev", TestPeople.PASSWORD, null);
		browser.open("/login");
		browser.type(By.id("email"), email);
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/")));

		browser.open("/conversations");
		browser.assertAccessible("conversations home");
		browser.find(By.linkText("Prepare for a talk")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/conversations/plans/new"));
		browser.assertAccessible("prepare form");
		// Without the essentials, each is named beside its field.
		submit("Save my plan");
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("validation-error")));
		browser.assertAccessible("prepare form with errors");
		browser.type(By.id("newTopic"), "Money");
		browser.type(By.id("about"), "The card statement I didn't mention");
		browser.find(By.cssSelector("input[name='wontSay'][value='EXPLAINING']")).click();
		browser.type(By.id("validation"), "It makes sense that you feel betrayed, because I hid it.");
		submit("Save my plan");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your plan: Money"));
		browser.assertAccessible("plan");

		browser.find(By.linkText("Open the pause tool")).click();
		browser.waiting().until(ExpectedConditions.urlMatches(".*/conversations/plans/[0-9a-f-]+/pause$"));
		String pause = browser.driver().getCurrentUrl();
		assertThat(browser.find(By.cssSelector(".pause-plan")).getText())
			.contains("It makes sense that you feel betrayed, because I hid it.");
		assertThat(browser.script("return getComputedStyle(document.querySelector('.pace-circle')).animationName"))
			.isEqualTo("pace-box");
		assertThat(browser.find(By.cssSelector(".pace-circle")).isDisplayed()).isTrue();
		assertThat(browser.find(By.cssSelector(".pace-count")).isDisplayed()).isFalse();
		String before = transform();
		browser.waiting().until((driver) -> !transform().equals(before));
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pace-phase"), "Hold"));
		browser.assertAccessible("pause tool");
		screenshot("target/conversations-pause.png");

		// Offline, everything on the page keeps working: it needs no further request.
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		try {
			browser.find(By.cssSelector("input[name='pattern'][value='FOUR_SIX']")).click();
			browser.waiting()
				.until((driver) -> "pace-four-six".equals(browser
					.script("return getComputedStyle(document.querySelector('.pace-circle')).animationName")));
			new Select(browser.find(By.id("minutes"))).selectByValue("45");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("break-length"), "45 minutes"));
			browser.script(
					"var at = arguments[0]; at.value = '21:30'; at.dispatchEvent(new Event('input', { bubbles: true }));",
					browser.find(By.id("at")));
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("break-until"), "21:30"));
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(pause);
		}
		finally {
			chrome.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		}

		// With reduced motion the circle gives way to a counted text.
		chrome.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
		try {
			browser.open(pause.replace(browser.url(""), "") + "?pattern=BOX");
			assertThat(browser.find(By.cssSelector(".pace-circle")).isDisplayed()).isFalse();
			assertThat(browser.find(By.cssSelector(".pace-count")).isDisplayed()).isTrue();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".pace-count"),
						"Breathe in · 2"));
			browser.assertAccessible("pause tool, reduced motion");
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		}

		// Without JavaScript the circle still breathes and the pattern is given in words.
		chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
		try {
			browser.open(pause.replace(browser.url(""), "") + "?pattern=FOUR_SIX");
			assertThat(browser.find(By.cssSelector(".pace-count")).getText())
				.isEqualTo("Breathe in for 4, then out slowly for 6. Repeat.");
			assertThat(browser.find(By.cssSelector(".pace-phase")).isDisplayed()).isFalse();
			assertThat(browser.find(By.cssSelector(".pace-count")).isDisplayed()).isTrue();
		}
		finally {
			chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
		}

		browser.open(pause.replace(browser.url(""), ""));
		browser.find(By.linkText("Back to your plan")).click();
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your plan"));
		for (int talk = 1; talk <= 3; talk++) {
			if (talk == 1) {
				browser.find(By.linkText("Log how it went")).click();
			}
			else {
				browser.open("/conversations/talks/new");
				new Select(browser.find(By.id("topic"))).selectByVisibleText("Money");
			}
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "How did the talk go?"));
			if (talk == 1) {
				browser.assertAccessible("log form");
			}
			browser.find(By.cssSelector("input[name='defensiveness'][value='" + (5 - talk) + "']")).click();
			browser.find(By.cssSelector("input[name='escalation'][value='SOMEWHAT']")).click();
			browser.find(By.cssSelector("input[name='breakTaken'][value='CAME_BACK']")).click();
			browser.type(By.id("helped"), "Saying the validation sentence out loud");
			submit("Save to my log");
			browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/conversations")));
			assertThat(browser.find(By.cssSelector("main .notice")).getText()).startsWith("Logged.");
			assertThat(browser.driver().findElements(By.cssSelector(".crisis-panel"))).isEmpty();
			if (talk < 3) {
				assertThat(browser.driver().findElements(By.cssSelector(".recurring"))).isEmpty();
			}
		}
		assertThat(browser.find(By.cssSelector(".recurring")).getText())
			.contains("This is the third talk about “Money” since");
		browser.assertAccessible("conversations home with a recurring topic");
		screenshot("target/conversations-home.png");

		for (String page : new String[] { "/conversations/topics", "/conversations/phrases", "/conversations/patterns",
				"/conversations/shared" }) {
			browser.open(page);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url(page));
			browser.assertAccessible(page);
		}
	}

	/** Kept under target/ for a person to look at; nothing compares it. */
	private static void screenshot(String path) {
		try {
			java.nio.file.Files.write(java.nio.file.Path.of(path),
					((org.openqa.selenium.TakesScreenshot) browser.driver())
						.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String transform() {
		return String
			.valueOf(browser.script("return getComputedStyle(document.querySelector('.pace-circle')).transform"));
	}

	private static void submit(String label) {
		browser.find(By.xpath("//main//button[normalize-space()='" + label + "']")).click();
	}

}
