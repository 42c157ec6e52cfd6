package app.steadfast.repair;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a question's id from an address, so a controller takes {@link QuestionId} as a
 * path variable. Text that is no id fails, and the address answers 404 like an id that
 * names nothing.
 */
@Component
class QuestionIdConverter implements Converter<String, QuestionId> {

	@Override
	public QuestionId convert(String text) {
		return new QuestionId(UUID.fromString(text));
	}

}
