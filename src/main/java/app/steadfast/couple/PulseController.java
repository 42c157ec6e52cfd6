package app.steadfast.couple;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.AccessRule;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly trust pulse: answer this week's five statements, and see the weeks so far.
 */
@Controller
@RequestMapping("/couple/pulse")
class PulseController {

	private final PulseManagement pulse;

	private final CoupleManagement couple;

	PulseController(PulseManagement pulse, CoupleManagement couple) {
		this.pulse = pulse;
		this.couple = couple;
	}

	@GetMapping
	String form(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		LinkState state = this.couple.state(me);
		if (!state.pulseOpen(person.role())) {
			return "redirect:/couple";
		}
		PulseWeek current = this.pulse.thisWeeks(me).orElse(null);
		List<String> scores = new ArrayList<>();
		for (int i = 0; i < PulseItem.values().length; i++) {
			scores.add((current != null) ? String.valueOf(current.scores().get(i)) : null);
		}
		return page(person, model, state.linked(), scores,
				(current != null && current.note() != null) ? current.note() : "", current != null && current.shared(),
				null);
	}

	@PostMapping
	String answer(@AuthenticationPrincipal SignedIn person, HttpServletRequest request,
			@RequestParam(name = "note", defaultValue = "") String note,
			@RequestParam(name = "shared", defaultValue = "false") boolean shared,
			@RequestParam(name = "day", required = false) String day, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		List<String> raw = new ArrayList<>();
		List<Integer> scores = new ArrayList<>();
		for (PulseItem item : PulseItem.values()) {
			String value = request.getParameter(item.name());
			raw.add(value);
			try {
				scores.add(Integer.valueOf(value));
			}
			catch (NumberFormatException ex) {
				scores.add(null);
			}
		}
		try {
			this.pulse.answer(me, scores, note, shared);
		}
		catch (InvalidInput ex) {
			return page(person, model, this.couple.state(me).linked(), raw, note, shared, ex.getMessage());
		}
		if (day != null) {
			try {
				this.pulse.chooseReminderDay(me, DayOfWeek.valueOf(day));
			}
			catch (IllegalArgumentException ex) {
				// An unknown day keeps the one chosen before.
			}
		}
		flash.addFlashAttribute("notice",
				!shared ? "Saved. Only you can see it." : sharesPulse(me) ? "Saved, and shared with your partner."
						: "Saved. Your partner will see it once you share your trust pulse with them.");
		return "redirect:/couple/pulse/weeks";
	}

	@GetMapping("/weeks")
	String weeks(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		model.addAttribute("mine", this.pulse.mine(me));
		model.addAttribute("partners", this.pulse.partners(me));
		model.addAttribute("gaps", (person.role() == Role.CLIENT) ? this.pulse.gaps(me) : List.of());
		model.addAttribute("items", PulseItem.values());
		model.addAttribute("partnerRole", person.role() == Role.PARTNER);
		return "couple/pulse-weeks";
	}

	private String page(SignedIn person, Model model, boolean linked, List<String> scores, String note, boolean shared,
			String problem) {
		model.addAttribute("items", PulseItem.values());
		model.addAttribute("scores", scores);
		model.addAttribute("note", note);
		model.addAttribute("shared", shared);
		model.addAttribute("problem", problem);
		model.addAttribute("partnerRole", person.role() == Role.PARTNER);
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("day", this.pulse.reminderDay(person.account()));
		// On her own, her weeks stay with her, and reminders come once she is linked.
		model.addAttribute("linked", linked);
		model.addAttribute("sharesPulse", linked && sharesPulse(person.account()));
		return "couple/pulse";
	}

	/**
	 * Whether the person shares their trust pulse with their partner (the weeks they mark
	 * shared reach the partner only while they do).
	 */
	private boolean sharesPulse(AccountId me) {
		return this.couple.sharedWithPartner(me).contains(Category.PULSE);
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess pulseRules() {
			return () -> List.of(AccessRule.roles("/couple/pulse/**", Role.CLIENT, Role.PARTNER));
		}

	}

}
