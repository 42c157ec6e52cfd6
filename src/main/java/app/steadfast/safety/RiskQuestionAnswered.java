package app.steadfast.safety;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone answered "yes" or "I'm not sure" to the direct question asked after risk
 * language. It carries no text: only who, what he answered and what the question was
 * about. The care module raises a clear alert from it where the client granted his
 * therapist risk alerts.
 *
 * @param id this answer, so a listener that runs twice raises one alert
 * @param owner the account that answered
 * @param answer {@link RiskAnswer#YES} or {@link RiskAnswer#NOT_SURE}
 * @param kind what the question was about
 */
public record RiskQuestionAnswered(UUID id, UUID owner, RiskAnswer answer, RiskKind kind) {

	public RiskQuestionAnswered {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(kind, "kind");
		if (answer == null || !answer.needsHelpNow()) {
			throw new IllegalArgumentException("Only a yes or a not sure is published");
		}
	}

}
