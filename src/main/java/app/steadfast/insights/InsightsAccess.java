package app.steadfast.insights;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;
import app.steadfast.shared.SensitiveAction;
import app.steadfast.shared.SensitiveActions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the progress pages (each person their own), and the card that leads there.
 */
@Configuration(proxyBeanMethods = false)
class InsightsAccess {

	@Bean
	ModuleAccess insightsRules() {
		return () -> List.of(AccessRule.roles("/insights", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/signals/*/dismiss", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/data", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/export", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/review", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/report", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/report.pdf", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/review/day", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/insights/review/*/report", Role.CLIENT, Role.PARTNER));
	}

	/** Taking his data out needs a recent sign-in. */
	@Bean
	SensitiveActions insightsSensitiveActions() {
		return () -> List.of(SensitiveAction.of(HttpMethod.GET, "/insights/export"),
				SensitiveAction.of(HttpMethod.GET, "/insights/data"));
	}

	@Bean
	NextSteps insightsNextSteps(WeeklyReview review) {
		return (person) -> {
			if (person.role() != Role.CLIENT && person.role() != Role.PARTNER) {
				return List.of();
			}
			List<NextStep> steps = new java.util.ArrayList<>();
			if (review.due(person.account())) {
				steps.add(NextStep.now("Your weekly review",
						"It's the day you chose. Look back at the week and write one line on what you learned.",
						"/insights/review", "Review this week", 5));
			}
			steps.add(new NextStep("See how the weeks add up",
					(person.role() == Role.PARTNER)
							? "Week by week: what you felt, and how you and your partner each rate things. "
									+ "Slow change is still change."
							: "Week by week: what you felt, what you kept, and how the two of you rate things. "
									+ "Slow change is still change.",
					"/insights", "Your progress", 60));
			return steps;
		};
	}

}
