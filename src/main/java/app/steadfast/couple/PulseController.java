package app.steadfast.couple;

import java.time.DayOfWeek;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.AccessRule;
import app.steadfast.couple.CoupleForms.PulseForm;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly trust pulse: answer this week's five statements, and see the weeks so far.
 */
@Controller
@RequestMapping("/couple/pulse")
class PulseController {

	private final PulseManagement pulse;

	private final CoupleManagement couple;

	PulseController(PulseManagement pulse, CoupleManagement couple) {
		this.pulse = pulse;
		this.couple = couple;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		LinkState state = this.couple.state(me);
		if (!state.pulseOpen(person.role())) {
			return "redirect:/couple";
		}
		model.addAttribute("form", PulseForm.of(this.pulse.thisWeeks(me).orElse(null), this.pulse.reminderDay(me)));
		return page(person, model, state.linked());
	}

	@PostMapping
	String answer(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") PulseForm form, BindingResult bound,
			Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				this.pulse.answer(me, form.scores(), form.note(), form.shares());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			return page(person, model, this.couple.state(me).linked());
		}
		if (form.day() != null) {
			this.pulse.chooseReminderDay(me, form.day());
		}
		flash.addFlashAttribute("notice",
				!form.shares() ? "Saved. Only you can see it."
						: sharesPulse(me) ? "Saved, and shared with your partner."
								: "Saved. Your partner will see it once you share your trust pulse with them.");
		return "redirect:/couple/pulse/weeks";
	}

	@GetMapping("/weeks")
	String weeks(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		model.addAttribute("mine", this.pulse.mine(me));
		model.addAttribute("partners", this.pulse.partners(me));
		model.addAttribute("gaps", (person.role() == Role.CLIENT) ? this.pulse.gaps(me) : List.of());
		model.addAttribute("items", PulseItem.values());
		model.addAttribute("partnerRole", person.role() == Role.PARTNER);
		return "couple/pulse-weeks";
	}

	private String page(SignedIn person, Model model, boolean linked) {
		model.addAttribute("items", PulseItem.values());
		model.addAttribute("partnerRole", person.role() == Role.PARTNER);
		model.addAttribute("days", DayOfWeek.values());
		// On her own, her weeks stay with her, and reminders come once she is linked.
		model.addAttribute("linked", linked);
		model.addAttribute("sharesPulse", linked && sharesPulse(person.account()));
		return "couple/pulse";
	}

	/**
	 * Whether the person shares their trust pulse with their partner (the weeks they mark
	 * shared reach the partner only while they do).
	 */
	private boolean sharesPulse(AccountId me) {
		return this.couple.sharedWithPartner(me).contains(Category.PULSE);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess pulseRules() {
			return () -> List.of(AccessRule.roles("/couple/pulse/**", Role.CLIENT, Role.PARTNER));
		}

	}

}
