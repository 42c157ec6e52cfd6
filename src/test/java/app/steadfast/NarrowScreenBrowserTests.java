package app.steadfast;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.demo.DemoAccounts;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone, the pages with wide tables (his pulse weeks, the progress report,
 * the staff list, the outbox) fit the screen with the demo practice's three weeks in
 * them: nothing scrolls sideways, and axe-core finds nothing.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@FreshDatabase
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestPropertySource(properties = DemoAccounts.PROPERTY + "narrow.txt")
class NarrowScreenBrowserTests {

	private static final int PHONE = 375;

	private final DemoAccounts demo = DemoAccounts.of("narrow.txt");

	private Browser browser;

	/** How this test's screenshots are named before the page. */
	private String shotPrefix = "375-";

	/** The page's width a phone shows, scroll bars aside. */
	private long viewport;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = Browser.forTest(this.port);
	}

	@Test
	void hisWideTablesFitAPhone() {
		signIn(DemoAccounts.CLIENT);
		Map<String, Long> widths = widthsAtAPhone("/couple/pulse/weeks", "/insights/report", "/insights");
		fitsAPhone(widths);
	}

	@Test
	void theAdminsWideTablesFitAPhone() {
		var admin = this.accounts.findByEmail(DemoAccounts.ADMIN).orElseThrow();
		// A long address and a message in the outbox, as a practice soon has.
		this.accounts.createStaff(admin.id(), "a.therapist.with.a.rather.long.address@counselling-practice.example",
				"Alexandra Montgomery-Fitzwilliam", Role.THERAPIST);
		this.accounts.requestReset(DemoAccounts.CLIENT, null);
		signIn(DemoAccounts.ADMIN);
		this.shotPrefix = "375-admin-";
		// Every admin page here, not in the walk below: a second sign-in within the same
		// half minute would need the authenticator code just used, which is refused.
		Map<String, Long> widths = widthsAtAPhone("/", "/admin/staff", "/admin/outbox", "/admin/audit", "/admin/care",
				"/admin/settings", "/admin/articles", "/admin/path", "/admin/path/new", "/admin/path/boundaries",
				"/consultations", "/accounts/settings");
		fitsAPhone(widths);
	}

	/**
	 * Every page each role reaches from its menu and Today, in the demo world's three
	 * weeks, at a phone's width: none scrolls sideways, axe-core finds nothing, and each
	 * is photographed to target/screenshots/ for a reviewer; axe-core checks each in the
	 * light theme, and its contrast in the dark one too.
	 */
	@Test
	void everyPageOfEveryRoleFitsAPhone() {
		String client = "/care/clients/" + this.accounts.findByEmail(DemoAccounts.CLIENT).orElseThrow().id();
		// His therapist has sent his partner her own copy of the CSI-4: her form, and the
		// table of it on his client page, are walked too.
		String copy = "/care/measures/" + partnersCopy();
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put(DemoAccounts.CLIENT,
				List.of("/", "/checkins", "/checkins/new", "/checkins/quick", "/checkins/journal", "/checkins/calendar",
						"/checkins/summary", "/commitments", "/commitments/new", "/commitments/reliability",
						"/commitments/settings", "/conversations", "/conversations/pause", "/conversations/plans/new",
						"/repair", "/repair/statements/new", "/repair/questions", "/couple", "/couple/pulse",
						"/couple/reassurance", "/insights", "/insights/review", "/care/grants", "/care/homework",
						"/care/measures", "/care/messages", "/care/sessions", "/accounts/settings",
						"/accounts/password", "/accounts/security", "/articles", "/crisis"));
		pages.put(DemoAccounts.PARTNER,
				List.of("/", "/couple", "/couple/safety", "/couple/pulse", "/couple/reassurance", "/checkins",
						"/checkins/new", "/checkins/shared", "/repair", "/repair/shared", "/repair/questions",
						"/commitments/shared", "/conversations/shared", "/insights", "/insights/report",
						"/accounts/settings", "/path", "/path/what-happened-to-you", "/checkins/journal",
						"/care/measures", copy, "/care/grants"));
		pages.put(DemoAccounts.THERAPIST,
				List.of("/", "/care", "/care/alerts", client, client + "/checkins", client + "/journal",
						client + "/commitments", client + "/insights", client + "/notes", client + "/messages",
						"/care/inbox", "/care/office-hours", "/care/schedule", "/care/hours", "/consultations"));
		Map<String, Long> widths = new LinkedHashMap<>();
		pages.forEach((email, list) -> {
			signIn(email);
			String role = email.substring(0, email.indexOf('@'));
			this.shotPrefix = "375-" + role + "-";
			widthsAtAPhone(list.toArray(String[]::new)).forEach((page, width) -> widths.put(role + " " + page, width));
			this.browser.signOut();
		});
		System.out.printf("At %d px: %d pages of client, partner and therapist, none wider than the screen%n", PHONE,
				widths.size());
		fitsAPhone(widths);
	}

	/** A copy of the CSI-4 the demo therapist sent the demo partner, waiting for her. */
	private java.util.UUID partnersCopy() {
		java.util.UUID id = java.util.UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_measure (id, client_id, therapist_id, instrument, assigned_at, about_client_id)
				VALUES (:id, :partner, :therapist, 'CSI4', :now, :client)
				""")
			.param("id", id)
			.param("partner", this.accounts.findByEmail(DemoAccounts.PARTNER).orElseThrow().id().value())
			.param("therapist", this.accounts.findByEmail(DemoAccounts.THERAPIST).orElseThrow().id().value())
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("client", this.accounts.findByEmail(DemoAccounts.CLIENT).orElseThrow().id().value())
			.update();
		return id;
	}

	private void fitsAPhone(Map<String, Long> widths) {
		assertThat(widths).allSatisfy(
				(page, width) -> assertThat(width).as("%s at %d px: no sideways scrolling (%s)", page, PHONE, widths)
					.isLessThanOrEqualTo(this.viewport));
	}

	private void signIn(String email) {
		this.browser.signIn(email, this.demo.password(email), () -> this.demo.code(email));
	}

	private void theme(String theme) {
		((ChromeDriver) this.browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", theme))));
		assertThat(this.browser.script("return window.matchMedia('(prefers-color-scheme: dark)').matches;"))
			.isEqualTo(theme.equals("dark"));
	}

	/**
	 * Each page's width at a phone's, after checking it with axe-core there in the light
	 * theme and its contrast in the dark one.
	 */
	private Map<String, Long> widthsAtAPhone(String... pages) {
		Map<String, Long> widths = new LinkedHashMap<>();
		this.browser.driver().manage().window().setSize(new Dimension(PHONE, 812));
		try {
			for (String page : pages) {
				this.browser.open(page);
				assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(this.browser.url(page));
				long viewport = (Long) this.browser.script("return document.documentElement.clientWidth;");
				long width = (Long) this.browser.script("return document.documentElement.scrollWidth;");
				assertThat(viewport).as("the viewport").isLessThanOrEqualTo(PHONE);
				widths.put(page, width);
				this.viewport = viewport;
				this.browser.screenshot(this.shotPrefix
						+ (page.equals("/") ? "today" : page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "")));
				this.browser.assertAccessible(page + " at " + PHONE + " px");
				// The same page as a phone set to dark shows it: the theme follows the
				// system, so the colours change without a reload. Only colours change,
				// so contrast is what it can break; the rest was checked above.
				theme("dark");
				this.browser.assertContrast(page + " at " + PHONE + " px, dark theme");
				theme("light");
			}
		}
		finally {
			this.browser.driver().manage().window().setSize(new Dimension(1280, 900));
			((ChromeDriver) this.browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of()));
		}
		return widths;
	}

}
