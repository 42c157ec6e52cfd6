package app.steadfast.library;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public library as a visitor sees it, over the nineteen shipped articles (a database
 * of its own, so no other test's articles change the lists).
 */
@FreshDatabase
@SteadfastTest
class LibraryPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theListShowsTenArticlesAPageNewestFirst() throws Exception {
		MvcTestResult first = this.mvc.get().uri("/articles").exchange();
		assertThat(first).hasStatusOk();
		String page = first.getResponse().getContentAsString();
		assertThat(page.split("<li>\\s*<h2>", -1)).hasSize(11);
		assertThat(page.indexOf("/articles/good-partner-and-father-without-losing-yourself"))
			.isLessThan(page.indexOf("/articles/masculinity-myths"));
		assertThat(page).contains("Page 1 of 2", "href=\"/articles?page=2\"", "min read");

		String second = this.mvc.get().uri("/articles?page=2").exchange().getResponse().getContentAsString();
		assertThat(second.split("<li>\\s*<h2>", -1)).hasSize(10);
		assertThat(second).contains("/articles/what-rebuilding-trust-means", "Newer articles");
		assertThat(this.mvc.get().uri("/articles?page=99")).bodyText().contains("Page 2 of 2");
	}

	@Test
	void aTagPageListsOnlyArticlesWithThatTag() {
		assertThat(this.mvc.get().uri("/articles/tag/grief")).hasStatusOk()
			.bodyText()
			.contains("Articles about grief", "/articles/grief-in-men")
			.doesNotContain("href=\"/articles/consistency\"");
		assertThat(this.mvc.get().uri("/articles/tag/no-such-tag")).hasStatus(404);
	}

	@Test
	void anArticlePageHasItsSeriesNeighboursRelatedArticlesAndAQuietCallToAction() {
		MvcTestResult article = this.mvc.get().uri("/articles/consistency").exchange();
		assertThat(article).hasStatusOk();
		assertThat(article).bodyText()
			.contains("<h1>Small promises, kept: why consistency rebuilds trust</h1>", "The Madrega Wellness team",
					"min read")
			.contains("rel=\"prev\" href=\"/articles/transparency\"",
					"rel=\"next\" href=\"/articles/empathy-and-listening\"")
			.contains("Related articles", "href=\"/consultation\"", "Request a free consultation", "href=\"/crisis\"")
			.contains("<link rel=\"canonical\" href=\"http://localhost:8080/articles/consistency\">")
			.contains("<meta property=\"og:title\" content=\"Small promises, kept: why consistency rebuilds trust\">")
			.contains("<meta property=\"og:type\" content=\"article\">");
		assertThat(this.mvc.get().uri("/articles/what-rebuilding-trust-means")).bodyText()
			.doesNotContain("rel=\"prev\"")
			.contains("rel=\"next\" href=\"/articles/how-trust-breaks-down\"");
		assertThat(this.mvc.get().uri("/articles/no-such-article")).hasStatus(404);
	}

	@Test
	void searchRanksTitleMatchesFirstAndSaysSoWhenNothingMatches() throws Exception {
		String grief = this.mvc.get().uri("/search?q=grief").exchange().getResponse().getContentAsString();
		assertThat(grief).contains("articles match “grief”");
		assertThat(grief.indexOf("/articles/grief-in-men")).isPositive()
			.isLessThan(grief.indexOf("/articles/", grief.indexOf("/articles/grief-in-men") + 25));

		assertThat(this.mvc.get().uri("/search?q=xyzzyq")).hasStatusOk()
			.bodyText()
			.contains("No article matches “xyzzyq”.", "start with one of these");
		assertThat(this.mvc.get().uri("/search?q=")).hasStatusOk();
		assertThat(this.mvc.get().uri("/search?q=" + "trust ".repeat(500))).hasStatusOk();
		assertThat(this.mvc.get().uri("/search").param("q", "<script>alert(1)</script>")).bodyText()
			.doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;");
	}

	@Test
	void theAtomFeedListsEveryPublishedArticle() throws Exception {
		MvcTestResult feed = this.mvc.get().uri("/feed.xml").exchange();
		assertThat(feed).hasStatusOk();
		assertThat(feed.getResponse().getContentType()).startsWith("application/atom+xml");
		Document xml = parse(feed.getResponse().getContentAsString());
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(xml.getElementsByTagNameNS("*", "entry").getLength()).isEqualTo(19);
	}

	@Test
	void theSitemapListsPublicPagesAndArticles() throws Exception {
		MvcTestResult sitemap = this.mvc.get().uri("/sitemap.xml").exchange();
		assertThat(sitemap).hasStatusOk();
		Document xml = parse(sitemap.getResponse().getContentAsString());
		assertThat(xml.getElementsByTagNameNS("*", "url").getLength()).isGreaterThanOrEqualTo(18);
		assertThat(sitemap).bodyText()
			.contains("<loc>http://localhost:8080/articles/consistency</loc>",
					"<loc>http://localhost:8080/crisis</loc>");
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

}
