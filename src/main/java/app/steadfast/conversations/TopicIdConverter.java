package app.steadfast.conversations;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a topic's id from an address, so a controller takes {@link TopicId} as a path
 * variable. Text that is no id fails, and the address answers 404 like an id that names
 * nothing.
 */
@Component
class TopicIdConverter implements Converter<String, TopicId> {

	@Override
	public TopicId convert(String text) {
		return new TopicId(UUID.fromString(text));
	}

}
