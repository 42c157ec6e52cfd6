package app.steadfast.path;

import app.steadfast.checkins.InvalidCheckIn;
import app.steadfast.path.PathForms.AnswerForm;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Her path: the steps and which she has done, and each step with its article and its
 * exercise, answered in her journal.
 */
@Controller
@RequestMapping("/path")
class PathController {

	private final PathManagement path;

	PathController(PathManagement path) {
		this.path = path;
	}

	@GetMapping
	String home(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("overview", this.path.overview(person.account()));
		return "path/home";
	}

	@GetMapping("/{key}")
	String step(@AuthenticationPrincipal SignedIn person, @PathVariable String key, Model model,
			RedirectAttributes flash) {
		if (this.path.removed(key)) {
			// Her journal still links each answer to its step; a removed one leads to her
			// path.
			flash.addFlashAttribute("notice",
					"That step is no longer part of your path. What you wrote for it is still in your journal.");
			return "redirect:/path";
		}
		PathManagement.StepPage page = this.path.step(person.account(), key);
		model.addAttribute("form", new AnswerForm((page.answer() != null) ? page.answer().body() : ""));
		return stepPage(page, model);
	}

	@PostMapping("/{key}")
	String answer(@AuthenticationPrincipal SignedIn person, @PathVariable String key,
			@ModelAttribute("form") AnswerForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		PathManagement.StepPage page = this.path.step(me, key);
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			boolean first = page.answer() == null;
			flash.addFlashAttribute("crisis", this.path.answer(me, key, form.body()).crisisResources());
			flash.addFlashAttribute("saved",
					first ? "Done. Your answer is kept in your journal, where only you can read it."
							: "Your answer is updated in your journal. Only you can read it.");
			return "redirect:/path/" + page.step().key();
		}
		catch (InvalidCheckIn ex) {
			ex.rejectIn(errors);
		}
		return stepPage(page, model);
	}

	private String stepPage(PathManagement.StepPage page, Model model) {
		model.addAttribute("page", page);
		return "path/step";
	}

}
