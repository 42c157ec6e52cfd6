package app.steadfast.shared;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: a welcome for visitors; for a signed-in person, Today: the one thing
 * waiting for them now, then the rest of what waits today, then everything else folded
 * below, gathered from every module that has something for them.
 */
@Controller
class HomeController {

	private final List<NextSteps> contributions;

	HomeController(List<NextSteps> contributions) {
		this.contributions = contributions;
	}

	/**
	 * One transaction for every module's contribution: they read with one connection and
	 * one begin and commit, not one each (writes some of them make still run in it).
	 */
	@GetMapping("/")
	@Transactional
	String home(@AuthenticationPrincipal SignedIn person, Model model) {
		if (person == null) {
			return "home/welcome";
		}
		List<NextStep> steps = this.contributions.stream()
			.flatMap((module) -> module.forPerson(person).stream())
			.sorted(Comparator.comparingInt(NextStep::order))
			.toList();
		model.addAttribute("now", steps.stream().filter(NextStep::now).toList());
		model.addAttribute("rest", steps.stream().filter((step) -> !step.now()).toList());
		return "home/person";
	}

}
