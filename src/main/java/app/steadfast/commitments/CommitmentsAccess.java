package app.steadfast.commitments;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use the commitment pages (a client only his own; anyone he shares with only the
 * shared page), and what they offer on the home page.
 */
@Configuration(proxyBeanMethods = false)
class CommitmentsAccess {

	@Bean
	ModuleAccess commitmentRules() {
		return () -> List.of(AccessRule.roles("/commitments", Role.CLIENT),
				AccessRule.roles("/commitments/new", Role.CLIENT),
				AccessRule.roles("/commitments/reliability", Role.CLIENT),
				AccessRule.roles("/commitments/settings", Role.CLIENT),
				AccessRule.roles("/commitments/shared/**", Role.CLIENT, Role.PARTNER),
				// Every other address names one of his commitments (the first rule that
				// matches decides, so the shared pages above stay theirs). An id that is
				// malformed, or not his, answers 404 like any other, not 403.
				AccessRule.roles("/commitments/{id}/**", Role.CLIENT));
	}

	@Bean
	NextSteps commitmentNextSteps() {
		return (person) -> switch (person.role()) {
			case CLIENT -> List.of(new NextStep("Keep one small promise",
					"Pick something small enough to check: a time, a place, a thing you'll do. "
							+ "Then mark each day whether you kept it. Only you see it unless you choose to share.",
					"/commitments", "Your commitments", 20));
			default -> List.of();
		};
	}

}
