package app.steadfast.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to a person's account; the only way other modules name one.
 *
 * @param value the account's UUID
 */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	/** Parses an id from its text form. */
	public static AccountId of(String value) {
		return new AccountId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
