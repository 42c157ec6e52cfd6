package app.steadfast;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium for browser tests, with an axe-core check for every page.
 * Selenium Manager never runs: the driver and browser are named explicitly, so nothing is
 * downloaded. Browser test classes use
 * {@code @EnabledIf("app.steadfast.Browser#installedOrOnCi")}: without the packages they
 * are skipped with {@link #MISSING}, except under CI, where they fail.
 */
public final class Browser {

	public static final String CHROMIUM = "/usr/bin/chromium";

	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	public static final String MISSING = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
			+ "; install them with `sudo apt-get install -y chromium chromium-driver`";

	private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

	private final WebDriver driver;

	private final WebDriverWait wait;

	private final int port;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		// While a page is replaced, an element read a moment ago can vanish mid-read; the
		// wait
		// reads again rather than failing, and still times out if the page never arrives.
		this.wait.ignoring(StaleElementReferenceException.class, WebDriverException.class);
		this.port = port;
	}

	/**
	 * Whether a browser test class runs: with the packages installed, or on CI (to fail
	 * there).
	 */
	public static boolean installedOrOnCi() {
		return installed() || "true".equals(System.getenv("CI"));
	}

	static boolean installed() {
		return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
	}

	private static Browser shared;

	/**
	 * The one Chromium all browser tests share (started once, quit when the test JVM
	 * ends), signed out, at full width, ready for the next test.
	 */
	public static synchronized Browser forTest(int port) throws IOException {
		if (shared == null || shared.port != port) {
			if (shared != null) {
				shared.quit();
			}
			shared = start(port);
			Browser started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
		}
		shared.open("/");
		shared.driver.manage().deleteAllCookies();
		shared.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		return shared;
	}

	/** Starts a fresh headless Chromium with an empty profile under target/. */
	static Browser start(int port) throws IOException {
		if (!installed()) {
			fail(MISSING);
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		Files.createDirectories(Path.of("target"));
		Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
		// Every network request the browser makes is written to the performance log, so a
		// test can prove that no page reaches a third party.
		org.openqa.selenium.logging.LoggingPreferences logging = new org.openqa.selenium.logging.LoggingPreferences();
		logging.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, port);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return this.wait;
	}

	void quit() {
		try {
			this.driver.quit();
		}
		catch (RuntimeException ex) {
			// Already gone: the JVM is ending or the browser crashed; nothing left to
			// close.
		}
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	public void open(String path) {
		this.driver.get(url(path));
	}

	/** Writes what the browser shows to target/screenshots/NAME.png, for a reviewer. */
	public void screenshot(String name) {
		try {
			java.nio.file.Path folder = java.nio.file.Path.of("target/screenshots");
			java.nio.file.Files.createDirectories(folder);
			java.nio.file.Files.write(folder.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) this.driver)
				.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Unfolds the signed-in menu where a narrow screen folded it behind "Menu". */
	public void openMenu() {
		for (WebElement menu : this.driver.findElements(By.cssSelector("details.nav-menu:not([open]) > summary"))) {
			if (menu.isDisplayed()) {
				menu.click();
			}
			else {
				// Folded on a phone, then the window grew: "Menu" is hidden on a wide
				// screen, so the menu is unfolded as a wide screen shows it.
				script("document.querySelectorAll('details.nav-menu').forEach(function (d) { d.open = true; });");
			}
		}
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	public void type(By field, String text) {
		WebElement input = this.driver.findElement(field);
		input.clear();
		input.sendKeys(text);
	}

	/** Clicks the button with this label inside a form of the page's main content. */
	public void submit(String label) {
		find(By.xpath("//main//form//button[normalize-space()='" + label + "']")).click();
	}

	/**
	 * Signs in with the test password (and for staff, a code from the fixture's
	 * authenticator app) and waits for the home page.
	 */
	public void signIn(String email) {
		signIn(email, TestPeople.PASSWORD, () -> TestPeople.nextCode(email));
	}

	/**
	 * Signs in with this password (and for staff, the code the supplier gives) and waits
	 * for the home page.
	 */
	public void signIn(String email, String password, java.util.function.Supplier<String> code) {
		open("/login");
		type(By.id("email"), email);
		type(By.id("password"), password);
		submit("Sign in");
		waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.or(
				org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(url("/")),
				org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(url("/login/code"))));
		if (this.driver.getCurrentUrl().equals(url("/login/code"))) {
			type(By.id("code"), code.get());
			submit("Continue");
			waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(url("/")));
		}
	}

	/** Signs out from the header and waits for the signed-out page. */
	public void signOut() {
		openMenu();
		for (WebElement you : this.driver.findElements(By.cssSelector("details.you-menu:not([open]) > summary"))) {
			you.click();
		}
		find(By.xpath("//header//nav//form//button[normalize-space()='Sign out']")).click();
		waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login?signedout"));
	}

	/**
	 * The URLs of every network request the browser started since the last call (from
	 * Chromium's performance log), and of every resource the current page loaded.
	 */
	@SuppressWarnings("unchecked")
	public List<String> requestedUrls() {
		List<String> urls = new java.util.ArrayList<>();
		org.openqa.selenium.json.Json json = new org.openqa.selenium.json.Json();
		for (org.openqa.selenium.logging.LogEntry entry : this.driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.PERFORMANCE)) {
			java.util.Map<String, Object> envelope = json.toType(entry.getMessage(), java.util.Map.class);
			java.util.Map<String, Object> message = (java.util.Map<String, Object>) envelope.get("message");
			String method = String.valueOf(message.get("method"));
			java.util.Map<String, Object> params = (java.util.Map<String, Object>) message.get("params");
			if (method.equals("Network.requestWillBeSent")) {
				urls.add(String.valueOf(((java.util.Map<String, Object>) params.get("request")).get("url")));
			}
			else if (method.equals("Network.webSocketCreated")) {
				urls.add(String.valueOf(params.get("url")));
			}
		}
		Object resources = script(
				"return performance.getEntriesByType('resource').map(e => e.name)" + ".concat([location.href]);");
		if (resources instanceof List<?> list) {
			list.forEach((url) -> urls.add(String.valueOf(url)));
		}
		return urls;
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Fails when axe-core finds a serious or critical violation on the current page. */
	public void assertAccessible(String page) {
		Results results = new AxeBuilder().analyze(this.driver);
		if (results.isErrored()) {
			fail("axe-core could not check the " + page + ": " + results.getErrorMessage());
		}
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.toList();
		if (!blocking.isEmpty()) {
			fail("Accessibility violations on the " + page + " (" + this.driver.getCurrentUrl() + "):\n"
					+ blocking.stream().map(Browser::describe).collect(Collectors.joining("\n")));
		}
	}

	/**
	 * Fails when axe-core finds text whose contrast falls short of WCAG AA on the current
	 * page: the one rule a change of colours alone (the dark theme) can break, checked
	 * without the rest.
	 */
	public void assertContrast(String page) {
		Results results = new AxeBuilder().withOnlyRules(List.of("color-contrast")).analyze(this.driver);
		if (results.isErrored()) {
			fail("axe-core could not check the " + page + ": " + results.getErrorMessage());
		}
		if (!results.getViolations().isEmpty()) {
			fail("Contrast too low on the " + page + " (" + this.driver.getCurrentUrl() + "):\n"
					+ results.getViolations().stream().map(Browser::describe).collect(Collectors.joining("\n")));
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
