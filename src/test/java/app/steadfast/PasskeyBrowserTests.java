package app.steadfast;

import java.io.IOException;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole passkey ceremony in Chromium with its virtual authenticator (WebDriver's
 * WebAuthn extension): a therapist adds a passkey on his security page, signs out, and
 * signs in with it alone, no password and no code. A passkey's origin must be one the
 * practice names, so this test runs on a fixed port it names too.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = { "server.port=" + PasskeyBrowserTests.PORT,
		"steadfast.passkeys.origins=http://localhost:" + PasskeyBrowserTests.PORT })
class PasskeyBrowserTests {

	static final int PORT = 47613;

	private static Browser browser;

	private VirtualAuthenticator authenticator;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(PORT);
		this.authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));
	}

	@AfterEach
	void removeAuthenticator() {
		((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(this.authenticator);
	}

	@Test
	void aTherapistAddsAPasskeyAndSignsInWithItAlone() {
		Person therapist = new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.THERAPIST);
		browser.signIn(therapist.email());
		browser.open("/accounts/security");
		assertThat(browser.find(By.tagName("main")).getText()).contains("needs JavaScript", "You have no passkeys yet");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-label")));
		browser.type(By.id("passkey-label"), "Office laptop");
		browser.find(By.cssSelector("[data-passkey='register']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("passkey-list")));
		assertThat(browser.find(By.id("passkey-list")).getText()).contains("Office laptop");
		assertThat(this.authenticator.getCredentials()).hasSize(1);
		browser.assertAccessible("security page with a passkey");

		browser.signOut();
		browser.open("/login");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-sign-in")));
		browser.find(By.id("passkey-sign-in")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/")));
		browser.open("/care");
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(browser.url("/care"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM user_credentials WHERE label = 'Office laptop'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = 'SIGNED_IN' AND reason = 'PASSKEY'
				AND subject_id = (SELECT alias FROM audit_alias WHERE account_id = :id)
				""").param("id", therapist.id().value()).query(Long.class).single()).isEqualTo(1);
	}

}
