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
		browser.open("/login");
		browser.type(By.id("email"), admin.email());
		browser.type(By.id("password"), TestPeople.PASSWORD);
		browser.find(By.cssSelector("main form button[type='submit']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/")));
		browser.assertAccessible("admin home");
		for (String page : new String[] { "/admin/staff", "/admin/audit", "/admin/outbox", "/admin/articles",
				"/admin/articles/new", "/consultations", "/accounts/password", "/admin/care", "/admin/settings" }) {
			browser.open(page);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url(page));
			browser.assertAccessible(page);
		}
		browser.open("/admin/care");
		assertThat(browser.find(By.id("waiting-heading")).getText()).isEqualTo("A client needs a new therapist");
	}

}
