package app.steadfast.consultations;

import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use the consultation pages, and what they offer on the home page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ConsultationSettings.class, BookingSettings.class })
class ConsultationsAccess {

	@Bean
	ModuleAccess consultationsRules() {
		// The invitation page answers 404 unless its link still works, so it shows
		// nothing to a visitor without one.
		return () -> List.of(AccessRule.everyone("/consultation"), AccessRule.everyone("/consultation/invitation"),
				AccessRule.roles("/consultations/**", Role.THERAPIST, Role.ADMIN));
	}

	@Bean
	NextSteps consultationsNextSteps(ConsultationManagement consultations, TherapistAssignments assignments) {
		return (person) -> switch (person.role()) {
			case THERAPIST, ADMIN -> {
				long waiting = consultations.countNew();
				yield List.of(new NextStep("Consultation requests", waiting(waiting), "/consultations",
						"Open the requests", 15, waiting > 0));
			}
			case CLIENT -> assignments.therapistOf(person.account()).isPresent() ? List.of()
					: List.of(new NextStep("Talk it through with a therapist",
							"When you feel stuck, a free first conversation with one of the practice's therapists "
									+ "can help you see what's next. No obligation.",
							"/consultation", "Ask for a free consultation", 80));
			default -> List.of();
		};
	}

	private static String waiting(long count) {
		if (count == 0) {
			return "No new requests right now. Requests in progress are in the inbox.";
		}
		return (count == 1) ? "1 new request is waiting for a first contact."
				: count + " new requests are waiting for a first contact.";
	}

}
