package app.steadfast;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A free consultation in a real browser (headless Chromium): a visitor asks for one,
 * fixing one mistake on the way, and sees what happens next; a therapist signs in, finds
 * the request in the inbox and schedules it. Every page visited is checked with axe-core
 * and must have no serious or critical accessibility violation.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsultationJourneyBrowserTests {

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
	void signedOutAtFullWidth() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void aVisitorAsksForAConsultationAndATherapistSchedulesIt() {
		String name = "Aaron " + UUID.randomUUID().toString().substring(0, 6);

		browser.open("/consultation");
		assertThat(browser.heading()).isEqualTo("Ask for a free consultation");
		assertThat(browser.find(By.id("website")).isDisplayed()).as("the robot trap is hidden").isFalse();
		browser.assertAccessible("consultation form");

		browser.type(By.id("name"), name);
		browser.type(By.id("email"), "aaron-" + UUID.randomUUID() + "@example.org");
		browser.find(By.cssSelector("input[name='contactBy'][value='EMAIL']")).click();
		browser.find(By.cssSelector("input[name='times'][value='WEEKDAY_EVENING']")).click();
		browser.find(By.cssSelector("input[name='topics'][value='REBUILDING_TRUST']")).click();
		browser.type(By.id("message"), "I broke her trust and I want to do the work.");
		submit("Send my request");

		WebElement error = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-error")));
		assertThat(error.getText()).contains("Tick the box");
		assertThat(browser.find(By.id("consent")).getDomAttribute("aria-describedby")).contains("consent-error");
		assertThat(browser.find(By.id("name")).getDomProperty("value")).isEqualTo(name);
		assertThat(browser.find(By.cssSelector("input[name='times'][value='WEEKDAY_EVENING']")).isSelected()).isTrue();
		browser.assertAccessible("consultation form with a missing consent");

		browser.find(By.id("consent")).click();
		submit("Send my request");

		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/consultation?received")));
		assertThat(browser.heading()).isEqualTo("Thank you. We have your request.");
		assertThat(browser.find(By.tagName("main")).getText()).contains("within one business day", "by email");
		browser.assertAccessible("confirmation page");

		Person therapist = new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.THERAPIST);
		browser.signIn(therapist.email());
		browser.find(By.linkText("Open the requests")).click();

		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/consultations")));
		assertThat(browser.heading()).isEqualTo("Consultation requests");
		browser.assertAccessible("consultation inbox");
		browser.find(By.linkText(name)).click();

		browser.waiting().until(ExpectedConditions.titleContains("Consultation request"));
		assertThat(browser.heading()).isEqualTo("Request from " + name);
		assertThat(browser.find(By.tagName("main")).getText()).contains("I broke her trust and I want to do the work.");
		browser.assertAccessible("consultation request page");

		String day = LocalDate.now().plusDays(7).toString();
		browser.script("arguments[0].value = arguments[1];", browser.find(By.id("schedule-date")), day);
		browser.script("arguments[0].value = arguments[1];", browser.find(By.id("schedule-time")), "18:30");
		submit("Schedule and send the invitation");

		WebElement done = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		assertThat(done.getText()).contains("Scheduled.");
		assertThat(browser.find(By.cssSelector(".request-meta")).getText()).contains("Scheduled", "18:30",
				therapist.displayName());
		browser.assertAccessible("consultation request page, scheduled");
	}

	private static void submit(String label) {
		browser.find(By.xpath("//main//form//button[normalize-space()='" + label + "']")).click();
	}

}
