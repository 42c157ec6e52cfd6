package app.steadfast.accounts;

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
 * Who may use the accounts pages, and what they offer on the home page.
 */
@Configuration(proxyBeanMethods = false)
class AccountsAccess {

	@Bean
	ModuleAccess accountsRules() {
		return () -> List.of(AccessRule.everyone("/login"), AccessRule.everyone("/signup"),
				AccessRule.everyone("/signup/sent"), AccessRule.everyone("/signup/confirm"),
				AccessRule.everyone("/setup"), AccessRule.everyone("/accounts/forgot"),
				AccessRule.everyone("/accounts/reset"), AccessRule.signedIn("/accounts/password"),
				AccessRule.signedIn("/accounts/settings"),
				AccessRule.roles("/accounts/delete", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/admin/staff/**", Role.ADMIN), AccessRule.roles("/admin/outbox/**", Role.ADMIN),
				// The second step of a password sign-in: the controller sends a visitor
				// to
				// /login.
				AccessRule.everyone("/login/code/**"), AccessRule.signedIn("/accounts/security/**"),
				AccessRule.signedIn("/accounts/confirm/**"),
				// Passkey sign-in (Spring Security's WebAuthn filters answer these).
				AccessRule.everyone(HttpMethod.POST, "/webauthn/authenticate/options"),
				AccessRule.everyone(HttpMethod.POST, "/login/webauthn"), AccessRule.signedIn("/webauthn/register/**"));
	}

	/** Changing how he signs in needs a sign-in within the last ten minutes. */
	@Bean
	SensitiveActions accountsSensitiveActions() {
		return () -> List.of(SensitiveAction.of(HttpMethod.GET, "/accounts/password"),
				SensitiveAction.of(HttpMethod.POST, "/accounts/password"),
				SensitiveAction.of(HttpMethod.GET, "/accounts/security"),
				SensitiveAction.of(HttpMethod.POST, "/accounts/security/**"),
				SensitiveAction.of(HttpMethod.POST, "/webauthn/register/**"),
				SensitiveAction.of(HttpMethod.DELETE, "/webauthn/register/**"));
	}

	@Bean
	NextSteps accountsNextSteps() {
		return (person) -> switch (person.role()) {
			case ADMIN -> List.of(
					new NextStep("Your team",
							"Create accounts for your therapists and other admins. "
									+ "Each one gets an email with a link to choose a password.",
							"/admin/staff", "Manage staff", 10),
					new NextStep("Emails waiting",
							"With no mail server set up, emails are kept here "
									+ "instead of being sent, so nothing is lost.",
							"/admin/outbox", "Open the outbox", 30));
			default -> List.of(new NextStep("Passkeys and sign-in",
					"Sign in with a passkey instead of typing a password, or add a code from an authenticator app "
							+ "as a second step.",
					"/accounts/security", "Sign-in and security", 91),
					new NextStep("Keep your account yours",
							"A password only you know keeps what you write here private. Changing it signs out "
									+ "every other device.",
							"/accounts/password", "Change your password", 90));
		};
	}

}
