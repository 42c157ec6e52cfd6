package app.steadfast.repair;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a statement's id from an address, so a controller takes {@link StatementId} as a
 * path variable. Text that is no id fails, and the address answers 404 like an id that
 * names nothing.
 */
@Component
class StatementIdConverter implements Converter<String, StatementId> {

	@Override
	public StatementId convert(String text) {
		return new StatementId(UUID.fromString(text));
	}

}
