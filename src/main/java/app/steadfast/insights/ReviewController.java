package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
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
		model.addAttribute("form", new LineForm(written.map(WeeklyReview.Line::learned).orElse(""),
				written.map(WeeklyReview.Line::inReport).orElse(false)));
		return page(me, model);
	}

	@PostMapping
	String write(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") LineForm form, BindingResult bound,
			Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				this.review.write(me, form.learned(), form.included());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			return page(me, model);
		}
		flash.addFlashAttribute("saved", "Saved. It stays in your history.");
		return "redirect:/insights/review";
	}

	@PostMapping("/day")
	String day(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("dayForm") DayForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = FormErrors.of(form, bound, model);
		if (errors.hasErrors()) {
			return page(me, model);
		}
		this.review.chooseDay(me, form.day());
		flash.addFlashAttribute("saved", "Saved. You'll be asked on that day.");
		return "redirect:/insights/review";
	}

	@PostMapping("/{week}/report")
	String report(@AuthenticationPrincipal SignedIn person,
			@PathVariable("week") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate monday,
			@ModelAttribute("reportForm") ReportForm form, BindingResult bound, RedirectAttributes flash) {
		// The buttons send true or false; anything else asks for nothing there is.
		if (bound.hasErrors()) {
			throw new NotFound();
		}
		boolean include = Boolean.TRUE.equals(form.include());
		this.review.includeInReport(me(person), monday, include);
		flash.addFlashAttribute("saved", include ? "It will be in your report." : "It stays out of your report.");
		return "redirect:/insights/review";
	}

	private String page(AccountId me, Model model) {
		Progress progress = this.insights.progress(me, me, 4);
		model.addAttribute("week", progress.weeks().get(progress.weeks().size() - 1));
		model.addAttribute("day", this.review.day(me));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new LineForm("", false));
		}
		if (!model.containsAttribute("dayForm")) {
			model.addAttribute("dayForm", new DayForm(this.review.day(me)));
		}
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("lines", this.review.lines(me));
		model.addAttribute("max", WeeklyReview.MAX_LINE);
		return "insights/review";
	}

	private static AccountId me(SignedIn person) {
		return person.account();
	}

	/**
	 * This week's line.
	 *
	 * @param learned one thing he learned
	 * @param inReport whether it goes into his progress report
	 */
	record LineForm(@Nullable String learned, @Nullable Boolean inReport) {

		boolean included() {
			return Boolean.TRUE.equals(this.inReport);
		}

	}

	/**
	 * The day he wants to be asked.
	 *
	 * @param day the day of the week
	 */
	record DayForm(@NotNull(message = "{review.day.required}") @Nullable DayOfWeek day) {
	}

	/**
	 * Putting an earlier line in his report, or leaving it out.
	 *
	 * @param include whether it goes in
	 */
	record ReportForm(@Nullable Boolean include) {
	}

}
