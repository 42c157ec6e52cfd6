package app.steadfast.care;

import java.util.Map;

import app.steadfast.accounts.Person;
import app.steadfast.care.CareForms.BreakGlassForm;
import app.steadfast.care.CareForms.HandoverForm;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's care page: emergency access for a therapist (24 hours, with a written
 * reason the client reads) and handing a client over to another therapist. The admin
 * never sees clinical content here.
 */
@Controller
class CareAdminController {

	private final BreakGlass breakGlass;

	private final Therapy therapy;

	private final Handovers handovers;

	CareAdminController(BreakGlass breakGlass, Therapy therapy, Handovers handovers) {
		this.breakGlass = breakGlass;
		this.therapy = therapy;
		this.handovers = handovers;
	}

	@GetMapping("/admin/care")
	String start(Model model) {
		model.addAttribute("form", BreakGlassForm.empty());
		model.addAttribute("handover", HandoverForm.empty());
		return page(model);
	}

	@PostMapping("/admin/care/break-glass")
	String open(@AuthenticationPrincipal SignedIn admin, @ModelAttribute("form") BreakGlassForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				this.breakGlass.open(admin.account(), form.clientEmail(), form.therapistId(), form.reason());
				flash.addFlashAttribute("notice",
						"Emergency access is open for 24 hours. The client sees it, with your reason.");
				return "redirect:/admin/care";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		model.addAttribute("handover", HandoverForm.empty());
		return page(model);
	}

	@PostMapping("/admin/care/handover")
	String handOver(@AuthenticationPrincipal SignedIn admin, @ModelAttribute("handover") HandoverForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		for (Map.Entry<String, String> problem : this.handovers.problems(form.clientEmail(), form.therapistId())
			.entrySet()) {
			if (!errors.hasFieldErrors(problem.getKey())) {
				errors.rejectValue(problem.getKey(), problem.getKey(), problem.getValue());
			}
		}
		if (!errors.hasErrors()) {
			try {
				Person client = this.handovers.handOver(admin.account(), form.clientEmail(), form.therapistId());
				flash.addFlashAttribute("notice",
						client.displayName() + " now works with " + this.therapy.nameOf(form.therapistId())
								+ ((client.role() == app.steadfast.shared.Role.PARTNER)
										? ". They choose again what their new therapist sees."
										: ". He chooses again what his new therapist sees."));
				return "redirect:/admin/care";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		model.addAttribute("form", BreakGlassForm.empty());
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("therapists", this.therapy.therapists());
		model.addAttribute("accesses", this.breakGlass.all());
		model.addAttribute("waiting", this.therapy.waitingForATherapist());
		return "care/admin";
	}

}
