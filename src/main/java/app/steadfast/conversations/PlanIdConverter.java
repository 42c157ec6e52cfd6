package app.steadfast.conversations;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a plan's id from an address, so a controller takes {@link PlanId} as a path
 * variable or a form field. Text that is no id fails, and the address answers 404 like an
 * id that names nothing (a form shows it beside its field). Blank text is no id at all,
 * as Spring reads a blank UUID: an address answers 404 the same, and a form's empty
 * choice is no choice.
 */
@Component
class PlanIdConverter implements Converter<String, PlanId> {

	@Override
	public @Nullable PlanId convert(String text) {
		return text.isBlank() ? null : new PlanId(UUID.fromString(text.strip()));
	}

}
