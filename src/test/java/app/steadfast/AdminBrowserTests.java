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

	@Test
	void theAdminsPagesAreAccessible() {
		Person admin = new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.ADMIN);
		browser.signIn(admin.email());
		browser.assertAccessible("admin home");
		for (String page : new String[] { "/admin/staff", "/admin/audit", "/admin/outbox", "/admin/articles",
				"/admin/articles/new", "/consultations", "/accounts/password", "/accounts/security" }) {
			browser.open(page);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url(page));
			browser.assertAccessible(page);
		}
	}

}
