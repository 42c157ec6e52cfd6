package app.steadfast.conversations;

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
 * Who may use the conversation pages (a client only his own; anyone he shares with only
 * the shared page), and what they offer on the home page.
 */
@Configuration(proxyBeanMethods = false)
class ConversationsAccess {

	@Bean
	ModuleAccess conversationRules() {
		return () -> List.of(AccessRule.roles("/conversations", Role.CLIENT),
				AccessRule.roles("/conversations/plans/**", Role.CLIENT),
				AccessRule.roles("/conversations/pause/**", Role.CLIENT),
				AccessRule.roles("/conversations/talks/**", Role.CLIENT),
				AccessRule.roles("/conversations/topics/**", Role.CLIENT),
				AccessRule.roles("/conversations/phrases/**", Role.CLIENT),
				AccessRule.roles("/conversations/patterns", Role.CLIENT),
				// A therapist he grants conversations reads the shared page; only a
				// partner adds a view.
				AccessRule.roles("/conversations/shared", Role.CLIENT, Role.PARTNER, Role.THERAPIST),
				AccessRule.roles("/conversations/shared/*", Role.CLIENT, Role.PARTNER),
				// The pause tool kept for use offline holds no one's data.
				AccessRule.everyone(org.springframework.http.HttpMethod.GET, OfflinePauseController.PATH));
	}

	@Bean
	NextSteps conversationNextSteps(SharingManagement sharing) {
		return (person) -> switch (person.role()) {
			case CLIENT -> List.of(new NextStep("Get ready for a hard talk",
					"Plan what your partner may need to hear and what you won't say, keep a pause tool "
							+ "at hand, and log how it went. Only you see it unless you choose to share.",
					"/conversations", "Hard conversations", 30));
			// A partner on her own has no one whose talks could reach her.
			case PARTNER -> sharing.channel(person.account()).isEmpty() ? List.of()
					: List.of(new NextStep("Talks shared with you",
							"If your partner shares their log of hard conversations, you can read it here and add "
									+ "how it went for you. You never have to.",
							"/conversations/shared", "Shared talks", 40));
			default -> List.of();
		};
	}

}
