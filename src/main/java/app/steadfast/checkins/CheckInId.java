package app.steadfast.checkins;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to a check-in.
 *
 * @param value the check-in's UUID
 */
public record CheckInId(UUID value) {

	public CheckInId {
		Objects.requireNonNull(value, "value");
	}

}
