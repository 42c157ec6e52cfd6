package app.steadfast.repair;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
		return "repair/questions";
	}

	@PostMapping
	String ask(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "question", required = false) List<String> words,
			@RequestParam(name = "importance", required = false) List<String> importances, Model model,
			RedirectAttributes flash) {
		List<QuestionManagement.NewQuestion> asked = new ArrayList<>();
		List<String> texts = (words != null) ? words : List.of();
		for (int i = 0; i < texts.size(); i++) {
			Importance importance = null;
			if (importances != null && i < importances.size()) {
				try {
					importance = Importance.valueOf(importances.get(i));
				}
				catch (IllegalArgumentException ex) {
					// No choice made: the importance is optional.
				}
			}
			asked.add(new QuestionManagement.NewQuestion(texts.get(i), importance));
		}
		try {
			boolean held = this.questions.heldIfAskedNow(me(person));
			int count = this.questions.ask(me(person), asked).size();
			flash.addFlashAttribute("saved",
					held ? HELD : (count == 1) ? "Your question is asked." : count + " questions asked.");
			return "redirect:/repair/questions";
		}
		catch (InvalidRepairInput ex) {
			board(person, model);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("asked", texts);
			return "repair/questions";
		}
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
		return "repair/question";
	}

	@PostMapping("/{id}/answer")
	String answer(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@RequestParam(name = "words", defaultValue = "") String words, Model model, RedirectAttributes flash) {
		return act(person, id, model, flash, words, "words", () -> {
			flash.addFlashAttribute("crisis", this.answers.answer(me(person), id, words));
			flash.addFlashAttribute("saved", "Answered. Your answer is on record for your partner.");
		});
	}

	@PostMapping("/{id}/correct")
	String correct(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@RequestParam(name = "words", defaultValue = "") String words, Model model, RedirectAttributes flash) {
		return act(person, id, model, flash, words, "correction", () -> {
			flash.addFlashAttribute("crisis", this.answers.correct(me(person), id, words));
			flash.addFlashAttribute("saved", "Correction added. Your partner sees it beside your earlier answer.");
		});
	}

	@PostMapping("/{id}/time")
	String needsTime(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@RequestParam(name = "until", defaultValue = "") String until, Model model, RedirectAttributes flash) {
		return act(person, id, model, flash, until, "until", () -> {
			LocalDate date;
			try {
				date = LocalDate.parse(until);
			}
			catch (DateTimeParseException ex) {
				date = null;
			}
			this.answers.needsTime(me(person), id, date);
			flash.addFlashAttribute("saved", "Noted. Your partner sees the date you committed to.");
		});
	}

	@PostMapping("/{id}/more")
	String needMore(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@RequestParam(name = "followUp", defaultValue = "") String followUp, Model model,
			RedirectAttributes flash) {
		return act(person, id, model, flash, followUp, "followUp", () -> {
			this.answers.needMore(me(person), id, followUp);
			flash.addFlashAttribute("saved", "Sent. Your partner sees that you need more.");
		});
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedIn person, @PathVariable QuestionId id,
			@RequestParam(name = "from", required = false) String from, RedirectAttributes flash) {
		this.questions.delete(me(person), id);
		flash.addFlashAttribute("saved", "Your question is deleted.");
		// A question kept for later is deleted from the page that keeps it.
		return "kept".equals(from) ? "redirect:/repair/kept" : "redirect:/repair/questions";
	}

	private String act(SignedIn person, QuestionId id, Model model, RedirectAttributes flash, String input,
			String field, Runnable action) {
		try {
			action.run();
			return "redirect:/repair/questions/" + id.value();
		}
		catch (InvalidRepairInput ex) {
			question(person, id, model);
			model.addAttribute("problem", ex.getMessage());
			model.addAttribute("problemField", field);
			model.addAttribute("input", input);
			return "repair/question";
		}
	}

	private static AccountId me(SignedIn person) {
		return person.account();
	}

}
