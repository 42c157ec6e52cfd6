package app.steadfast.library;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's API: published articles for everyone, and the admin's drafts and edits.
 * Published slugs never change silently: renaming one keeps the old address as a
 * redirect.
 */
@Service
public class ArticleManagement {

	/** Articles per page of a list. */
	public static final int PAGE_SIZE = 10;

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final Articles articles;

	private final Markdown markdown;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PublishedLibrary library;

	ArticleManagement(Articles articles, Markdown markdown, JdbcClient jdbc, Clock clock, PublishedLibrary library) {
		this.library = library;
		this.articles = articles;
		this.markdown = markdown;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every published article, newest first. */
	@Transactional(readOnly = true)
	public List<ArticleSummary> published() {
		return this.library.now().summaries();
	}

	/**
	 * One page of published articles, newest first, optionally only those with a tag. A
	 * page beyond the last answers with the last page.
	 */
	@Transactional(readOnly = true)
	public ArticlePage page(int page, String tag) {
		List<ArticleSummary> all = this.library.now()
			.summaries()
			.stream()
			.filter((article) -> tag == null || article.tags().contains(tag))
			.toList();
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		int from = (current - 1) * PAGE_SIZE;
		return new ArticlePage(all.subList(from, Math.min(all.size(), from + PAGE_SIZE)), current, pages);
	}

	/** The tags of published articles, each with how many articles carry it, by name. */
	@Transactional(readOnly = true)
	public List<TagCount> tags() {
		return this.library.now()
			.summaries()
			.stream()
			.flatMap((article) -> article.tags().stream())
			.collect(java.util.stream.Collectors.groupingBy((tag) -> tag, java.util.TreeMap::new,
					java.util.stream.Collectors.counting()))
			.entrySet()
			.stream()
			.map((entry) -> new TagCount(entry.getKey(), entry.getValue().intValue()))
			.toList();
	}

	/**
	 * A published article with its neighbours in its series and related articles; empty
	 * for a draft or an unknown slug.
	 */
	@Transactional(readOnly = true)
	public Optional<ArticleView> read(String slug) {
		PublishedLibrary.Snapshot library = this.library.now();
		return Optional.ofNullable(library.summaryBySlug().get(slug)).map((summary) -> {
			List<ArticleSummary> series = (summary.series() == null) ? List.of() : library.summaries()
				.stream()
				.filter((other) -> summary.series().equals(other.series()))
				.sorted(Comparator.comparing(ArticleSummary::seriesOrder, Comparator.nullsLast(Integer::compare))
					.thenComparing(ArticleSummary::publishedOn))
				.toList();
			int at = series.indexOf(summary);
			ArticleSummary previous = (at > 0) ? series.get(at - 1) : null;
			ArticleSummary next = (at >= 0 && at < series.size() - 1) ? series.get(at + 1) : null;
			List<ArticleSummary> related = library.summaries()
				.stream()
				.filter((other) -> !other.slug().equals(slug))
				.filter((other) -> shared(other, summary) > 0)
				.sorted(Comparator.comparingInt((ArticleSummary other) -> shared(other, summary))
					.reversed()
					.thenComparing(ArticleSummary::publishedOn, Comparator.reverseOrder()))
				.limit(3)
				.toList();
			return new ArticleView(summary, library.html(slug), previous, next, related);
		});
	}

	/** A published article as lists show it; empty for a draft or an unknown slug. */
	@Transactional(readOnly = true)
	public Optional<ArticleSummary> publishedSummary(String slug) {
		return Optional.ofNullable(this.library.now().summaryBySlug().get(slug));
	}

	/** Where an old slug of a published article now lives, if it was renamed. */
	@Transactional(readOnly = true)
	public Optional<String> renamedTo(String oldSlug) {
		return this.jdbc.sql("""
				SELECT a.slug FROM article_slug_redirect r JOIN article a ON a.id = r.article_id
				WHERE r.old_slug = :slug AND a.status = 'PUBLISHED'
				""").param("slug", oldSlug).query(String.class).optional();
	}

	/** Published articles matching the query, best first. */
	@Transactional(readOnly = true)
	public List<SearchHit> search(String query) {
		return ArticleSearch.search(this.library.now().articles(), query);
	}

	/** Every article, drafts included, for the admin; newest change first. */
	@Transactional(readOnly = true)
	public List<ArticleSummary> all() {
		return this.articles.findAll()
			.stream()
			.map(Article::summary)
			.sorted(Comparator.comparing(ArticleSummary::updatedAt).reversed())
			.toList();
	}

	/** An article's content and status for the editor. */
	@Transactional(readOnly = true)
	public ArticleSummary summary(ArticleId id) {
		return find(id).summary();
	}

	/** An article's content for the editor. */
	@Transactional(readOnly = true)
	public ArticleContent content(ArticleId id) {
		return find(id).content();
	}

	/**
	 * Saves a new article as a draft.
	 * @throws InvalidArticle if the content breaks a rule or the slug is taken
	 */
	@Transactional
	public ArticleId create(ArticleContent content) {
		ArticleContent checked = check(content, null);
		Article article = this.articles.save(Article.draft(checked, this.clock.instant()));
		return new ArticleId(article.id());
	}

	/**
	 * Saves changed content. When a published article gets a new slug, its old slug keeps
	 * working as a permanent redirect.
	 */
	@Transactional
	public void revise(ArticleId id, ArticleContent content) {
		Article article = find(id);
		ArticleContent checked = check(content, article.id());
		String oldSlug = article.slug();
		Instant now = this.clock.instant();
		// A slug coming back into use (by this or any article) no longer redirects.
		this.jdbc.sql("DELETE FROM article_slug_redirect WHERE old_slug = :slug")
			.param("slug", checked.slug())
			.update();
		if (article.isPublished() && !oldSlug.equals(checked.slug())) {
			this.jdbc.sql("""
					INSERT INTO article_slug_redirect (old_slug, article_id, created_at) VALUES (:slug, :id, :at)
					""")
				.param("slug", oldSlug)
				.param("id", article.id())
				.param("at", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		article.revise(checked, now);
		this.articles.save(article);
	}

	/** Publishes an article; a first publication is dated today. */
	@Transactional
	public void publish(ArticleId id) {
		Article article = find(id);
		article.publish(null, this.clock.instant());
		this.articles.save(article);
	}

	/** Takes an article back to draft: visitors no longer see it. */
	@Transactional
	public void unpublish(ArticleId id) {
		Article article = find(id);
		article.unpublish(this.clock.instant());
		this.articles.save(article);
	}

	/** Renders Markdown as an article page would, for the editor's preview. */
	public String preview(String markdown) {
		return this.markdown.toHtml(markdown);
	}

	private Article find(ArticleId id) {
		return this.articles.findById(id.value()).orElseThrow(NotFound::new);
	}

	private static int shared(ArticleSummary a, ArticleSummary b) {
		return (int) a.tags().stream().filter(b.tags()::contains).count();
	}

	private ArticleContent check(ArticleContent content, UUID self) {
		String slug = Objects.requireNonNullElse(content.slug(), "").strip();
		if (!SLUG.matcher(slug).matches() || slug.length() > 120) {
			throw new InvalidArticle("slug",
					"Use lower-case letters, digits and single hyphens, like “honesty-without-excuses”.");
		}
		this.articles.findBySlug(slug).filter((other) -> !other.id().equals(self)).ifPresent((other) -> {
			throw new InvalidArticle("slug", "Another article already uses this address.");
		});
		for (String tag : content.tags()) {
			if (!SLUG.matcher(tag).matches() || tag.length() > 60) {
				throw new InvalidArticle("tags", "Tags are lower-case words joined by hyphens, separated by commas.");
			}
		}
		return new ArticleContent(slug, clean(content.title()).strip(), clean(content.summary()).strip(),
				content.tags(), blankToNull(clean(content.series())), content.seriesOrder(),
				clean(content.author()).strip(), clean(content.body()));
	}

	/**
	 * Control characters have no place in an article, and XML (the feed) cannot carry
	 * them.
	 */
	static String clean(String text) {
		return (text != null) ? text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "") : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
