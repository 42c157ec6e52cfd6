package app.steadfast.safety;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.QuickExit;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The crisis page, open to everyone, and the crisis line in every page's footer; after a
 * risk hit, the answer to the one direct question: "yes" and "not sure" lead to the
 * crisis lines at once, "no" to a warm word with the lines one tap away.
 */
@Controller
class CrisisController {

	/** Where a "yes" or "not sure" leads: the crisis lines first. */
	static final String NOW = "/crisis/now";

	/** Where a "no" leads. */
	static final String THANKS = "/crisis/thanks";

	private final CrisisResources resources;

	private final CrisisAnswers answers;

	CrisisController(CrisisResources resources, CrisisAnswers answers) {
		this.resources = resources;
		this.answers = answers;
	}

	@GetMapping("/crisis")
	String crisis(Model model) {
		model.addAttribute("resources", this.resources.current());
		return "safety/crisis";
	}

	@PostMapping("/crisis/answer")
	String answer(@AuthenticationPrincipal SignedIn person, @RequestParam(defaultValue = "") String answer,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "/") String back, Model model,
			RedirectAttributes flash) {
		RiskKind about = CrisisPanel.askAbout(CrisisPanel.read(kind));
		String safeBack = safeBack(back);
		RiskAnswer chosen = Arrays.stream(RiskAnswer.values())
			.filter((a) -> a.name().equals(answer))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			model.addAttribute("crisisQuestion",
					new CrisisPanel.Question(about, CrisisPanel.question(about), safeBack, this.resources.current()));
			model.addAttribute("problem", "Choose one: yes, I’m not sure, or no.");
			return "safety/question";
		}
		this.answers.answer(person.accountId(), chosen, about);
		flash.addFlashAttribute("back", safeBack);
		if (chosen.needsHelpNow()) {
			flash.addFlashAttribute("about", about.name());
			return "redirect:" + NOW;
		}
		return "redirect:" + THANKS;
	}

	@GetMapping(NOW)
	String now(HttpServletRequest request, Model model) {
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		RiskKind about = CrisisPanel.askAbout(CrisisPanel.read((flash != null) ? flash.get("about") : null));
		model.addAttribute("resources", this.resources.current());
		model.addAttribute("aboutOthers", about == RiskKind.HARM_TO_OTHERS);
		model.addAttribute("answered", flash != null && flash.containsKey("about"));
		return "safety/now";
	}

	@GetMapping(THANKS)
	String thanks(Model model) {
		model.addAttribute("resources", this.resources.current());
		if (!model.containsAttribute("back")) {
			model.addAttribute("back", "/");
		}
		return "safety/thanks";
	}

	/** Only a path on this site, so the way back can never lead elsewhere. */
	static String safeBack(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 200
				|| back.chars().anyMatch(Character::isISOControl) || back.startsWith("/crisis/")) {
			return "/";
		}
		return back;
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

		/**
		 * The crisis panel's question, on the page after a risk hit (the flash
		 * {@value CrisisPanel#SHOWN} is true); absent on every other page.
		 */
		@ModelAttribute("crisisQuestion")
		CrisisPanel.Question crisisQuestion(HttpServletRequest request) {
			Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
			if (flash == null || !Boolean.TRUE.equals(flash.get(CrisisPanel.SHOWN))) {
				return null;
			}
			RiskKind about = CrisisPanel.askAbout(CrisisPanel.read(flash.get(CrisisPanel.KINDS)));
			return new CrisisPanel.Question(about, CrisisPanel.question(about), safeBack(request.getRequestURI()),
					this.resources.current());
		}

	}

	// The lines a "yes" leads to are open to everyone, like /crisis: nobody in crisis
	// should meet a sign-in page. Answering, and the word after a "no", are for someone
	// signed in.
	@Configuration(proxyBeanMethods = false)
	static class Access {

		/** The layout's quick exit leads where the practice settings say. */
		@Bean
		QuickExit quickExit(CrisisResources resources) {
			return new QuickExit() {

				@Override
				public String address() {
					return resources.quickExitUrl();
				}

				@Override
				public String addressWithoutDatabase() {
					return resources.quickExitUrlWithoutDatabase();
				}

			};
		}

		@Bean
		ModuleAccess safetyRules() {
			return () -> List.of(AccessRule.everyone(HttpMethod.GET, "/crisis"),
					AccessRule.everyone(HttpMethod.GET, NOW), new AccessRule(HttpMethod.GET, THANKS, false, Set.of()),
					new AccessRule(HttpMethod.POST, "/crisis/answer", false, Set.of()));
		}

	}

}
