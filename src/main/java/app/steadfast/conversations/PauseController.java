package app.steadfast.conversations;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Dates;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	private final Plans plans;

	private final Phrases phrases;

	private final BreathingPreferences breathing;

	private final Dates dates;

	private final java.time.Clock clock;

	PauseController(Plans plans, Phrases phrases, BreathingPreferences breathing, Dates dates, java.time.Clock clock) {
		this.plans = plans;
		this.phrases = phrases;
		this.breathing = breathing;
		this.dates = dates;
		this.clock = clock;
	}

	@GetMapping("/conversations/pause")
	String pause(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "pattern", required = false) String pattern,
			@RequestParam(name = "minutes", required = false) String minutes,
			@RequestParam(name = "at", required = false) String at, Model model) {
		return page(ConversationController.me(person), null, pattern, minutes, at, model);
	}

	@GetMapping("/conversations/plans/{id}/pause")
	String pauseWithPlan(@AuthenticationPrincipal SignedIn person, @PathVariable PlanId id,
			@RequestParam(name = "pattern", required = false) String pattern,
			@RequestParam(name = "minutes", required = false) String minutes,
			@RequestParam(name = "at", required = false) String at, Model model) {
		AccountId me = ConversationController.me(person);
		PlanView plan = this.plans.plan(me, id);
		return page(me, plan, pattern, minutes, at, model);
	}

	@PostMapping("/conversations/pause/breathing")
	String choose(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "pattern", required = false) String pattern,
			@RequestParam(name = "back", required = false) String back, RedirectAttributes flash) {
		Breathing breathing = Breathing.parse(pattern);
		if (breathing != null) {
			this.breathing.choose(ConversationController.me(person), breathing);
			flash.addFlashAttribute("saved", "Saved. The pause tool opens with this pattern from now on.");
		}
		else {
			flash.addFlashAttribute("problem", "Choose box or 4-6 breathing.");
		}
		String target = (back != null && back.matches("/conversations/(pause|plans/[0-9a-f-]{36}/pause)")) ? back
				: "/conversations/pause";
		return "redirect:" + target;
	}

	private String page(AccountId me, PlanView plan, String pattern, String minutes, String at, Model model) {
		Breathing chosen = Breathing.parse(pattern);
		Breathing breathing = (chosen != null) ? chosen : this.breathing.breathing(me);
		model.addAttribute("plan", plan);
		model.addAttribute("cards", this.phrases.phrases(me));
		model.addAttribute("breathing", breathing);
		model.addAttribute("patterns", Breathing.values());
		model.addAttribute("breakMinutes", BREAK_MINUTES);
		model.addAttribute("self",
				(plan != null) ? "/conversations/plans/" + plan.id().value() + "/pause" : "/conversations/pause");
		// The time he says he will be back is on the clock where he is.
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(this.dates.zone()));
		int length = 20;
		String atProblem = null;
		LocalTime until = now.toLocalTime().plusMinutes(length).truncatedTo(ChronoUnit.MINUTES);
		if (at != null && !at.isBlank()) {
			try {
				until = LocalTime.parse(at);
				long gap = ChronoUnit.MINUTES.between(now.toLocalTime().truncatedTo(ChronoUnit.MINUTES), until);
				length = (int) ((gap <= 0) ? gap + 24 * 60 : gap);
			}
			catch (DateTimeParseException ex) {
				atProblem = "Give a time like 21:30.";
			}
		}
		else if (minutes != null) {
			try {
				int m = Integer.parseInt(minutes);
				if (BREAK_MINUTES.contains(m)) {
					length = m;
					until = now.toLocalTime().plusMinutes(m).truncatedTo(ChronoUnit.MINUTES);
				}
				else {
					atProblem = "Choose one of the lengths offered.";
				}
			}
			catch (NumberFormatException ex) {
				atProblem = "Choose one of the lengths offered.";
			}
		}
		model.addAttribute("breakLength", length);
		model.addAttribute("breakUntil", until);
		model.addAttribute("breakProblem", atProblem);
		model.addAttribute("typedAt", (at != null) ? at : "");
		return "conversations/pause";
	}

}
