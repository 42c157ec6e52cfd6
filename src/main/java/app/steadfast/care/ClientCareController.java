package app.steadfast.care;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.CrisisPanel;
import app.steadfast.safety.RiskKind;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	private final PartnerMeasures partnerMeasures;

	private final MessageSource messages;

	ClientCareController(Consents consents, Therapy therapy, BreakGlass breakGlass, Homework homework,
			Measures measures, PartnerMeasures partnerMeasures, MessageSource messages) {
		this.partnerMeasures = partnerMeasures;
		this.consents = consents;
		this.therapy = therapy;
		this.breakGlass = breakGlass;
		this.homework = homework;
		this.measures = measures;
		this.messages = messages;
	}

	@GetMapping("/care/grants")
	String grants(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		var therapist = this.consents.therapistOf(me);
		Set<Category> granted = therapist.map((t) -> this.consents.granted(me, t)).orElse(Set.of());
		model.addAttribute("therapistName", therapist.map(this.therapy::nameOf).orElse(null));
		model.addAttribute("therapistLeft", this.therapy.therapistLeft(me));
		model.addAttribute("consents", this.consents.offeredTo(me));
		model.addAttribute("partnerRole", person.role() == app.steadfast.shared.Role.PARTNER);
		model.addAttribute("granted", granted);
		model.addAttribute("emergencies", this.breakGlass.about(me));
		return "care/grants";
	}

	@PostMapping("/care/grants")
	String setGrant(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("form") GrantForm form,
			BindingResult errors, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			flash.addFlashAttribute("notice",
					this.messages.getMessage(errors.getFieldErrors().get(0), LocaleContextHolder.getLocale()));
			return "redirect:/care/grants";
		}
		Category chosen = form.category();
		boolean on = form.on();
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

	/**
	 * One of his grants to his therapist, switched on or off, bound and converted by
	 * Spring; which categories may be granted is {@link Consents#set}'s rule.
	 *
	 * @param category what he shares
	 * @param share "on" to share it, "off" (or nothing) to stop
	 */
	record GrantForm(@NotNull(message = "{care.grant.category.required}") @Nullable Category category,
			@Nullable Boolean share) {

		boolean on() {
			return Boolean.TRUE.equals(this.share);
		}

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
		model.addAttribute("pending", this.measures.ownPending(me));
		return "care/homework";
	}

	@PostMapping("/care/homework/{id}/done")
	String done(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.homework.done(person.account(), id);
		flash.addFlashAttribute("notice", "Marked done. Your therapist will see it.");
		return "redirect:/care/homework";
	}

	@GetMapping("/care/measures")
	String scores(@AuthenticationPrincipal SignedIn person, Model model) {
		List<Measures.Result> results = this.measures.mine(person.account());
		model.addAttribute("results", results);
		model.addAttribute("trends", this.measures.trends(results));
		model.addAttribute("pending", this.measures.pending(person.account()));
		return "care/scores";
	}

	@GetMapping("/care/measures/{id}")
	String measure(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, Model model) {
		model.addAttribute("measure", this.measures.waiting(person.account(), id));
		model.addAttribute("form", MeasureForm.empty());
		return measurePage(model);
	}

	@PostMapping("/care/measures/{id}")
	String answer(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id,
			@ModelAttribute("form") MeasureForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		Measures.Pending pending = this.measures.waiting(me, id);
		BindingResult errors = FormErrors.of(form, bound, model);
		List<Integer> answers = form.answers(pending.instrument().items().size());
		if (!errors.hasErrors()) {
			try {
				this.measures.complete(me, pending.id(), answers, form.difficulty());
				flash.addFlashAttribute("notice",
						pending.partnersCopy()
								? "Thank you. Your answers went to your partner’s therapist, and no one else."
								: "Thank you. Your answers went to your therapist.");
				if (pending.instrument().raisesAlert(answers)) {
					// He told us of thoughts of death or self-harm: the crisis lines come
					// first, on the very next page.
					CrisisPanel.showNext(flash, Set.of(RiskKind.SUICIDE));
				}
				return pending.partnersCopy() ? "redirect:/care/measures" : "redirect:/care/homework";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		model.addAttribute("measure", pending);
		return measurePage(model);
	}

	/** His partner chooses not to answer the copy his therapist sent her. */
	@PostMapping("/care/measures/{id}/decline")
	String decline(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.partnerMeasures.decline(person.account(), id);
		flash.addFlashAttribute("notice", "That’s fine. Nothing was sent to anyone.");
		return "redirect:/care/measures";
	}

	/**
	 * A questionnaire's answers, bound and converted by Spring: item {@code i}'s answer
	 * is field {@code q<i>} (0 up to its item's highest answer), up to the longest
	 * questionnaire's items. The rules are {@link Measures#complete}'s. An answer that is
	 * no number is a message beside its question, worded in {@code messages.properties},
	 * with every other answer kept.
	 *
	 * @param difficulty the closing, unscored question's answer (0 to 3), optional
	 */
	record MeasureForm(@Nullable Integer q0, @Nullable Integer q1, @Nullable Integer q2, @Nullable Integer q3,
			@Nullable Integer q4, @Nullable Integer q5, @Nullable Integer q6, @Nullable Integer q7,
			@Nullable Integer q8, @Nullable Integer difficulty) {

		static MeasureForm empty() {
			return new MeasureForm(null, null, null, null, null, null, null, null, null, null);
		}

		/** The first {@code items} answers, in order; none where he gave none. */
		List<Integer> answers(int items) {
			return new ArrayList<>(all().subList(0, items));
		}

		/** Item {@code index}'s answer, for the page to show it chosen. */
		public @Nullable Integer answer(int index) {
			return all().get(index);
		}

		private List<Integer> all() {
			return Arrays.asList(this.q0, this.q1, this.q2, this.q3, this.q4, this.q5, this.q6, this.q7, this.q8);
		}

	}

	private static String measurePage(Model model) {
		model.addAttribute("difficultyQuestion", Instrument.DIFFICULTY);
		model.addAttribute("difficultyChoices", Instrument.DIFFICULTY_CHOICES);
		return "care/measure";
	}

}
