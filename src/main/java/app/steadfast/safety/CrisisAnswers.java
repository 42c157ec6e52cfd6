package app.steadfast.safety;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers to the direct question. Nothing is stored here: a "yes" or "not sure" is
 * published (who, which answer, about what) for the care module, which alerts his
 * therapist only where he granted risk alerts; a "no" goes nowhere.
 */
@Service
class CrisisAnswers {

	private final ApplicationEventPublisher events;

	CrisisAnswers(ApplicationEventPublisher events) {
		this.events = events;
	}

	/**
	 * Records an answer: publishes {@link RiskQuestionAnswered} for a yes or a not sure,
	 * in a transaction, so the event publication registry keeps it until its listeners
	 * have run.
	 */
	@Transactional
	void answer(UUID owner, RiskAnswer answer, RiskKind kind) {
		if (answer.needsHelpNow()) {
			this.events.publishEvent(new RiskQuestionAnswered(UUID.randomUUID(), owner, answer, kind));
		}
	}

}
