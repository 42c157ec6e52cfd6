package app.steadfast.commitments;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.Dates;
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
				// Any other segment is a commitment's id, a malformed one too: it answers
				// 404 like an id that is not his, never 403.
				AccessRule.roles("/commitments/{id:(?!(?:new|reliability|settings|shared)$).+}/**", Role.CLIENT),
				AccessRule.roles("/commitments/shared/**", Role.CLIENT, Role.PARTNER));
	}

	@Bean
	NextSteps commitmentNextSteps(CommitmentQueries queries, Dates dates) {
		return (person) -> switch (person.role()) {
			case CLIENT -> {
				int unmarked = queries.unmarked(person.account(), dates.today(person));
				yield (unmarked == 0) ? List.of(keepOne())
						: List.of(NextStep.now((unmarked == 1) ? "Today's promise" : "Today's promises",
								((unmarked == 1) ? "One promise is due today and not marked yet."
										: unmarked + " promises are due today and not marked yet.")
										+ " Kept or not, mark it honestly: both count.",
								"/commitments", "Mark today", 8), keepOne());
			}
			default -> List.of();
		};
	}

	private static NextStep keepOne() {
		return new NextStep("Keep one small promise",
				"Pick something small enough to check: a time, a place, a thing you'll do. "
						+ "Then mark each day whether you kept it. Only you see it unless you choose to share.",
				"/commitments", "Your commitments", 20);
	}

}
