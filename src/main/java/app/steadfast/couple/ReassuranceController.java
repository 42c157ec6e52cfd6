package app.steadfast.couple;

import java.util.List;
import java.util.UUID;

import app.steadfast.shared.AccessRule;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * The quiet signal for reassurance: each person's setting and list, her one-tap signal,
 * and "did it help?" afterwards.
 */
@Controller
@RequestMapping("/couple/reassurance")
class ReassuranceController {

	static final String SENT = "Sent. Your partner gets a quiet notice, with no words, pointing to what you agreed helps.";

	private final ReassuranceManagement reassurance;

	ReassuranceController(ReassuranceManagement reassurance) {
		this.reassurance = reassurance;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("view", this.reassurance.view(person.account()));
		model.addAttribute("answers", Helped.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ItemForm(""));
		}
		return "couple/reassurance";
	}

	@PostMapping("/setting")
	String setting(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") SettingForm form,
			BindingResult bound, RedirectAttributes flash) {
		// The buttons send true or false; anything else names no setting.
		if (bound.hasErrors() || form.on() == null) {
			throw new NotFound();
		}
		this.reassurance.turn(person.account(), form.on());
		flash.addFlashAttribute("notice", form.on()
				? "Turned on. It works once your partner turns it on too. You can turn it off at any time."
				: "Turned off. Your partner no longer sees your list or anything of it from your side. Turning it back on shows it again.");
		return "redirect:/couple/reassurance";
	}

	@PostMapping("/items")
	String add(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") ItemForm form, BindingResult bound,
			Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			this.reassurance.add(person.account(), form.words());
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
			return page(person, model);
		}
		flash.addFlashAttribute("notice", "Added to your list.");
		return "redirect:/couple/reassurance";
	}

	@PostMapping("/items/{id}/remove")
	String remove(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.reassurance.remove(person.account(), id);
		flash.addFlashAttribute("notice", "Removed from your list.");
		return "redirect:/couple/reassurance";
	}

	@PostMapping("/signal")
	String signal(@AuthenticationPrincipal SignedIn person, RedirectAttributes flash) {
		this.reassurance.signal(person.account());
		flash.addFlashAttribute("notice", SENT);
		return "redirect:/couple/reassurance";
	}

	@PostMapping("/signals/{id}/helped")
	String helped(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id,
			@ModelAttribute("form") HelpedForm form, BindingResult bound, RedirectAttributes flash) {
		// The buttons send one of the answers listed; anything else names none.
		if (bound.hasErrors() || form.answer() == null) {
			throw new NotFound();
		}
		this.reassurance.helped(person.account(), id, form.answer());
		flash.addFlashAttribute("notice", "Thank you. Your answer is kept with that signal.");
		return "redirect:/couple/reassurance";
	}

	/**
	 * A line for the person's list.
	 *
	 * @param words the line as typed
	 */
	record ItemForm(@Nullable String words) {
	}

	/**
	 * Turning the quiet signal on or off.
	 *
	 * @param on whether it is on from now
	 */
	record SettingForm(@Nullable Boolean on) {
	}

	/**
	 * Whether the reassurance helped, for one signal.
	 *
	 * @param answer the answer
	 */
	record HelpedForm(@Nullable Helped answer) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess reassuranceRules() {
			return () -> List.of(AccessRule.roles("/couple/reassurance", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/reassurance/setting", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/reassurance/items/**", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/reassurance/signal", Role.PARTNER),
					AccessRule.roles("/couple/reassurance/signals/**", Role.CLIENT, Role.PARTNER));
		}

		/**
		 * His Today leads with her signal while he has not opened it; hers offers the
		 * one-tap button while it works.
		 */
		@Bean
		NextSteps reassuranceNextSteps(ReassuranceManagement reassurance) {
			return (person) -> switch (person.role()) {
				case CLIENT -> (reassurance.unseen(person.account()) > 0) ? List.of(NextStep.now(
						"Your partner sent you a quiet signal",
						"It's hard for them right now. No words are needed: see what you both agreed helps, and do one of those things.",
						"/couple/reassurance", "See what helps", 0)) : List.of();
				case PARTNER -> reassurance.canSignal(person.account()) ? List.of(NextStep.button(
						"When it's hard right now",
						"One tap lets your partner know, with no words. They'll be pointed to what you both agreed helps.",
						"/couple/reassurance/signal", "I'm struggling with it right now", 2)) : List.of();
				default -> List.of();
			};
		}

	}

}
