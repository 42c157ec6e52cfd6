package app.steadfast;

import java.io.IOException;
import java.time.LocalDate;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.couple.CoupleManagement;
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
 * He makes a daily commitment, records a day kept and a day missed and shares his
 * commitments; his partner confirms one day and sees another differently, and shares
 * commitments so that he sees it; he sees her view beside his in the chart and its table.
 * Every page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommitmentBrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoupleManagement couple;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void heKeepsAndMissesSheConfirmsAndDisagreesAndTheChartShowsBoth() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person him = people.client();
		Person her = people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(him, her);

		browser.signIn(him.email());
		browser.open("/commitments/new");
		browser.assertAccessible("new commitment");
		browser.type(By.id("title"), "Phone in the drawer during dinner");
		browser.type(By.id("why"), "So dinner is ours again");
		browser.find(By.cssSelector("input[name='recurrence'][value='DAILY']")).click();
		browser.submit("Make this commitment");
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/commitments")));
		// He made it three days ago, so there are days behind him to record.
		LocalDate today = this.accounts.today(him.id());
		this.jdbc.sql("UPDATE commitment SET start_date = :start WHERE owner_id = :owner")
			.param("start", today.minusDays(3))
			.param("owner", him.id().value())
			.update();
		String yesterday = today.minusDays(1).toString();

		browser.open("/commitments");
		browser.find(By.cssSelector("button[aria-label='Kept on " + today + "']")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Marked as kept."));
		browser.find(By.cssSelector("a[aria-label='Missed, or add a note, for " + yesterday + "']")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/record"));
		browser.assertAccessible("record a day");
		browser.find(By.cssSelector("input[name='outcome'][value='MISSED']")).click();
		browser.type(By.id("whatGotInTheWay"), "A work call ran over and I took it at the table");
		browser.submit("Save");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"),
					"Marked as missed."));
		assertThat(browser.find(By.tagName("main")).getText()).contains("Kept", "Missed", "Not recorded");
		browser.assertAccessible("his commitments");
		browser.open("/couple");
		browser.submit("Share commitments");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Shared."));
		browser.signOut();

		browser.signIn(her.email());
		browser.open("/commitments/shared");
		browser.assertAccessible("shared with her");
		witness(today.toString(), "CONFIRMED", "");
		witness(today.minusDays(2).toString(), "SAW_DIFFERENTLY", "It was on the table all evening");
		String hers = browser.find(By.tagName("main")).getText();
		assertThat(hers).contains("They recorded: Kept", "You: Saw it kept", "You: Saw it differently",
				"You aren't sharing commitments with your partner right now");
		// What she saw reaches him while she shares commitments too.
		browser.open("/couple");
		browser.submit("Share commitments");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Shared."));
		browser.signOut();

		browser.signIn(him.email());
		browser.open("/commitments");
		assertThat(browser.find(By.tagName("main")).getText())
			.contains("Your partner: Saw it differently (It was on the table all evening)");
		browser.open("/commitments/reliability");
		assertThat(browser.find(By.cssSelector("svg.reliability-chart rect.bar")).isDisplayed()).isTrue();
		String table = browser.find(By.cssSelector("main table")).getText();
		assertThat(table).contains("Your partner saw kept", "Your partner saw differently");
		assertThat(browser.find(By.tagName("main")).getText()).contains("saw 1 of these days kept and 1 differently");
		browser.assertAccessible("reliability with her view");
		browser.open("/commitments/settings");
		browser.assertAccessible("reminder settings");
		browser.open("/insights");
		assertThat(browser.find(By.cssSelector("main svg.reliability-chart rect.bar")).isDisplayed()).isTrue();
		// "In short" reads the weeks (a rise when the days behind him fall in last week,
		// as
		// on a Monday, or the whole count otherwise); the full count is in the folded
		// section below on any day of the week.
		assertThat(browser.find(By.tagName("main")).getText()).contains("In short", "Promises kept");
		// The full reading, with what his partner saw, waits in the folded promises
		// section.
		assertThat(browser.find(By.cssSelector("details#promises")).getText()).doesNotContain("Your partner looked at");
		browser.find(By.cssSelector("details#promises summary")).click();
		assertThat(browser.find(By.cssSelector("details#promises")).getText())
			.contains("In all, 1 of 4 due days were kept.", "Your partner looked at 2 of those days");
		browser.assertAccessible("progress page with charts");
		browser.open("/insights/review");
		browser.type(By.id("learned"), "Saying I missed a day is easier than hiding it.");
		browser.find(By.cssSelector("input[name='inReport']")).click();
		browser.find(By.cssSelector("main form[action$='/insights/review'] button")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Saved."));
		browser.assertAccessible("weekly review");
		browser.open("/insights/report");
		assertThat(browser.find(By.tagName("main")).getText())
			.contains("Saying I missed a day is easier than hiding it.", "Week by week");
		browser.assertAccessible("printable progress report");
	}

	private void witness(String date, String seen, String note) {
		By form = By.cssSelector("form[action$='/" + date + "']");
		browser.find(form).findElement(By.cssSelector("input[name='seen'][value='" + seen + "']")).click();
		if (!note.isEmpty()) {
			browser.find(form).findElement(By.cssSelector("input[name='note']")).sendKeys(note);
		}
		org.openqa.selenium.WebElement page = browser.find(By.tagName("main"));
		browser.find(form).findElement(By.cssSelector("button")).click();
		browser.waiting().until(ExpectedConditions.stalenessOf(page));
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Thank you."));
	}

}
