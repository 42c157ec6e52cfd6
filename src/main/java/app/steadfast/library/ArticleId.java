package app.steadfast.library;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to an article.
 *
 * @param value the article's UUID
 */
public record ArticleId(UUID value) {

	public ArticleId {
		Objects.requireNonNull(value, "value");
	}

}
