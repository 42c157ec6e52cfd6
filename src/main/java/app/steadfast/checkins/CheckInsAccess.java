package app.steadfast.checkins;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.Dates;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.SignedIn;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use the check-in pages (each person only his own), and what they offer on the
 * home page.
 */
@Configuration(proxyBeanMethods = false)
class CheckInsAccess {

	@Bean
	ModuleAccess checkInRules() {
		return () -> List.of(AccessRule.roles("/checkins/**", Role.CLIENT, Role.PARTNER),
				// The quick flow kept for use offline holds no one's data.
				AccessRule.everyone(org.springframework.http.HttpMethod.GET, OfflineNameItController.PATH));
	}

	@Bean
	NextSteps checkInNextSteps(CheckIns checkIns, Dates dates) {
		return (person) -> switch (person.role()) {
			case CLIENT, PARTNER -> List.of(checkedInToday(checkIns, dates, person) ? new NextStep("Name what you feel",
					"A check-in takes about a minute: the word, how strong, where you feel it, what set it off. "
							+ "Only you see it unless you choose to share.",
					"/checkins/new", "Check in now", 10)
					: NextStep.now("Check in today",
							"No check-in yet today. Name what you feel: the word, how strong, where you feel it. "
									+ "About a minute, and only you see it unless you choose to share.",
							"/checkins/new", "Check in now", 10),
					new NextStep("Your patterns",
							"What you named most, when, and what set it off, over the last 4 and 12 weeks.",
							"/checkins/summary", "See your patterns", 30));
			default -> List.of();
		};
	}

	// Whether his newest check-in is from today, where he is.
	private static boolean checkedInToday(CheckIns checkIns, Dates dates, SignedIn person) {
		return checkIns.existsByOwnerIdAndOccurredAtGreaterThanEqual(person.accountId(), dates.startOfToday(person));
	}

}
