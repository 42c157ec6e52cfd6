package app.steadfast.repair;

import java.time.LocalDate;
import java.util.Map;

import app.steadfast.shared.AccountId;
import app.steadfast.repair.RepairForms.AskForm;
import app.steadfast.repair.RepairForms.FollowUpForm;
import app.steadfast.repair.RepairForms.TimeForm;
import app.steadfast.repair.RepairForms.WordsForm;
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
 * The partner's questions and his answers: she asks (one or several), he answers, says he
 * needs time, or corrects; she may ask for more or delete her own question.
 */
@Controller
@RequestMapping("/repair/questions")
class QuestionController {

	/** How many questions the ask form offers at once. */
	static final int ASK_ROWS = 3;

	/** What she is told when she asks during her safety pause. */
	static final String HELD = "Your words are kept safe here. While sharing is paused, nothing you write reaches "
			+ "your partner, so they'll receive it only when the pause ends. Until then you can delete it.";

	private final QuestionManagement questions;

	private final Answers answers;

	QuestionController(QuestionManagement questions, Answers answers) {
		this.questions = questions;
		this.answers = answers;
	}

	@GetMapping
	String board(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("board", this.questions.board(me(person)));
		model.addAttribute("importances", Importance.values());
		model.addAttribute("rows", java.util.stream.IntStream.range(0, ASK_ROWS).boxed().toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", AskForm.empty());
		}
		return "repair/questions";
	}

	@PostMapping
	String ask(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") AskForm form, BindingResult bound,
			Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				boolean held = this.questions.heldIfAskedNow(me(person));
				int count = this.questions.ask(me(person), form.asked()).size();
				flash.addFlashAttribute("saved",
						held ? HELD : (count == 1) ? "Your question is asked." : count + " questions asked.");
				return "redirect:/repair/questions";
			}
		}
		catch (InvalidRepairInput ex) {
			ex.rejectIn(errors);
		}
		return board(person, model);
	}

	@GetMapping("/{id}")
	String question(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id, Model model) {
		QuestionView question = this.questions.question(me(person), id);
		model.addAttribute("question", question);
		model.addAttribute("mine", question.client().equals(me(person)));
		LocalDate today = this.questions.today(me(person));
		model.addAttribute("today", today);
		model.addAttribute("latest", today.plusDays(QuestionManagement.MAX_DAYS_AHEAD));
		model.addAttribute("back", "/repair/questions/" + question.id().value());
		// After a refused form its own words stay; the other forms start empty.
		for (Map.Entry<String, Object> form : Map
			.<String, Object>of("answerForm", WordsForm.empty(), "correctionForm", WordsForm.empty(), "timeForm",
					TimeForm.empty(), "moreForm", FollowUpForm.empty())
			.entrySet()) {
			if (!model.containsAttribute(form.getKey())) {
				model.addAttribute(form.getKey(), form.getValue());
			}
		}
		return "repair/question";
	}

	@PostMapping("/{id}/answer")
	String answer(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@ModelAttribute("answerForm") WordsForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		return act(person, id, model, FormErrors.of(form, bound, model), () -> {
			flash.addFlashAttribute("crisis", this.answers.answer(me(person), id, form.words()));
			flash.addFlashAttribute("saved", "Answered. Your answer is on record for your partner.");
		});
	}

	@PostMapping("/{id}/correct")
	String correct(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@ModelAttribute("correctionForm") WordsForm form, BindingResult bound, Model model,
			RedirectAttributes flash) {
		return act(person, id, model, FormErrors.of(form, bound, model), () -> {
			flash.addFlashAttribute("crisis", this.answers.correct(me(person), id, form.words()));
			flash.addFlashAttribute("saved", "Correction added. Your partner sees it beside your earlier answer.");
		});
	}

	@PostMapping("/{id}/time")
	String needsTime(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@ModelAttribute("timeForm") TimeForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		return act(person, id, model, FormErrors.of(form, bound, model), () -> {
			this.answers.needsTime(me(person), id, form.until());
			flash.addFlashAttribute("saved", "Noted. Your partner sees the date you committed to.");
		});
	}

	@PostMapping("/{id}/more")
	String needMore(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@ModelAttribute("moreForm") FollowUpForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		return act(person, id, model, FormErrors.of(form, bound, model), () -> {
			this.answers.needMore(me(person), id, form.followUp());
			flash.addFlashAttribute("saved", "Sent. Your partner sees that you need more.");
		});
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@ModelAttribute("deleteForm") DeleteForm form, RedirectAttributes flash) {
		this.questions.delete(me(person), id);
		flash.addFlashAttribute("saved", "Your question is deleted.");
		// A question kept for later is deleted from the page that keeps it.
		return "kept".equals(form.from()) ? "redirect:/repair/kept" : "redirect:/repair/questions";
	}

	/**
	 * Deleting a question: the page it was deleted from, so the person lands back there.
	 *
	 * @param from {@code kept} for the page of questions kept for later, else none
	 */
	record DeleteForm(@org.jspecify.annotations.Nullable String from) {
	}

	private String act(SignedIn person, QuestionId id, Model model, BindingResult errors, Runnable action) {
		try {
			if (!errors.hasErrors()) {
				action.run();
				return "redirect:/repair/questions/" + id.value();
			}
		}
		catch (InvalidRepairInput ex) {
			ex.rejectIn(errors);
		}
		return question(person, id, model);
	}

	private static AccountId me(SignedIn person) {
		return person.account();
	}

}
