package app.steadfast.conversations;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a plan's id from an address, so a controller takes {@link PlanId} as a path
 * variable. Text that is no id fails, and the address answers 404 like an id that names
 * nothing.
 */
@Component
class PlanIdConverter implements Converter<String, PlanId> {

	@Override
	public PlanId convert(String text) {
		return new PlanId(UUID.fromString(text));
	}

}
