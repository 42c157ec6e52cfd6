package app.steadfast.couple;

import java.util.List;

import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where a partner starts, invited or on her own: the private intake with its safety
 * screen, before anything else on her Today.
 */
@Configuration(proxyBeanMethods = false)
class PartnerStart {

	@Bean
	NextSteps partnerIntakeFirst(CoupleManagement couple) {
		return (person) -> (person.role() == Role.PARTNER && !couple.intakeDone(person.account()))
				? List.of(NextStep.now("A few private questions first",
						"What brings you here, what you hope for, and whether you feel safe. Nobody else ever sees "
								+ "your answers.",
						"/couple/intake", "Answer the intake", 1))
				: List.of();
	}

}
