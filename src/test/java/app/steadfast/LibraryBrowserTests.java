package app.steadfast;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor finds the library, reads an article, follows its series, and searches; every
 * page passes axe-core.
 */
@EnabledIf(value = "app.steadfast.Browser#installedOrOnCi", disabledReason = Browser.MISSING)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LibraryBrowserTests {

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = Browser.forTest(this.port);
	}

	@Test
	void aVisitorReadsAnArticleFollowsTheSeriesAndSearches() {
		browser.open("/");
		browser.find(By.linkText("Articles")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/articles")));
		assertThat(browser.heading()).isEqualTo("Articles");
		browser.assertAccessible("article list");

		// Newest first, ten to a page: older articles are a page or two on.
		while (browser.driver()
			.findElements(By.linkText("Small promises, kept: why consistency rebuilds trust"))
			.isEmpty()) {
			browser.find(By.cssSelector("nav.pagination a[rel='next']")).click();
		}
		browser.find(By.linkText("Small promises, kept: why consistency rebuilds trust")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/articles/consistency")));
		assertThat(browser.heading()).isEqualTo("Small promises, kept: why consistency rebuilds trust");
		assertThat(browser.find(By.cssSelector(".article-cta a[href='/consultation']")).getText())
			.isEqualTo("Request a free consultation");
		browser.assertAccessible("article page");

		browser.find(By.cssSelector(".series-nav a[rel='next']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/articles/empathy-and-listening")));
		assertThat(browser.heading()).isEqualTo("Listening instead of defending");
		browser.find(By.cssSelector(".series-nav a[rel='prev']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/articles/consistency")));

		browser.find(By.cssSelector(".article-tags a[href='/articles/tag/consistency']")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(browser.url("/articles/tag/consistency")));
		assertThat(browser.heading()).isEqualTo("Articles about consistency");
		browser.assertAccessible("tag page");

		browser.type(By.id("q"), "grief");
		browser.find(By.cssSelector("form[role='search'] button")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/search?q=grief"));
		assertThat(browser.find(By.cssSelector("main ol.article-list li a")).getText())
			.isEqualTo("Grief in men: the loss nobody lets you talk about");
		browser.assertAccessible("search results");

		browser.type(By.id("q"), "xyzzyq");
		browser.find(By.cssSelector("form[role='search'] button")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/search?q=xyzzyq"));
		assertThat(browser.find(By.tagName("main")).getText()).contains("No article matches “xyzzyq”.");
		browser.assertAccessible("search without results");
	}

}
