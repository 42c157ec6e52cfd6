package app.steadfast.safety;

import java.io.IOException;
import java.util.UUID;

import app.steadfast.Browser;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a risky journal entry, on a phone: the crisis lines, then the question; "yes"
 * leads to the lines first, "no" to a warm word with the lines one tap away. Every page
 * passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrisisBrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void theLinesComeFirstThenTheQuestionAndEachAnswerLeadsSomewhereCalm() {
		String email = "crisis-" + UUID.randomUUID() + "@example.org";
		this.accounts.signUp(email, "Dev", TestPeople.PASSWORD, null);
		browser.signIn(email);
		browser.driver().manage().window().setSize(new Dimension(375, 812));

		writeInTheJournal("Most nights I want to die.");
		assertThat(browser.find(By.cssSelector(".crisis-panel")).getText()).contains("Call or text 988",
				"Are you thinking about ending your life?");
		browser.assertAccessible("journal with the crisis panel and its question");
		browser.find(By.xpath("//form[@class='crisis-question']//button[normalize-space()='Yes']")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Reach someone now"));
		assertThat(browser.find(By.cssSelector(".crisis-now a[href='tel:988']")).isDisplayed()).isTrue();
		browser.assertAccessible("the crisis lines after a yes");

		writeInTheJournal("Most nights I want to die.");
		browser.find(By.xpath("//form[@class='crisis-question']//button[normalize-space()='No']")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you for answering"));
		assertThat(browser.find(By.cssSelector("main a[href='tel:988']")).isDisplayed()).isTrue();
		browser.assertAccessible("the word after a no");
		browser.find(By.linkText("Back to where you were")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/checkins/journal")));
	}

	private void writeInTheJournal(String words) {
		browser.open("/checkins/journal");
		browser.type(By.id("body"), words);
		browser.find(By.xpath("//main//form[.//textarea[@id='body']]//button[@type='submit']")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".crisis-panel")));
	}

}
