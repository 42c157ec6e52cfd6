package app.steadfast.care;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.CrisisPanel;
import app.steadfast.safety.RiskKind;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's side of care: what his therapist may see (and who read what), his
 * homework, and questionnaires his therapist asked for.
 */
@Controller
class ClientCareController {

	private final Consents consents;

	private final Therapy therapy;

	private final BreakGlass breakGlass;

	private final Homework homework;

	private final Measures measures;

	ClientCareController(Consents consents, Therapy therapy, BreakGlass breakGlass, Homework homework,
			Measures measures) {
		this.consents = consents;
		this.therapy = therapy;
		this.breakGlass = breakGlass;
		this.homework = homework;
		this.measures = measures;
	}

	@GetMapping("/care/grants")
	String grants(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		var therapist = this.consents.therapistOf(me);
		Set<Category> granted = therapist.map((t) -> this.consents.granted(me, t)).orElse(Set.of());
		model.addAttribute("therapistName", therapist.map(this.therapy::nameOf).orElse(null));
		model.addAttribute("therapistLeft", this.therapy.therapistLeft(me));
		model.addAttribute("consents", this.consents.offered());
		model.addAttribute("granted", granted);
		model.addAttribute("emergencies", this.breakGlass.about(me));
		return "care/grants";
	}

	@PostMapping("/care/grants")
	String setGrant(@AuthenticationPrincipal SignedIn person, @RequestParam(defaultValue = "") String category,
			@RequestParam(defaultValue = "") String share, RedirectAttributes flash) {
		Category chosen;
		try {
			chosen = Category.valueOf(category);
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("notice", "Choose what to share.");
			return "redirect:/care/grants";
		}
		boolean on = "on".equals(share);
		try {
			this.consents.set(person.account(), chosen, on);
			flash.addFlashAttribute("notice", on ? Consent.label(chosen.name()) + ": your therapist can see this now."
					: Consent.label(chosen.name()) + ": your therapist can no longer see this.");
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:/care/grants";
	}

	@GetMapping("/care/reads")
	String reads(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("reads", this.consents.readsOfMine(person.account()));
		return "care/reads";
	}

	@GetMapping("/care/homework")
	String homework(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		model.addAttribute("items", this.homework.of(me));
		model.addAttribute("pending", this.measures.pending(me));
		return "care/homework";
	}

	@PostMapping("/care/homework/{id}/done")
	String done(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.homework.done(person.account(), id);
		flash.addFlashAttribute("notice", "Marked done. Your therapist will see it.");
		return "redirect:/care/homework";
	}

	@GetMapping("/care/measures/{id}")
	String measure(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, Model model) {
		Measures.Pending pending = this.measures.waiting(person.account(), id);
		model.addAttribute("measure", pending);
		model.addAttribute("answers", new ArrayList<Integer>());
		model.addAttribute("difficulty", null);
		return measurePage(model);
	}

	@PostMapping("/care/measures/{id}")
	String answer(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, HttpServletRequest request,
			Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		Measures.Pending pending = this.measures.waiting(me, id);
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < pending.instrument().items().size(); i++) {
			answers.add(answer(request.getParameter("q" + i)));
		}
		String closing = request.getParameter("difficulty");
		Integer difficulty = (closing == null || closing.isBlank()) ? null : answer(closing);
		try {
			if (closing != null && !closing.isBlank() && difficulty == null) {
				throw new InvalidInput("difficulty", "Choose one of the answers to the last question, or none.");
			}
			this.measures.complete(me, pending.id(), answers, difficulty);
		}
		catch (InvalidInput ex) {
			model.addAttribute("measure", pending);
			model.addAttribute("answers", answers);
			model.addAttribute("difficulty", difficulty);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("problemField", ex.field());
			return measurePage(model);
		}
		flash.addFlashAttribute("notice", "Thank you. Your answers went to your therapist.");
		if (pending.instrument().raisesAlert(answers)) {
			// He told us of thoughts of death or self-harm: the crisis lines come first,
			// on the very next page.
			CrisisPanel.showNext(flash, Set.of(RiskKind.SUICIDE));
		}
		return "redirect:/care/homework";
	}

	private static String measurePage(Model model) {
		model.addAttribute("choices", Instrument.CHOICES);
		model.addAttribute("difficultyQuestion", Instrument.DIFFICULTY);
		model.addAttribute("difficultyChoices", Instrument.DIFFICULTY_CHOICES);
		return "care/measure";
	}

	private static Integer answer(String value) {
		try {
			return (value != null) ? Integer.valueOf(value) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
