package app.steadfast.library;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The article editor's form. The series order is text so that a typo is shown back, not
 * lost.
 */
record ArticleForm(
		@NotBlank(message = "Give the article an address, like “honesty-without-excuses”.") @Size(max = 120,
				message = "Use at most 120 characters.") String slug,
		@NotBlank(message = "Give the article a title.") @Size(max = 200,
				message = "Use at most 200 characters.") String title,
		@NotBlank(message = "Write a one- or two-sentence summary.") @Size(max = 300,
				message = "Use at most 300 characters.") String summary,
		@Size(max = 300, message = "Use at most 300 characters.") String tags,
		@Size(max = 80, message = "Use at most 80 characters.") String series,
		@Pattern(regexp = "^$|^[1-9][0-9]{0,3}$",
				message = "Use a whole number from 1, or leave it empty.") String seriesOrder,
		@NotBlank(message = "Say who wrote it.") @Size(max = 120,
				message = "Use at most 120 characters.") String author,
		@NotBlank(message = "The article needs some text.") @Size(max = 100000,
				message = "Articles can be at most 100,000 characters.") String body) {

	static ArticleForm empty(String author) {
		return new ArticleForm("", "", "", "", "", "", author, "");
	}

	static ArticleForm of(ArticleContent content) {
		return new ArticleForm(content.slug(), content.title(), content.summary(), String.join(", ", content.tags()),
				(content.series() != null) ? content.series() : "",
				(content.seriesOrder() != null) ? content.seriesOrder().toString() : "", content.author(),
				content.body());
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
