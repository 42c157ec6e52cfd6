package app.steadfast.repair;

import java.util.Objects;
import java.util.UUID;

/**
 * Refers to a question a partner asked.
 *
 * @param value the question's UUID
 */
public record QuestionId(UUID value) {

	public QuestionId {
		Objects.requireNonNull(value, "value");
	}

}
