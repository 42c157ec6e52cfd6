package app.steadfast.conversations;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a talk's id from an address, so a controller takes {@link TalkId} as a path
 * variable. Text that is no id fails, and the address answers 404 like an id that names
 * nothing.
 */
@Component
class TalkIdConverter implements Converter<String, TalkId> {

	@Override
	public TalkId convert(String text) {
		return new TalkId(UUID.fromString(text));
	}

}
