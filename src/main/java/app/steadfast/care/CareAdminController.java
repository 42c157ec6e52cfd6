package app.steadfast.care;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.Person;
import app.steadfast.care.CareForms.BreakGlassForm;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final SessionNotes notes;

	private final ConsultationManagement consultations;

	CareAdminController(BreakGlass breakGlass, Therapy therapy, SessionNotes notes,
			ConsultationManagement consultations) {
		this.breakGlass = breakGlass;
		this.therapy = therapy;
		this.notes = notes;
		this.consultations = consultations;
	}

	@GetMapping("/admin/care")
	String page(Model model) {
		model.addAttribute("form", BreakGlassForm.empty());
		return page(model, "form");
	}

	@PostMapping("/admin/care/break-glass")
	String open(@AuthenticationPrincipal SignedIn admin, @ModelAttribute("form") BreakGlassForm form, Model model,
			RedirectAttributes flash) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		try {
			this.breakGlass.open(admin.account(), form.clientEmail(), therapist(form.therapistId()), form.reason());
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
			return page(model, "form");
		}
		flash.addFlashAttribute("notice",
				"Emergency access is open for 24 hours. The client sees it, with your reason.");
		return "redirect:/admin/care";
	}

	@PostMapping("/admin/care/handover")
	@Transactional
	String handOver(@AuthenticationPrincipal SignedIn admin,
			@RequestParam(name = "clientEmail", defaultValue = "") String clientEmail,
			@RequestParam(name = "therapistId", defaultValue = "") String therapistId, Model model,
			RedirectAttributes flash) {
		Person client = this.therapy.personByEmail(clientEmail.strip())
			.filter((p) -> p.role() == Role.CLIENT)
			.orElse(null);
		AccountId therapist = therapist(therapistId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (client == null) {
			errors.put("handoverClient", "Give the email address of one of the practice’s clients.");
		}
		if (therapist == null || !this.therapy.activeTherapist(therapist)) {
			errors.put("handoverTherapist", "Choose his new therapist.");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("form", BreakGlassForm.empty());
			model.addAttribute("handoverErrors", errors);
			model.addAttribute("handoverClient", clientEmail);
			model.addAttribute("handoverTherapist", therapistId);
			return page(model, "form");
		}
		AccountId me = admin.account();
		this.consultations.reassign(me, client.id(), therapist);
		this.notes.handOver(me, client.id(), therapist);
		flash.addFlashAttribute("notice", client.displayName() + " now works with " + this.therapy.nameOf(therapist)
				+ ". He chooses again what his new therapist sees.");
		return "redirect:/admin/care";
	}

	private String page(Model model, String formName) {
		model.addAttribute("therapists", this.therapy.therapists());
		model.addAttribute("accesses", this.breakGlass.all());
		model.addAttribute("waiting", this.therapy.waitingForATherapist());
		model.addAttribute("handoverErrors",
				model.getAttribute("handoverErrors") != null ? model.getAttribute("handoverErrors") : Map.of());
		return "care/admin";
	}

	private static AccountId therapist(String id) {
		try {
			return (id != null && !id.isBlank()) ? new AccountId(UUID.fromString(id)) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
