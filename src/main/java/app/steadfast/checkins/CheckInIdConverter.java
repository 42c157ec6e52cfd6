package app.steadfast.checkins;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a check-in's id from an address, so a controller takes {@link CheckInId} as a
 * path variable. Text that is no id fails, and the address answers 404 like an id that
 * names nothing.
 */
@Component
class CheckInIdConverter implements Converter<String, CheckInId> {

	@Override
	public CheckInId convert(String text) {
		return new CheckInId(UUID.fromString(text));
	}

}
