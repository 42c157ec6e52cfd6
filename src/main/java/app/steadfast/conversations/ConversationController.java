package app.steadfast.conversations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
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

	/** Stands for typed text that is no id: never the id of anything of his. */
	private static final UUID NO_ID = new UUID(0, 0);

	private final Topics topics;

	private final Plans plans;

	private final Talks talks;

	private final Phrases phrases;

	ConversationController(Topics topics, Plans plans, Talks talks, Phrases phrases) {
		this.topics = topics;
		this.plans = plans;
		this.talks = talks;
		this.phrases = phrases;
	}

	@GetMapping
	String home(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = me(person);
		model.addAttribute("recurring", this.topics.recurringTopics(me, me));
		model.addAttribute("plans", this.plans.plans(me).stream().limit(5).toList());
		model.addAttribute("talks", this.talks.talks(me, me));
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
		Set<DefensiveMove> moves = EnumSet.noneOf(DefensiveMove.class);
		for (String move : form.wontSay()) {
			try {
				moves.add(DefensiveMove.valueOf(move));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("wontSay", "wontSay", "Choose from the moves listed.");
			}
		}
		PlanDetails details = new PlanDetails(id(form.topic()), form.newTopic(), form.about(), form.mayNeed(), moves,
				form.wontSayOther(), form.validation());
		reject(errors, this.plans.problems(me, details));
		if (!errors.hasErrors()) {
			try {
				Receipt<PlanId> saved = this.plans.prepare(me, details);
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
	String plan(@AuthenticationPrincipal SignedIn person, @PathVariable PlanId id, Model model) {
		model.addAttribute("plan", this.plans.plan(me(person), id));
		return "conversations/plan";
	}

	private String planPage(AccountId me, PlanForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("topics", this.topics.topics(me));
		model.addAttribute("moves", DefensiveMove.values());
		model.addAttribute("cards",
				this.phrases.phrases(me).stream().filter((c) -> c.kind() != PhraseCard.Kind.PAUSING).toList());
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
			PlanView view = this.plans.plan(me, new PlanId(uuid(plan)));
			topic = view.topic().value().toString();
			planId = view.id().value().toString();
		}
		return talkPage(me,
				new TalkForm(topic, "", planId, this.talks.today(me).toString(), "", "", "", "", "", "", ""), model);
	}

	@PostMapping("/talks/new")
	String saveTalk(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") TalkForm form, Model model,
			RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		TalkDetails details = new TalkDetails(id(form.topic()), form.newTopic(), id(form.plan()), date(form.talkedOn()),
				number(form.defensiveness()), parse(Escalation.class, form.escalation()),
				parse(BreakTaken.class, form.breakTaken()), form.helped(), form.nextTime(), form.isResolved(),
				id(form.checkIn()));
		reject(errors, this.talks.problems(me, details, this.talks.today(me)));
		if (!errors.hasErrors()) {
			try {
				Receipt<TalkId> saved = this.talks.log(me, details);
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
	String talk(@AuthenticationPrincipal SignedIn person, @PathVariable TalkId id, Model model) {
		AccountId me = me(person);
		TalkView talk = this.talks.talk(me, id);
		if (!talk.owner().equals(me)) {
			throw new NotFound();
		}
		model.addAttribute("talk", talk);
		return "conversations/talk";
	}

	private String talkPage(AccountId me, TalkForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("topics", this.topics.topics(me));
		model.addAttribute("escalations", Escalation.values());
		model.addAttribute("breaks", BreakTaken.values());
		model.addAttribute("checkIns", this.talks.recentCheckIns(me));
		model.addAttribute("today", this.talks.today(me));
		return "conversations/log";
	}

	// --- topics ---

	@GetMapping("/topics")
	String topics(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("topics", this.topics.topics(me(person)));
		return "conversations/topics";
	}

	@PostMapping("/topics/{id}/rename")
	String rename(@AuthenticationPrincipal SignedIn person, @PathVariable TopicId id,
			@RequestParam(name = "name", required = false) String name, RedirectAttributes flash) {
		try {
			this.topics.rename(me(person), id, name);
			flash.addFlashAttribute("saved", "Renamed. Its talks and its earlier name stay with it.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemTopic", id.value().toString());
			flash.addFlashAttribute("typedName", name);
		}
		return "redirect:/conversations/topics";
	}

	@PostMapping("/topics/{id}/merge")
	String merge(@AuthenticationPrincipal SignedIn person, @PathVariable TopicId id,
			@RequestParam(name = "into", required = false) String into, RedirectAttributes flash) {
		TopicId target = null;
		try {
			target = (into != null && !into.isBlank()) ? new TopicId(UUID.fromString(into)) : null;
		}
		catch (IllegalArgumentException ex) {
			// Not one of his topics: answered below like a missing choice.
		}
		try {
			this.topics.merge(me(person), id, target);
			flash.addFlashAttribute("saved", "Merged. From now on their talks count as one topic.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemTopic", id.value().toString());
		}
		return "redirect:/conversations/topics";
	}

	// --- patterns ---

	@GetMapping("/patterns")
	String patterns(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = me(person);
		model.addAttribute("patterns", this.talks.patterns(me, me));
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
			if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, field, problem.getValue());
			}
		}
	}

	/**
	 * The id typed, or null when none is. Typed text that is no id stands for an id that
	 * is none of his, so the rules of plans and talks answer it in their own words.
	 */
	private static UUID id(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return NO_ID;
		}
	}

	/** The day typed, or null when it is none; the rules of talks say what is missing. */
	private static LocalDate date(String day) {
		try {
			return LocalDate.parse(day);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			return null;
		}
	}

	/**
	 * The number typed, or null when it is none; the rules of talks say what is missing.
	 */
	private static Integer number(String number) {
		try {
			return Integer.valueOf(number);
		}
		catch (NumberFormatException ex) {
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
		return person.account();
	}

	/** The plan a link names in its query; text that is no id names no plan of his. */
	private static UUID uuid(String id) {
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
