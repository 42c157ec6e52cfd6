package app.steadfast.path;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use her path (the partner, her own only) and its editor (the admin), and what
 * it offers on the home page: her next step while the path is unfinished.
 */
@Configuration(proxyBeanMethods = false)
class PathAccess {

	@Bean
	ModuleAccess pathRules() {
		return () -> List.of(AccessRule.roles("/path/**", Role.PARTNER),
				AccessRule.roles("/admin/path/**", Role.ADMIN));
	}

	@Bean
	NextSteps pathNextSteps(PathManagement path) {
		return (person) -> switch (person.role()) {
			case PARTNER -> {
				PathManagement.Overview overview = path.overview(person.account());
				PathManagement.StepSummary next = overview.next();
				yield (next == null) ? List.of()
						: List.of(NextStep.now("Your path: step " + next.number() + " of " + overview.steps().size(),
								next.title() + ". A short read and one question to answer for yourself, "
										+ "kept in your journal. Only you see it.",
								"/path/" + next.key(),
								(overview.done() == 0) ? "Start your path" : "Take the next step", 3));
			}
			case ADMIN -> List.of(new NextStep("The partner's path",
					"The steps offered to the partner who was hurt: their text, article and exercise.", "/admin/path",
					"Edit the path", 41));
			default -> List.of();
		};
	}

}
