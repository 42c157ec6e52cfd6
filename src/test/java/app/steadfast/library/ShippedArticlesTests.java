package app.steadfast.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The articles that ship with the app: enough of them, long enough, well-formed, and
 * linked to each other.
 */
class ShippedArticlesTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(/articles/([a-z0-9-]+)\\)");

	@Test
	void atLeastTwelveArticlesOfAtLeastFiveHundredWordsEachLinkingToAnotherArticle() throws IOException {
		List<FrontMatter.Parsed> articles = new ArrayList<>();
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:content/articles/*.md")) {
			FrontMatter.Parsed parsed = FrontMatter.parse(file.getContentAsString(StandardCharsets.UTF_8));
			assertThat(file.getFilename()).isEqualTo(parsed.content().slug() + ".md");
			articles.add(parsed);
		}
		assertThat(articles).hasSizeGreaterThanOrEqualTo(12);
		Set<String> slugs = articles.stream().map((a) -> a.content().slug()).collect(Collectors.toSet());
		for (FrontMatter.Parsed article : articles) {
			ArticleContent content = article.content();
			assertThat(content.body().strip().split("\\s+").length).as(content.slug() + " words")
				.isGreaterThanOrEqualTo(500);
			assertThat(content.summary()).as(content.slug() + " summary").hasSizeLessThanOrEqualTo(300);
			assertThat(content.tags()).as(content.slug() + " tags").isNotEmpty();
			assertThat(article.published()).as(content.slug() + " date").isNotNull();
			assertThat(ArticleManagement.SLUG.matcher(content.slug()).matches()).isTrue();
			List<String> links = new ArrayList<>();
			Matcher link = LINK.matcher(content.body());
			while (link.find()) {
				links.add(link.group(1));
			}
			assertThat(links).as(content.slug() + " links to other articles")
				.isNotEmpty()
				.allSatisfy((target) -> assertThat(slugs).contains(target))
				.doesNotContain(content.slug());
			assertThat(content.body()).as(content.slug() + " has no raw HTML").doesNotContainPattern("<[a-zA-Z/]");
		}
	}

	@Test
	void frontMatterReadsQuotedTitlesAndTagLists() {
		FrontMatter.Parsed parsed = FrontMatter.parse("""
				---
				title: "Small promises, kept: why it works"
				slug: small-promises
				summary: Short.
				tags: [Trust, repair , trust]
				series: rebuilding-trust
				order: 6
				author: The team
				published: 2026-08-18
				---

				Body text.
				""");
		assertThat(parsed.content().title()).isEqualTo("Small promises, kept: why it works");
		assertThat(parsed.content().tags()).containsExactly("trust", "repair");
		assertThat(parsed.content().seriesOrder()).isEqualTo(6);
		assertThat(parsed.content().body()).isEqualTo("Body text.\n");
	}

	@Test
	void readingTimeIsRoundedUpAtTwoHundredWordsAMinute() {
		assertThat(ReadingTime.minutes("")).isEqualTo(1);
		assertThat(ReadingTime.minutes("word ".repeat(200))).isEqualTo(1);
		assertThat(ReadingTime.minutes("word ".repeat(201))).isEqualTo(2);
	}

}
