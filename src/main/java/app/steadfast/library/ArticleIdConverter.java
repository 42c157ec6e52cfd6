package app.steadfast.library;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads an article's id from an address, so a controller takes {@link ArticleId} as a
 * path variable (on the admin's pages: readers' addresses carry the slug). Text that is
 * no id fails, and the address answers 404 like an id that names nothing.
 */
@Component
class ArticleIdConverter implements Converter<String, ArticleId> {

	@Override
	public ArticleId convert(String text) {
		return new ArticleId(UUID.fromString(text));
	}

}
