package app.steadfast.repair;

import java.util.List;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Her questions kept for later: she writes what she needs answered before anyone is
 * linked (or before she is ready), and sends them when she chooses.
 */
@Controller
class KeptQuestionsController {

	private final PartnerQuestions questions;

	KeptQuestionsController(PartnerQuestions questions) {
		this.questions = questions;
	}

	record KeptForm(@NotBlank(message = "{repair.kept.required}") @Size(max = QuestionManagement.MAX_LENGTH,
			message = "{text.size}") String question, @Nullable Importance importance) {
	}

	@GetMapping("/repair/kept")
	String form(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("form", new KeptForm("", null));
		return page(person, model);
	}

	@PostMapping("/repair/kept")
	String keep(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("form") KeptForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (!errors.hasErrors()) {
			try {
				this.questions.keep(person.account(), form.question(), form.importance());
				flash.addFlashAttribute("saved", "Kept. Nobody sees it until you choose to send it.");
				return "redirect:/repair/kept";
			}
			catch (InvalidRepairInput ex) {
				errors.rejectValue("question", "question", ex.getMessage());
			}
		}
		return page(person, model);
	}

	@PostMapping("/repair/kept/send")
	String send(@AuthenticationPrincipal SignedIn person, RedirectAttributes flash) {
		PartnerQuestions.Sent sent = this.questions.send(person.account());
		flash.addFlashAttribute("saved", sent.held() ? QuestionController.HELD
				: (sent.count() == 1) ? "Your question is sent." : sent.count() + " questions sent.");
		return "redirect:/repair/questions";
	}

	private String page(SignedIn person, Model model) {
		model.addAttribute("kept", this.questions.kept(person.account()));
		model.addAttribute("importances", Importance.values());
		return "repair/kept";
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess keptQuestionRules() {
			return () -> List.of(AccessRule.roles("/repair/kept/**", Role.PARTNER));
		}

	}

}
