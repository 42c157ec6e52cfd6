package app.steadfast;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A free consultation in a real browser (headless Chromium): a visitor asks for one,
 * fixing one mistake on the way, and sees what happens next; a therapist signs in, finds
 * the request in the inbox and schedules it. Every page visited is checked with axe-core
 * and must have no serious or critical accessibility violation.
 */
@EnabledIf(value = "browserInstalledOrOnCi", disabledReason = SignUpJourneyBrowserTests.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationJourneyBrowserTests {

	private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

	private static WebDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	static boolean browserInstalledOrOnCi() {
		return SignUpJourneyBrowserTests.browserInstalledOrOnCi();
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		if (!new File(SignUpJourneyBrowserTests.CHROMIUM).canExecute()
				|| !new File(SignUpJourneyBrowserTests.CHROMEDRIVER).canExecute()) {
			fail(SignUpJourneyBrowserTests.MISSING);
		}
		System.setProperty("webdriver.chrome.driver", SignUpJourneyBrowserTests.CHROMEDRIVER);
		Files.createDirectories(Path.of("target"));
		Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(SignUpJourneyBrowserTests.CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		// An explicit driver executable and browser binary: Selenium Manager never runs,
		// so nothing is downloaded.
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(SignUpJourneyBrowserTests.CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void signedOutAtFullWidth() {
		open("/");
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void aVisitorAsksForAConsultationAndATherapistSchedulesIt() {
		String name = "Aaron " + UUID.randomUUID().toString().substring(0, 6);

		open("/consultation");
		assertThat(heading()).isEqualTo("Ask for a free consultation");
		assertThat(browser.findElement(By.id("website")).isDisplayed()).as("the robot trap is hidden").isFalse();
		assertAccessible("consultation form");

		type(By.id("name"), name);
		type(By.id("email"), "aaron-" + UUID.randomUUID() + "@example.org");
		browser.findElement(By.cssSelector("input[name='contactBy'][value='EMAIL']")).click();
		browser.findElement(By.cssSelector("input[name='times'][value='WEEKDAY_EVENING']")).click();
		browser.findElement(By.cssSelector("input[name='topics'][value='REBUILDING_TRUST']")).click();
		type(By.id("message"), "I broke her trust and I want to do the work.");
		submit("Send my request");

		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-error")));
		assertThat(error.getText()).contains("Tick the box");
		assertThat(browser.findElement(By.id("consent")).getDomAttribute("aria-describedby")).contains("consent-error");
		assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo(name);
		assertThat(browser.findElement(By.cssSelector("input[name='times'][value='WEEKDAY_EVENING']")).isSelected())
			.isTrue();
		assertAccessible("consultation form with a missing consent");

		browser.findElement(By.id("consent")).click();
		submit("Send my request");

		wait.until(ExpectedConditions.urlToBe(url("/consultation?received")));
		assertThat(heading()).isEqualTo("Thank you. We have your request.");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("within one business day", "by email");
		assertAccessible("confirmation page");

		Person therapist = new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.THERAPIST);
		open("/login");
		type(By.id("email"), therapist.email());
		type(By.id("password"), TestPeople.PASSWORD);
		submit("Sign in");
		wait.until(ExpectedConditions.urlToBe(url("/")));
		browser.findElement(By.linkText("Open the requests")).click();

		wait.until(ExpectedConditions.urlToBe(url("/consultations")));
		assertThat(heading()).isEqualTo("Consultation requests");
		assertAccessible("consultation inbox");
		browser.findElement(By.linkText(name)).click();

		wait.until(ExpectedConditions.titleContains("Consultation request"));
		assertThat(heading()).isEqualTo("Request from " + name);
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("I broke her trust and I want to do the work.");
		assertAccessible("consultation request page");

		String day = LocalDate.now().plusDays(7).toString();
		script("arguments[0].value = arguments[1];", browser.findElement(By.id("schedule-date")), day);
		script("arguments[0].value = arguments[1];", browser.findElement(By.id("schedule-time")), "18:30");
		submit("Schedule and send the invitation");

		WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		assertThat(done.getText()).contains("Scheduled.");
		assertThat(browser.findElement(By.cssSelector(".request-meta")).getText()).contains("Scheduled", "18:30",
				therapist.displayName());
		assertAccessible("consultation request page, scheduled");
	}

	private static void type(By field, String text) {
		WebElement input = browser.findElement(field);
		input.clear();
		input.sendKeys(text);
	}

	private static void submit(String label) {
		browser.findElement(By.xpath("//main//form//button[normalize-space()='" + label + "']")).click();
	}

	private static String heading() {
		return browser.findElement(By.tagName("h1")).getText();
	}

	private static Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	private void open(String path) {
		browser.get(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void assertAccessible(String page) {
		Results results = new AxeBuilder().analyze(browser);
		if (results.isErrored()) {
			fail("axe-core could not check the " + page + ": " + results.getErrorMessage());
		}
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.toList();
		if (!blocking.isEmpty()) {
			fail("Accessibility violations on the " + page + " (" + browser.getCurrentUrl() + "):\n"
					+ blocking.stream()
						.map(ConsultationJourneyBrowserTests::describe)
						.collect(Collectors.joining("\n")));
		}
	}

	private static String describe(Rule rule) {
		String targets = rule.getNodes()
			.stream()
			.map((node) -> String.valueOf(node.getTarget()))
			.collect(Collectors.joining(", "));
		return "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " at " + targets;
	}

}
