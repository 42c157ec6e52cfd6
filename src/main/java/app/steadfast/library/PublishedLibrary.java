package app.steadfast.library;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The published articles as visitors read them, kept in memory while the library does not
 * change. Every read asks the database one small question first (how many articles, the
 * latest change, the sum of their versions): every edit, publication, withdrawal and
 * deletion changes that answer, on whichever node it happened, and the next read loads
 * the library again. So an article page costs one query instead of loading every article
 * with its tags, and its Markdown is rendered once per edit instead of once per visit.
 * The articles kept here are only read, never changed or saved.
 */
@Component
class PublishedLibrary {

	private static final Comparator<Article> NEWEST_FIRST = Comparator
		.comparing(Article::publishedOn, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(Article::slug);

	private final Articles articles;

	private final Markdown markdown;

	private final JdbcClient jdbc;

	private volatile Snapshot current;

	PublishedLibrary(Articles articles, Markdown markdown, JdbcClient jdbc) {
		this.articles = articles;
		this.markdown = markdown;
		this.jdbc = jdbc;
	}

	/** The published library as it stands now (call inside a transaction). */
	Snapshot now() {
		Stamp stamp = stamp();
		Snapshot snapshot = this.current;
		if (snapshot == null || !snapshot.stamp().equals(stamp)) {
			// Read after the stamp: the snapshot is at least as new as its stamp says.
			snapshot = load(stamp);
			this.current = snapshot;
		}
		return snapshot;
	}

	private Stamp stamp() {
		return this.jdbc.sql("SELECT COUNT(*) AS n, MAX(updated_at) AS latest, SUM(version) AS versions FROM article")
			.query((rs, row) -> new Stamp(rs.getLong("n"), rs.getObject("latest", OffsetDateTime.class),
					rs.getLong("versions")))
			.single();
	}

	private Snapshot load(Stamp stamp) {
		List<Article> published = this.articles.findByStatus(ArticleStatus.PUBLISHED)
			.stream()
			.sorted(NEWEST_FIRST)
			.toList();
		Map<String, ArticleSummary> summaries = new LinkedHashMap<>();
		Map<String, Article> bySlug = new LinkedHashMap<>();
		for (Article article : published) {
			summaries.put(article.slug(), article.summary());
			bySlug.put(article.slug(), article);
		}
		return new Snapshot(stamp, published, List.copyOf(summaries.values()), bySlug, summaries,
				new ConcurrentHashMap<>(), this.markdown);
	}

	/** What identifies a state of the library. */
	record Stamp(long articles, OffsetDateTime latestChange, long versions) {
	}

	/**
	 * The published library at one stamp.
	 *
	 * @param stamp the state it was read at
	 * @param articles published articles, newest first (read only)
	 * @param summaries their summaries, in the same order
	 * @param bySlug articles by slug
	 * @param summaryBySlug summaries by slug
	 * @param html rendered bodies by slug, filled as they are read
	 * @param markdown renders a body
	 */
	record Snapshot(Stamp stamp, List<Article> articles, List<ArticleSummary> summaries, Map<String, Article> bySlug,
			Map<String, ArticleSummary> summaryBySlug, Map<String, String> html, Markdown markdown) {

		/** The article's body as HTML, rendered once per snapshot. */
		String html(String slug) {
			return this.html.computeIfAbsent(slug, (s) -> this.markdown.toHtml(this.bySlug.get(s).body()));
		}

	}

}
