package app.steadfast.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An article a later release ships reaches a library that already holds articles, once: a
 * restart neither copies it again nor brings it back after the admin renamed it.
 */
@SteadfastTest
class ShippedArticleLoadingTests {

	@Autowired
	ShippedArticles shipped;

	@Autowired
	ArticleManagement library;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLaterReleasesArticleArrivesOnceAndARenameStands(@TempDir Path release) throws Exception {
		String slug = "a-later-article-" + UUID.randomUUID().toString().substring(0, 8);
		Files.writeString(release.resolve(slug + ".md"), """
				---
				title: A later article
				slug: %s
				summary: Shipped by a later release.
				tags: [later-release]
				author: The team
				published: 2026-11-30
				---

				Words of a later release.
				""".formatted(slug));
		String location = "file:" + release.toAbsolutePath() + "/*.md";
		assertThat(this.library.published()).isNotEmpty();

		this.shipped.load(location);
		assertThat(this.library.read(slug))
			.hasValueSatisfying((article) -> assertThat(article.summary().title()).isEqualTo("A later article"));
		this.shipped.load(location);
		assertThat(count(slug)).isEqualTo(1);

		ArticleId id = this.library.publishedSummary(slug).orElseThrow().id();
		ArticleContent content = this.library.content(id);
		this.library.revise(id, new ArticleContent(slug + "-renamed", content.title(), content.summary(),
				content.tags(), content.series(), content.seriesOrder(), content.author(), content.body()));
		this.shipped.load(location);
		assertThat(count(slug)).isZero();
		assertThat(this.library.renamedTo(slug)).hasValue(slug + "-renamed");
	}

	private long count(String slug) {
		return this.jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

}
