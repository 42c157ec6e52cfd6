package app.steadfast.conversations;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Dates;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.SignedIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The pause tool: paced breathing, his plan and validation sentence, and a "take a break"
 * script that names when he will come back. Everything it does after loading happens in
 * the page (pause.js), so it keeps working without a network; without JavaScript the same
 * choices are made with plain forms.
 */
@Controller
class PauseController {

	/** The break lengths offered, in minutes. */
	static final List<Integer> BREAK_MINUTES = List.of(10, 20, 30, 45, 60);

	/** The break length until he chooses one. */
	static final int DEFAULT_MINUTES = 20;

	/**
	 * What the tool's own forms ask of the page (GET), bound and converted by Spring. A
	 * pattern that names none is no choice: the page opens with his own. A length or a
	 * time that cannot be read is a message beside its field, worded in
	 * {@code messages.properties}, with what he typed shown back.
	 *
	 * @param pattern the breathing pattern to show now
	 * @param minutes the break's length, one of {@link #BREAK_MINUTES}
	 * @param at the clock time he will be back (hh:mm), which wins over the length
	 */
	record BreakForm(@Nullable Breathing pattern, @Nullable Integer minutes,
			@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") @Nullable LocalTime at) {

		static BreakForm none() {
			return new BreakForm(null, null, null);
		}

	}

	/**
	 * The pattern he keeps for next time, and the page to go back to.
	 *
	 * @param pattern box or 4-6 breathing
	 * @param back the pause page he came from
	 */
	record BreathingForm(@NotNull(message = "{pause.pattern.required}") @Nullable Breathing pattern,
			@Nullable String back) {
	}

	private final Plans plans;

	private final Phrases phrases;

	private final BreathingPreferences breathing;

	private final Dates dates;

	private final Clock clock;

	private final MessageSource messages;

	PauseController(Plans plans, Phrases phrases, BreathingPreferences breathing, Dates dates, Clock clock,
			MessageSource messages) {
		this.plans = plans;
		this.phrases = phrases;
		this.breathing = breathing;
		this.dates = dates;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/conversations/pause")
	String pause(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") BreakForm form, BindingResult bound,
			Model model) {
		return page(ConversationController.me(person), null, form, FormErrors.of(form, bound, model), model);
	}

	@GetMapping("/conversations/plans/{id}/pause")
	String pauseWithPlan(@AuthenticationPrincipal SignedIn person, @PathVariable PlanId id,
			@ModelAttribute("form") BreakForm form, BindingResult bound, Model model) {
		AccountId me = ConversationController.me(person);
		PlanView plan = this.plans.plan(me, id);
		return page(me, plan, form, FormErrors.of(form, bound, model), model);
	}

	@PostMapping("/conversations/pause/breathing")
	String choose(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("form") BreathingForm form,
			BindingResult errors, RedirectAttributes flash) {
		if (errors.hasFieldErrors("pattern")) {
			flash.addFlashAttribute("problem",
					this.messages.getMessage(errors.getFieldError("pattern"), LocaleContextHolder.getLocale()));
		}
		else {
			this.breathing.choose(ConversationController.me(person), form.pattern());
			flash.addFlashAttribute("saved", "Saved. The pause tool opens with this pattern from now on.");
		}
		String back = form.back();
		String target = (back != null && back.matches("/conversations/(pause|plans/[0-9a-f-]{36}/pause)")) ? back
				: "/conversations/pause";
		return "redirect:" + target;
	}

	private String page(AccountId me, @Nullable PlanView plan, BreakForm form, BindingResult errors, Model model) {
		// A pattern that names none (its field failed to read) leaves his own choice.
		Breathing breathing = (form.pattern() != null) ? form.pattern() : this.breathing.breathing(me);
		model.addAttribute("plan", plan);
		model.addAttribute("cards", this.phrases.phrases(me));
		model.addAttribute("breathing", breathing);
		model.addAttribute("patterns", Breathing.values());
		model.addAttribute("breakMinutes", BREAK_MINUTES);
		model.addAttribute("self",
				(plan != null) ? "/conversations/plans/" + plan.id().value() + "/pause" : "/conversations/pause");
		// The time he says he will be back is on the clock where he is.
		LocalTime now = ZonedDateTime.now(this.clock.withZone(this.dates.zone()))
			.toLocalTime()
			.truncatedTo(ChronoUnit.MINUTES);
		int length = DEFAULT_MINUTES;
		LocalTime until = now.plusMinutes(length);
		if (form.at() != null) {
			until = form.at().truncatedTo(ChronoUnit.MINUTES);
			long gap = ChronoUnit.MINUTES.between(now, until);
			length = (int) ((gap <= 0) ? gap + 24 * 60 : gap);
		}
		else if (form.minutes() != null && !errors.hasFieldErrors("at")) {
			if (BREAK_MINUTES.contains(form.minutes())) {
				length = form.minutes();
				until = now.plusMinutes(length);
			}
			else {
				errors.rejectValue("minutes", "pause.minutes.offered");
			}
		}
		model.addAttribute("breakLength", length);
		model.addAttribute("breakUntil", until);
		return "conversations/pause";
	}

}
