package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.SignedIn;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The weekly review page: this week in figures, one line on what he learned, the day he
 * wants to be asked, and his earlier lines.
 */
@Controller
@RequestMapping("/insights/review")
class ReviewController {

	private final WeeklyReview review;

	private final InsightsManagement insights;

	ReviewController(WeeklyReview review, InsightsManagement insights) {
		this.review = review;
		this.insights = insights;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = me(person);
		var written = this.review.line(me, this.review.thisWeek(me));
		// A line goes into the report only when he says so.
		return page(me, written.map(WeeklyReview.Line::learned).orElse(""),
				written.map(WeeklyReview.Line::inReport).orElse(false), null, model);
	}

	@PostMapping
	String write(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "learned", required = false) String learned,
			@RequestParam(name = "inReport", required = false) String inReport, Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		try {
			this.review.write(me, learned, "true".equals(inReport));
		}
		catch (InvalidInput ex) {
			return page(me, learned, "true".equals(inReport), ex.getMessage(), model);
		}
		flash.addFlashAttribute("saved", "Saved. It stays in your history.");
		return "redirect:/insights/review";
	}

	@PostMapping("/day")
	String day(@AuthenticationPrincipal SignedIn person, @RequestParam(name = "day", required = false) String day,
			RedirectAttributes flash) {
		try {
			this.review.chooseDay(me(person), DayOfWeek.valueOf(day));
			flash.addFlashAttribute("saved", "Saved. You'll be asked on that day.");
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			flash.addFlashAttribute("problem", "Choose a day of the week.");
		}
		return "redirect:/insights/review";
	}

	@PostMapping("/{week}/report")
	String report(@AuthenticationPrincipal SignedIn person,
			@PathVariable("week") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate monday,
			@RequestParam(name = "include", defaultValue = "false") boolean include, RedirectAttributes flash) {
		this.review.includeInReport(me(person), monday, include);
		flash.addFlashAttribute("saved", include ? "It will be in your report." : "It stays out of your report.");
		return "redirect:/insights/review";
	}

	private String page(AccountId me, String learned, boolean inReport, String problem, Model model) {
		Progress progress = this.insights.progress(me, me, 4);
		model.addAttribute("week", progress.weeks().get(progress.weeks().size() - 1));
		model.addAttribute("learned", learned);
		model.addAttribute("inReport", inReport);
		model.addAttribute("learnedError", problem);
		model.addAttribute("day", this.review.day(me));
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("lines", this.review.lines(me));
		model.addAttribute("max", WeeklyReview.MAX_LINE);
		return "insights/review";
	}

	private static AccountId me(SignedIn person) {
		return person.account();
	}

}
