package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads an account's id from an address or a form field, so a controller takes
 * {@link AccountId} as a path variable or a form's field. Text that is no id fails, and
 * the address answers 404 like an id that names nothing. Blank text is no id at all, as
 * Spring reads a blank UUID: an address answers 404 the same, and a form's empty choice
 * is no choice.
 */
@Component
class AccountIdConverter implements Converter<String, AccountId> {

	@Override
	public @Nullable AccountId convert(String text) {
		return text.isBlank() ? null : new AccountId(UUID.fromString(text.strip()));
	}

}
