package app.steadfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steadfast on a phone: it installs (manifest, icons, a service worker that controls the
 * page), the pause tool and "name it" open without a network, a check-in saved offline
 * arrives exactly once when the connection returns (after a new sign-in if the session
 * ended), and the pages pass axe-core in the light and the dark theme.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InstallableBrowserTests {

	private static Browser browser;

	private static final Map<String, String> workerSessions = new java.util.concurrent.ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	CheckInManagement checkIns;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@AfterEach
	void leaveTheBrowserAsFound() {
		online(true);
		chrome().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		// The shared browser goes on to other tests: no worker, no kept copies, no queue.
		browser.open("/");
		async("""
				var done = arguments[arguments.length - 1];
				var work = [];
				if (navigator.serviceWorker) {
					work.push(navigator.serviceWorker.getRegistrations().then(function (all) {
						return Promise.all(all.map(function (r) { return r.unregister(); }));
					}));
				}
				work.push(caches.keys().then(function (names) {
					return Promise.all(names.map(function (n) { return caches.delete(n); }));
				}));
				work.push(new Promise(function (resolve) {
					var request = indexedDB.deleteDatabase('steadfast');
					request.onsuccess = request.onerror = request.onblocked = function () { resolve(); };
				}));
				Promise.all(work).then(function () { done(true); }, function () { done(false); });
				""");
	}

	@Test
	@SuppressWarnings("unchecked")
	void itInstallsAndItsWorkerControlsThePage() {
		browser.open("/");
		assertThat(browser.find(By.cssSelector("link[rel='manifest']")).getAttribute("href"))
			.isEqualTo(browser.url("/manifest.webmanifest"));
		waitForWorker();
		browser.driver().navigate().refresh();
		browser.waiting()
			.until((driver) -> Boolean.TRUE.equals(browser.script(
					"return !!navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL.endsWith('/sw.js');")));

		// What Lighthouse asks of an installable app, read by the browser itself.
		@SuppressWarnings("unchecked")
		Map<String, Object> manifest = (Map<String, Object>) async(
				"""
						var done = arguments[arguments.length - 1];
						fetch('/manifest.webmanifest').then(function (r) {
							var type = r.headers.get('content-type');
							return r.json().then(function (m) {
								return Promise.all(m.icons.map(function (icon) {
									return new Promise(function (resolve) {
										var image = new Image();
										image.onload = function () { resolve(icon.sizes + ':' + image.naturalWidth + 'x' + image.naturalHeight + ':' + (icon.purpose || 'any')); };
										image.onerror = function () { resolve(icon.sizes + ':failed'); };
										image.src = icon.src;
									});
								})).then(function (loaded) {
									done({ type: type, name: m.name, short: m.short_name, start: m.start_url, display: m.display, icons: loaded });
								});
							});
						}).catch(function (e) { done({ error: String(e) }); });
						""");
		assertThat((String) manifest.get("type")).startsWith("application/manifest+json");
		assertThat(manifest).containsEntry("name", "Steadfast")
			.containsEntry("short", "Steadfast")
			.containsEntry("start", "/")
			.containsEntry("display", "standalone");
		assertThat((List<Object>) manifest.get("icons")).contains("192x192:192x192:any", "512x512:512x512:any",
				"512x512:512x512:maskable");
		String worker = (String) async("""
				var done = arguments[arguments.length - 1];
				fetch('/sw.js').then(function (r) { done(r.headers.get('content-type')); });
				""");
		assertThat(worker).startsWith("text/javascript");
	}

	@Test
	void thePauseToolAndNameItOpenAndWorkOffline() {
		String email = signInAsNewClient();
		browser.open("/conversations/pause");
		waitForWorker();
		browser.driver().navigate().refresh();
		waitForControl();
		online(false);
		try {
			browser.open("/conversations/pause");
			assertThat(browser.heading()).isEqualTo("Pause. Breathe. Then listen.");
			assertThat(browser.find(By.cssSelector(".offline-note")).getText()).contains("You're offline");
			browser.find(By.cssSelector("input[name='pattern'][value='FOUR_SIX']")).click();
			browser.waiting()
				.until((driver) -> "pace-four-six".equals(browser
					.script("return getComputedStyle(document.querySelector('.pace-circle')).animationName")));
			new Select(browser.find(By.id("minutes"))).selectByValue("45");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("break-length"), "45 minutes"));
			browser.assertAccessible("pause tool, offline");

			browser.open("/checkins/quick");
			assertThat(browser.heading()).isEqualTo("Name it before you answer");
			assertThat(browser.find(By.cssSelector(".offline-note")).getText()).contains("You're offline");
			browser.assertAccessible("name it, offline");
			browser.find(By.cssSelector("input[name='body'][value='THROAT']")).click();
			browser.find(By.xpath("//details[summary[normalize-space()='Fear']]/summary")).click();
			browser.find(By.cssSelector("input[name='words'][value='fear']")).click();
			browser.find(By.xpath("//main//button[normalize-space()='3. Keep it and breathe']")).click();
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kept-note"),
						"Kept on this device. It will be saved as a check-in, once"));
			assertThat(browser.find(By.id("breath-heading")).isDisplayed()).isTrue();
			browser.assertAccessible("name it, kept offline");
			assertThat(rows(email)).isZero();

			browser.open("/insights");
			assertThat(browser.heading()).isEqualTo("You're offline");
			assertThat(browser.find(By.cssSelector(".kept-waiting")).getText())
				.contains("One check-in is kept on this device");
			browser.assertAccessible("offline page");
		}
		finally {
			online(true);
		}
		// Back online, the next page he opens sends it, with a fresh token. (A page
		// loaded
		// while the network was emulated offline is never told it came back.)
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(40))
			.until((driver) -> {
				driver.navigate().refresh();
				try {
					new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(4))
						.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kept-saved"),
								"is saved"));
					return true;
				}
				catch (org.openqa.selenium.TimeoutException ex) {
					return false;
				}
			});
		assertThat(this.jdbc
			.sql("SELECT c.in_the_moment FROM check_in c JOIN account a ON a.id = c.owner_id WHERE a.email = :email")
			.param("email", email)
			.query(Boolean.class)
			.list()).containsExactly(true);
	}

	@Test
	void aCheckInSavedOfflineArrivesOnceWhenTheConnectionReturns() {
		String email = signInAsNewClient();
		browser.open("/");
		waitForWorker();
		startCheckIn("shame");
		online(false);
		try {
			finishCheckIn("A question about the weekend, asked on the train");
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kept-note"),
						"Kept on this device. It will be saved as a check-in, once"));
			assertThat(rows(email)).isZero();
		}
		finally {
			online(true);
		}
		try {
			browser.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kept-saved"),
						"is saved. It was kept on this device while you were offline."));
		}
		catch (RuntimeException ex) {
			System.out.println("DEBUG online=" + browser.script("return navigator.onLine") + " region="
					+ browser.script(
							"var r = document.querySelector('[data-kept-checkins]'); return r ? r.outerHTML : 'none';")
					+ " kept=" + keptInBrowser() + " rows=" + rows(email) + " logs="
					+ browser.driver().manage().logs().get("browser").getAll());
			throw ex;
		}
		assertThat(rows(email)).isEqualTo(1);
		// Another page, and a second return online, send nothing more.
		browser.open("/checkins");
		online(false);
		online(true);
		browser.waiting().until((driver) -> {
			driver.navigate().refresh();
			return !driver.findElements(By.cssSelector(".timeline")).isEmpty();
		});
		assertThat(browser.find(By.cssSelector(".timeline")).getText())
			.containsOnlyOnce("A question about the weekend, asked on the train");
		assertThat(rows(email)).isEqualTo(1);
		assertThat(keptInBrowser()).isZero();

		// Offline again, and the session ends before the connection returns: it waits for
		// him to sign in, then is sent once.
		startCheckIn("fear");
		online(false);
		try {
			finishCheckIn("Kept while the session ended");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kept-note")));
			browser.driver().manage().deleteAllCookies();
		}
		finally {
			online(true);
		}
		// Signed out, the device says nothing of it (whoever holds it may not be him).
		browser.open("/login");
		assertThat(browser.driver().findElements(By.cssSelector(".kept-waiting, .kept-note"))).isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain("kept on this device");
		assertThat(rows(email)).isEqualTo(1);
		assertThat(keptInBrowser()).isEqualTo(1);
		browser.signIn(email);
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kept-saved"), "is saved"));
		assertThat(rows(email)).isEqualTo(2);
		assertThat(keptInBrowser()).isZero();
		browser.assertAccessible("home, after a kept check-in was sent");
	}

	@Test
	void pagesPassAxeInBothThemesAndScreenshotsAreTaken() throws IOException {
		String email = signInAsNewClient();
		// A few weeks of check-ins, so the progress page draws its charts in each theme.
		app.steadfast.shared.AccountId him = this.accounts.findByEmail(email).orElseThrow().id();
		java.time.Instant now = java.time.Instant.now();
		String[][] felt = { { "shame", "7" }, { "fear", "5" }, { "anger", "6" }, { "hope", "3" }, { "lonely", "4" },
				{ "numb", "2" } };
		for (int i = 0; i < felt.length; i++) {
			this.checkIns.record(him,
					new CheckInDetails(List.of(felt[i][0]), Integer.valueOf(felt[i][1]), BodyLocation.CHEST,
							"A week of small talks", null, null, now.minus(java.time.Duration.ofDays(4L * i + 1))),
					false);
		}
		Files.createDirectories(Path.of("target/screenshots"));
		for (String theme : List.of("light", "dark")) {
			chrome().executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
			browser.open("/");
			String background = (String) browser.script("return getComputedStyle(document.body).backgroundColor;");
			assertThat(background).as(theme + " background")
				.isEqualTo(theme.equals("dark") ? "rgb(20, 25, 29)" : "rgb(251, 250, 247)");
			for (String page : List.of("/", "/checkins/new", "/conversations/pause", "/insights", "/offline/pause",
					"/offline/name-it", "/offline")) {
				browser.open(page);
				assertThat(browser.driver().findElements(By.cssSelector(".quick-exit")))
					.as("no visible quick exit for a client on " + page)
					.noneMatch(org.openqa.selenium.WebElement::isDisplayed);
				browser.assertAccessible(page + " (" + theme + ")");
			}
			browser.open("/checkins/new");
			browser.find(By.cssSelector("input[name='words'][value='shame']")).click();
			browser.find(By.cssSelector("main form button[type='submit']")).click();
			browser.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='intensity']")));
			browser.assertAccessible("check-in details (" + theme + ")");
			for (int width : new int[] { 375, 1280 }) {
				browser.driver().manage().window().setSize(new Dimension(width, 900));
				for (String[] page : new String[][] { { "home", "/" }, { "checkin", "/checkins/new" },
						{ "progress", "/insights" } }) {
					browser.open(page[1]);
					screenshot("target/screenshots/" + page[0] + "-" + width + "-" + theme + ".png");
				}
			}
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
		// The partner's quick exit, in both themes.
		signOutAndInAsPartner();
		for (String theme : List.of("light", "dark")) {
			chrome().executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
			browser.open("/checkins/new");
			assertThat(browser.find(By.cssSelector(".quick-exit")).isDisplayed()).isTrue();
			browser.assertAccessible("partner's check-in with the quick exit (" + theme + ")");
			// The pages kept for offline use are the same for everyone; on her device
			// they
			// show the exit too.
			browser.open("/offline/pause");
			assertThat(browser.find(By.cssSelector(".quick-exit")).isDisplayed()).isTrue();
			browser.assertAccessible("offline pause tool with the quick exit (" + theme + ")");
		}
	}

	private void signOutAndInAsPartner() {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.PARTNER).email());
	}

	private String signInAsNewClient() {
		String email = "phone-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(email, "Dev", TestPeople.PASSWORD, null);
		browser.signIn(email);
		return email;
	}

	private void startCheckIn(String word) {
		browser.open("/checkins/new");
		browser.find(By.cssSelector("input[name='words'][value='" + word + "']")).click();
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='intensity']")));
	}

	private void finishCheckIn(String trigger) {
		browser.find(By.cssSelector("input[name='intensity'][value='6']")).click();
		browser.find(By.cssSelector("input[name='body'][value='CHEST']")).click();
		browser.type(By.id("trigger"), trigger);
		browser.find(By.xpath("//main//button[normalize-space()='Save check-in']")).click();
	}

	private long rows(String email) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM check_in c JOIN account a ON a.id = c.owner_id WHERE a.email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private long keptInBrowser() {
		return ((Number) async(
				"""
						var done = arguments[arguments.length - 1];
						var request = indexedDB.open('steadfast', 1);
						request.onupgradeneeded = function () { request.result.createObjectStore('kept-checkins', { keyPath: 'submission' }); };
						request.onsuccess = function () {
							var db = request.result;
							var count = db.transaction('kept-checkins').objectStore('kept-checkins').count();
							count.onsuccess = function () { db.close(); done(count.result); };
						};
						request.onerror = function () { done(-1); };
						"""))
			.longValue();
	}

	private void waitForWorker() {
		assertThat(async("""
				var done = arguments[arguments.length - 1];
				navigator.serviceWorker.ready.then(function () { done(true); }, function () { done(false); });
				""")).isEqualTo(true);
	}

	private void waitForControl() {
		browser.waiting()
			.until((driver) -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller;")));
	}

	private static Object async(String script) {
		return ((JavascriptExecutor) browser.driver()).executeAsyncScript(script);
	}

	private static ChromeDriver chrome() {
		return (ChromeDriver) browser.driver();
	}

	// The page's network and the service worker's: Chromium emulates each target on its
	// own, and a worker left online would fetch what the page cannot.
	@SuppressWarnings("unchecked")
	private static void online(boolean online) {
		Map<String, Object> conditions = Map.of("offline", !online, "latency", 0, "downloadThroughput", -1,
				"uploadThroughput", -1);
		Map<String, Object> targets = chrome().executeCdpCommand("Target.getTargets", Map.of());
		for (Map<String, Object> target : (List<Map<String, Object>>) targets.get("targetInfos")) {
			if (!"service_worker".equals(target.get("type"))) {
				continue;
			}
			// One session per worker, kept: conditions set through a second session would
			// add to the first one's, not replace them.
			String session = workerSessions.computeIfAbsent((String) target.get("targetId"),
					(id) -> (String) chrome()
						.executeCdpCommand("Target.attachToTarget", Map.of("targetId", id, "flatten", false))
						.get("sessionId"));
			org.openqa.selenium.json.Json json = new org.openqa.selenium.json.Json();
			chrome().executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session, "message",
					json.toJson(Map.of("id", 1, "method", "Network.enable", "params", Map.of()))));
			chrome().executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session, "message",
					json.toJson(Map.of("id", 2, "method", "Network.emulateNetworkConditions", "params", conditions))));
		}
		// The page last: its commands wait for their answers, by when the worker's are
		// in.
		chrome().executeCdpCommand("Network.enable", Map.of());
		chrome().executeCdpCommand("Network.emulateNetworkConditions", conditions);
	}

	private static void screenshot(String file) {
		try {
			Files.write(Path.of(file), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
