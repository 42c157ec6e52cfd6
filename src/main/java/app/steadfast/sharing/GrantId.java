package app.steadfast.sharing;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to a grant.
 *
 * @param value the grant's UUID
 */
public record GrantId(UUID value) {

	public GrantId {
		Objects.requireNonNull(value, "value");
	}

}
