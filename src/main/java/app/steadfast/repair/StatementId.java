package app.steadfast.repair;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to an accountability statement.
 *
 * @param value the statement's UUID
 */
public record StatementId(UUID value) {

	public StatementId {
		Objects.requireNonNull(value, "value");
	}

}
