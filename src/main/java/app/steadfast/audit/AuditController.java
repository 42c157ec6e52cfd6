package app.steadfast.audit;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's view of the audit log: the newest rows, whether the chain is intact and
 * agrees with its anchor outside the database, and that anchor.
 */
@Controller
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		model.addAttribute("verification", this.log.verify());
		model.addAttribute("anchor", this.log.latestAnchor().orElse(null));
		model.addAttribute("rows", this.log.latest(200));
		return "audit/log";
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess auditRules() {
			return () -> List.of(AccessRule.roles("/admin/audit", Role.ADMIN));
		}

		@Bean
		NextSteps auditNextSteps() {
			return (person) -> (person.role() != Role.ADMIN) ? List.of()
					: List
						.of(new NextStep("The audit log",
								"Every sign-in and every read of someone else's records, in a chain that shows "
										+ "if a row was changed or removed.",
								"/admin/audit", "Open the audit log", 20));
		}

	}

}
