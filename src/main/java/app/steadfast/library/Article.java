package app.steadfast.library;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * An article: Markdown with its title, summary, tags and place in a series.
 */
class Article {

	@Id
	private final UUID id;

	private String slug;

	private String title;

	private String summary;

	private String series;

	private Integer seriesOrder;

	private String author;

	private String body;

	private ArticleStatus status;

	private LocalDate publishedOn;

	private final Instant createdAt;

	private Instant updatedAt;

	@MappedCollection
	private Set<ArticleTag> tags;

	@Version
	private Long version;

	@PersistenceCreator
	Article(UUID id, String slug, String title, String summary, String series, Integer seriesOrder, String author,
			String body, ArticleStatus status, LocalDate publishedOn, Instant createdAt, Instant updatedAt,
			Set<ArticleTag> tags, Long version) {
		this.id = id;
		this.slug = slug;
		this.title = title;
		this.summary = summary;
		this.series = series;
		this.seriesOrder = seriesOrder;
		this.author = author;
		this.body = body;
		this.status = status;
		this.publishedOn = publishedOn;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.tags = (tags != null) ? new LinkedHashSet<>(tags) : new LinkedHashSet<>();
		this.version = version;
	}

	static Article draft(ArticleContent content, Instant now) {
		Article article = new Article(UUID.randomUUID(), content.slug(), content.title(), content.summary(),
				content.series(), content.seriesOrder(), content.author(), content.body(), ArticleStatus.DRAFT, null,
				now, now, Set.of(), null);
		article.tags = tags(content.tags());
		return article;
	}

	/** Replaces the content; the slug change, if any, is the caller's to record. */
	void revise(ArticleContent content, Instant now) {
		this.slug = content.slug();
		this.title = content.title();
		this.summary = content.summary();
		this.series = content.series();
		this.seriesOrder = content.seriesOrder();
		this.author = content.author();
		this.body = content.body();
		this.tags = tags(content.tags());
		this.updatedAt = now;
	}

	/** Publishes; a first publication keeps the date given, or takes today. */
	void publish(LocalDate on, Instant now) {
		this.status = ArticleStatus.PUBLISHED;
		if (this.publishedOn == null || on != null) {
			this.publishedOn = (on != null) ? on : LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
		}
		this.updatedAt = now;
	}

	void unpublish(Instant now) {
		this.status = ArticleStatus.DRAFT;
		this.updatedAt = now;
	}

	boolean isPublished() {
		return this.status == ArticleStatus.PUBLISHED;
	}

	UUID id() {
		return this.id;
	}

	String slug() {
		return this.slug;
	}

	LocalDate publishedOn() {
		return this.publishedOn;
	}

	ArticleContent content() {
		return new ArticleContent(this.slug, this.title, this.summary, tagList(), this.series, this.seriesOrder,
				this.author, this.body);
	}

	List<String> tagList() {
		return this.tags.stream().map(ArticleTag::tag).sorted(Comparator.naturalOrder()).toList();
	}

	ArticleSummary summary() {
		return new ArticleSummary(new ArticleId(this.id), this.slug, this.title, this.summary, tagList(), this.series,
				this.seriesOrder, this.author, this.status, this.publishedOn, ReadingTime.minutes(this.body),
				this.updatedAt);
	}

	String body() {
		return this.body;
	}

	private static Set<ArticleTag> tags(List<String> tags) {
		Set<ArticleTag> set = new LinkedHashSet<>();
		tags.forEach((tag) -> set.add(new ArticleTag(tag)));
		return set;
	}

}
