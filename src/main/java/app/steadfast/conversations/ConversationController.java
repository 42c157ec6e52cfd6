package app.steadfast.conversations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountId;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's own hard conversations: the overview with the topics that keep coming back,
 * plans, the log, his topic list and the patterns over time.
 */
@Controller
@RequestMapping("/conversations")
class ConversationController {

	private final ConversationManagement conversations;

	ConversationController(ConversationManagement conversations) {
		this.conversations = conversations;
	}

	@GetMapping
	String home(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = me(person);
		model.addAttribute("recurring", this.conversations.recurringTopics(me, me));
		model.addAttribute("plans", this.conversations.plans(me).stream().limit(5).toList());
		model.addAttribute("talks", this.conversations.talks(me, me));
		return "conversations/home";
	}

	// --- plans ---

	@GetMapping("/plans/new")
	String prepare(@AuthenticationPrincipal SignedIn person, Model model) {
		return planPage(me(person), PlanForm.empty(), model);
	}

	@PostMapping("/plans/new")
	String savePlan(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") PlanForm form, Model model,
			RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		UUID topic = topic(form.topic(), form.newTopic(), errors);
		Set<DefensiveMove> moves = EnumSet.noneOf(DefensiveMove.class);
		for (String move : form.wontSay()) {
			try {
				moves.add(DefensiveMove.valueOf(move));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("wontSay", "wontSay", "Choose from the moves listed.");
			}
		}
		PlanDetails details = new PlanDetails(topic, form.newTopic(), form.about(), form.mayNeed(), moves,
				form.wontSayOther(), form.validation());
		reject(errors, this.conversations.problems(me, details));
		if (!errors.hasErrors()) {
			try {
				Receipt<PlanId> saved = this.conversations.prepare(me, details);
				flash.addFlashAttribute("crisis", saved.crisis());
				flash.addFlashAttribute("saved", "Your plan is saved. Open the pause tool from here when you need it.");
				return "redirect:/conversations/plans/" + saved.id().value();
			}
			catch (InvalidConversation ex) {
				reject(errors, ex);
			}
		}
		return planPage(me, form, model);
	}

	@GetMapping("/plans/{id}")
	String plan(@AuthenticationPrincipal SignedIn person, @PathVariable String id, Model model) {
		model.addAttribute("plan", this.conversations.plan(me(person), new PlanId(uuid(id))));
		return "conversations/plan";
	}

	private String planPage(AccountId me, PlanForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("topics", this.conversations.topics(me));
		model.addAttribute("moves", DefensiveMove.values());
		model.addAttribute("cards",
				this.conversations.phrases(me).stream().filter((c) -> c.kind() != PhraseCard.Kind.PAUSING).toList());
		return "conversations/prepare";
	}

	// --- talks ---

	@GetMapping("/talks/new")
	String logForm(@AuthenticationPrincipal SignedIn person, @RequestParam(name = "plan", required = false) String plan,
			Model model) {
		AccountId me = me(person);
		String topic = "";
		String planId = "";
		if (plan != null && !plan.isBlank()) {
			PlanView view = this.conversations.plan(me, new PlanId(uuid(plan)));
			topic = view.topic().value().toString();
			planId = view.id().value().toString();
		}
		return talkPage(me,
				new TalkForm(topic, "", planId, this.conversations.today().toString(), "", "", "", "", "", "", ""),
				model);
	}

	@PostMapping("/talks/new")
	String saveTalk(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") TalkForm form, Model model,
			RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		UUID topic = topic(form.topic(), form.newTopic(), errors);
		UUID plan = null;
		if (form.plan() != null && !form.plan().isBlank()) {
			try {
				plan = UUID.fromString(form.plan());
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("plan", "plan", "That plan isn't one of yours.");
			}
		}
		LocalDate on = null;
		try {
			on = LocalDate.parse(form.talkedOn());
		}
		catch (DateTimeParseException | NullPointerException ex) {
			errors.rejectValue("talkedOn", "talkedOn", "Give the day of the talk: today or earlier.");
		}
		Integer defensiveness = null;
		try {
			defensiveness = Integer.valueOf(form.defensiveness());
		}
		catch (NumberFormatException ex) {
			errors.rejectValue("defensiveness", "defensiveness", "Choose how defensive you got, from 1 to 5.");
		}
		Escalation escalation = parse(Escalation.class, form.escalation());
		if (escalation == null) {
			errors.rejectValue("escalation", "escalation", "Choose whether it escalated.");
		}
		BreakTaken breakTaken = parse(BreakTaken.class, form.breakTaken());
		if (breakTaken == null) {
			errors.rejectValue("breakTaken", "breakTaken", "Choose whether you took a break.");
		}
		UUID checkIn = null;
		if (form.checkIn() != null && !form.checkIn().isBlank()) {
			try {
				checkIn = UUID.fromString(form.checkIn());
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("checkIn", "checkIn", "That check-in isn't one of yours.");
			}
		}
		TalkDetails details = new TalkDetails(topic, form.newTopic(), plan, on, defensiveness, escalation, breakTaken,
				form.helped(), form.nextTime(), form.isResolved(), checkIn);
		reject(errors, this.conversations.problems(me, details, this.conversations.today()));
		if (!errors.hasErrors()) {
			try {
				Receipt<TalkId> saved = this.conversations.log(me, details);
				flash.addFlashAttribute("crisis", saved.crisis());
				flash.addFlashAttribute("saved", "Logged. Looking back honestly is how the next talk goes better.");
				return "redirect:/conversations";
			}
			catch (InvalidConversation ex) {
				reject(errors, ex);
			}
		}
		return talkPage(me, form, model);
	}

