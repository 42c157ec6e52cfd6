package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads an account's id from an address, so a controller takes {@link AccountId} as a
 * path variable. Text that is no id fails, and the address answers 404 like an id that
 * names nothing.
 */
@Component
class AccountIdConverter implements Converter<String, AccountId> {

	@Override
	public AccountId convert(String text) {
		return new AccountId(UUID.fromString(text));
	}

}
