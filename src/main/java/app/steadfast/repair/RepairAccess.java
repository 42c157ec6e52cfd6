package app.steadfast.repair;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;
import app.steadfast.sharing.SharingManagement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use the repair pages (a client his statements; a partner or therapist only what
 * he shared; the couple their questions), and what they offer on the home page.
 */
@Configuration(proxyBeanMethods = false)
class RepairAccess {

	@Bean
	ModuleAccess repairRules() {
		return () -> List.of(AccessRule.roles("/repair", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/repair/statements/**", Role.CLIENT),
				AccessRule.roles("/repair/shared/**", Role.PARTNER, Role.THERAPIST),
				AccessRule.roles("/repair/questions/**", Role.CLIENT, Role.PARTNER));
	}

	@Bean
	NextSteps repairNextSteps(QuestionManagement questions, SharingManagement sharing, java.time.Clock clock) {
		return (person) -> switch (person.role()) {
			case CLIENT -> {
				NextStep statement = new NextStep("Own what happened",
						"Write your accountability statement, part by part. An excuse check shows where words defend "
								+ "instead of own. Only you see it until you choose to share a version.",
						"/repair", "Your statement and questions", 15);
				int waiting = questions.tally(person.account(), clock.instant()).waiting();
				yield (waiting == 0) ? List.of(statement)
						: List.of(NextStep.now("Your partner asked you something",
								((waiting == 1) ? "One question is waiting for your answer."
										: waiting + " questions are waiting for your answer.")
										+ " Answer in your own words. If you need time, saying so is an answer too.",
								"/repair", "Answer", 7), statement);
			}
			// On her own, her questions wait with her until she chooses to send them.
			case PARTNER -> sharing.channel(person.account()).isEmpty() ? List.of(new NextStep("What you need to know",
					"Write down the questions you need answered, in your own words. They stay with you, unread by "
							+ "anyone, until you choose to send them.",
					"/repair/kept", "Your questions", 15))
					: List.of(new NextStep("Ask what you need to know",
							"Ask your partner questions and get answers that stay on record. "
									+ "Read what they chose to share with you, and respond in your own words.",
							"/repair", "Questions and statements", 15));
			case THERAPIST -> List.of(new NextStep("Statements shared with you",
					"Accountability statements your clients chose to share with you.", "/repair/shared",
					"Shared statements", 40));
			default -> List.of();
		};
	}

}
