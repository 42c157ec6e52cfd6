package app.steadfast.library;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The article editor's form. The series order is text so that a typo is shown back, not
 * lost.
 */
record ArticleForm(@NotBlank(message = "{article.slug.required}") @Size(max = 120, message = "{text.size}") String slug,
		@NotBlank(message = "{article.title.required}") @Size(max = 200, message = "{text.size}") String title,
		@NotBlank(message = "{article.summary.required}") @Size(max = 300, message = "{text.size}") String summary,
		@Size(max = 300, message = "{text.size}") String tags, @Size(max = 80, message = "{text.size}") String series,
		@Pattern(regexp = "^$|^[1-9][0-9]{0,3}$", message = "{article.seriesOrder.pattern}") String seriesOrder,
		@NotBlank(message = "{article.author.required}") @Size(max = 120, message = "{text.size}") String author,
		@NotBlank(message = "{article.body.required}") @Size(max = 100000, message = "{article.body.size}") String body,
		@Nullable String action) {

	static ArticleForm empty(String author) {
		return new ArticleForm("", "", "", "", "", "", author, "", null);
	}

	static ArticleForm of(ArticleContent content) {
		return new ArticleForm(content.slug(), content.title(), content.summary(), String.join(", ", content.tags()),
				(content.series() != null) ? content.series() : "",
				(content.seriesOrder() != null) ? content.seriesOrder().toString() : "", content.author(),
				content.body(), null);
	}

	/** Whether the editor's preview button was pressed, rather than save. */
	boolean previews() {
		return "preview".equals(this.action);
	}

	ArticleContent content() {
		List<String> tagList = (this.tags == null) ? List.of()
				: Arrays.stream(this.tags.split(","))
					.map((tag) -> tag.strip().toLowerCase(java.util.Locale.ROOT))
					.filter((tag) -> !tag.isEmpty())
					.distinct()
					.toList();
		Integer order = (this.seriesOrder == null || this.seriesOrder.isBlank()) ? null
				: Integer.valueOf(this.seriesOrder.strip());
		return new ArticleContent(this.slug, this.title, this.summary, tagList, this.series, order, this.author,
				this.body);
	}

}
