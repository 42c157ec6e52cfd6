package app.steadfast.consultations;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to a free-consultation request; the only way other modules name one.
 *
 * @param value the request's UUID
 */
public record ConsultationId(UUID value) {

	public ConsultationId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