	@GetMapping("/talks/{id}")
	String talk(@AuthenticationPrincipal SignedIn person, @PathVariable String id, Model model) {
		AccountId me = me(person);
		TalkView talk = this.conversations.talk(me, new TalkId(uuid(id)));
		if (!talk.owner().equals(me)) {
			throw new NotFound();
		}
		model.addAttribute("talk", talk);
		return "conversations/talk";
	}

	private String talkPage(AccountId me, TalkForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("topics", this.conversations.topics(me));
		model.addAttribute("escalations", Escalation.values());
		model.addAttribute("breaks", BreakTaken.values());
		model.addAttribute("checkIns", this.conversations.recentCheckIns(me));
		model.addAttribute("today", this.conversations.today());
		return "conversations/log";
	}

	// --- topics ---

	@GetMapping("/topics")
	String topics(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("topics", this.conversations.topics(me(person)));
		return "conversations/topics";
	}

	@PostMapping("/topics/{id}/rename")
	String rename(@AuthenticationPrincipal SignedIn person, @PathVariable String id,
			@RequestParam(name = "name", required = false) String name, RedirectAttributes flash) {
		try {
			this.conversations.renameTopic(me(person), new TopicId(uuid(id)), name);
			flash.addFlashAttribute("saved", "Renamed. Its talks and its earlier name stay with it.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemTopic", id);
			flash.addFlashAttribute("typedName", name);
		}
		return "redirect:/conversations/topics";
	}

	@PostMapping("/topics/{id}/merge")
	String merge(@AuthenticationPrincipal SignedIn person, @PathVariable String id,
			@RequestParam(name = "into", required = false) String into, RedirectAttributes flash) {
		TopicId target = null;
		try {
			target = (into != null && !into.isBlank()) ? new TopicId(UUID.fromString(into)) : null;
		}
		catch (IllegalArgumentException ex) {
			// Not one of his topics: answered below like a missing choice.
		}
		try {
			this.conversations.mergeTopic(me(person), new TopicId(uuid(id)), target);
			flash.addFlashAttribute("saved", "Merged. From now on their talks count as one topic.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemTopic", id);
		}
		return "redirect:/conversations/topics";
	}

	// --- patterns ---

	@GetMapping("/patterns")
	String patterns(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = me(person);
		model.addAttribute("patterns", this.conversations.patterns(me, me));
		return "conversations/patterns";
	}

	private static void reject(BindingResult errors, InvalidConversation ex) {
		reject(errors, ex.problems());
	}

	/**
	 * Adds each problem to its field, unless the field already has one of the form's own.
	 */
	private static void reject(BindingResult errors, Map<String, String> problems) {
		for (Map.Entry<String, String> problem : problems.entrySet()) {
			String field = problem.getKey();
			if (!errors.hasFieldErrors(field) && !("newTopic".equals(field) && errors.hasFieldErrors("topic"))) {
				errors.rejectValue(field, field, problem.getValue());
			}
		}
	}

	/** The chosen topic, or null for a new one. */
	private static UUID topic(String topic, String newTopic, BindingResult errors) {
		if (topic == null || topic.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(topic);
		}
		catch (IllegalArgumentException ex) {
			errors.rejectValue("topic", "topic", "Choose one of your topics, or name a new one.");
			return null;
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		return null;
	}

	static AccountId me(SignedIn person) {
		return new AccountId(person.accountId());
	}

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new NotFound();
		}
	}

	static List<Integer> scale() {
		return List.of(1, 2, 3, 4, 5);
	}

}
