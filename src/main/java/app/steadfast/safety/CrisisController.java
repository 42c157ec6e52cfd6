package app.steadfast.safety;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.QuickExit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The crisis page, open to everyone, and the crisis line in every page's footer.
 */
@Controller
class CrisisController {

	private final CrisisResources resources;

	CrisisController(CrisisResources resources) {
		this.resources = resources;
	}

	@GetMapping("/crisis")
	String crisis(Model model) {
		model.addAttribute("resources", this.resources.current());
		return "safety/crisis";
	}

	@ControllerAdvice
	static class Footer {

		private final CrisisResources resources;

		Footer(CrisisResources resources) {
			this.resources = resources;
		}

		@ModelAttribute("crisisLine")
		CrisisLine crisisLine() {
			return this.resources.current().primary();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		/** The layout's quick exit leads where the practice settings say. */
		@Bean
		QuickExit quickExit(CrisisResources resources) {
			return resources::quickExitUrl;
		}

		@Bean
		ModuleAccess safetyRules() {
			return () -> List.of(AccessRule.everyone(HttpMethod.GET, "/crisis"));
		}

	}

}
