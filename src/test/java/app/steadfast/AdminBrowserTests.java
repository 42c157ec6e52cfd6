package app.steadfast;

import java.io.IOException;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's pages in a real browser: every one passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminBrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Autowired
	app.steadfast.consultations.ConsultationManagement consultations;

	@Test
	void theAdminsPagesAreAccessible() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		// A client whose therapist left, so care access shows its waiting list.
		Person leaving = people.withRole(Role.THERAPIST);
		this.consultations.reassign(admin.id(), people.client().id(), leaving.id());
		this.accounts.deactivate(admin.id(), leaving.id());
		browser.signIn(admin.email());
		browser.assertAccessible("admin home");
		for (String page : new String[] { "/admin/staff", "/admin/audit", "/admin/outbox", "/admin/articles",
				"/admin/articles/new", "/consultations", "/accounts/password", "/accounts/security", "/admin/care",
				"/admin/settings" }) {
			browser.open(page);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url(page));
			browser.assertAccessible(page);
		}
		browser.open("/admin/care");
		assertThat(browser.find(By.id("waiting-heading")).getText())
			.matches("(A client needs|\\d+ clients need) a new therapist");
	}

	@Test
	void aNewStaffMemberSetsUpHisAppAtFirstSignInOnAccessiblePages() {
		Person therapist = new TestPeople(this.accounts, this.jdbc, this.details).client();
		// A staff account with no second factor yet (not the fixture's prepared app).
		this.jdbc.sql("UPDATE account SET role = 'THERAPIST' WHERE id = :id")
			.param("id", therapist.id().value())
			.update();
		browser.open("/login");
		browser.type(By.id("email"), therapist.email());
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.submit("Sign in");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/login/code")));
		assertThat(browser.heading()).isEqualTo("Set up an authenticator app");
		browser.assertAccessible("authenticator set-up");
		browser.open("/care");
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/login/code"));

		String secret = browser.find(By.id("secret")).getText().replace(" ", "");
		assertThat(browser.find(By.id("otpauth")).getText()).startsWith("otpauth://totp/").contains(secret);
		browser.type(By.id("code"), TestPeople.totpCode(secret, java.time.Instant.now().getEpochSecond() / 30));
		browser.submit("Turn on two-step sign-in");
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		assertThat(browser.find(By.id("recovery-codes")).findElements(By.tagName("li"))).hasSize(10);
		browser.assertAccessible("recovery codes");
		browser.find(By.linkText("I've kept them: continue")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/")));
		browser.open("/care");
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/care"));
		browser.open("/accounts/confirm");
		browser.assertAccessible("confirm it's you");
		browser.signOut();
		browser.open("/login");
		browser.assertAccessible("sign-in page with passkeys");
	}

}
