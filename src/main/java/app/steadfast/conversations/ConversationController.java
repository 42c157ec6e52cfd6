package app.steadfast.conversations;

import java.util.List;
import java.util.Map;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's own hard conversations: the overview with the topics that keep coming back,
 * plans, the log, his topic list and the patterns over time.
 */
@Controller
@RequestMapping("/conversations")
class ConversationController {

	private final Topics topics;

	private final Plans plans;

	private final Talks talks;

	private final Phrases phrases;

	private final MessageSource messages;

	ConversationController(Topics topics, Plans plans, Talks talks, Phrases phrases, MessageSource messages) {
		this.topics = topics;
		this.plans = plans;
		this.talks = talks;
		this.phrases = phrases;
		this.messages = messages;
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
	String savePlan(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") PlanForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = FormErrors.of(form, bound, model);
		PlanDetails details = form.details();
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
	String logForm(@AuthenticationPrincipal SignedIn person, @ModelAttribute("link") TalkLink link,
			BindingResult unreadable, Model model) {
		if (unreadable.hasErrors()) {
			// Text that is no id names no plan of his: the 404 of a plan that is not his.
			throw new NotFound();
		}
		AccountId me = me(person);
		PlanView view = (link.plan() != null) ? this.plans.plan(me, link.plan()) : null;
		return talkPage(me, TalkForm.on(this.talks.today(me), view), model);
	}

	/**
	 * What a link to the log form may name, read by {@link PlanIdConverter}.
	 *
	 * @param plan the plan he made for the talk, or none
	 */
	record TalkLink(@Nullable PlanId plan) {
	}

	@PostMapping("/talks/new")
	String saveTalk(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") TalkForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		BindingResult errors = FormErrors.of(form, bound, model);
		TalkDetails details = form.details();
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
			@ModelAttribute("form") RenameForm form, RedirectAttributes flash) {
		try {
			this.topics.rename(me(person), id, form.name());
			flash.addFlashAttribute("saved", "Renamed. Its talks and its earlier name stay with it.");
		}
		catch (InvalidConversation ex) {
			problem(flash, id, ex.field(), ex.getMessage());
			flash.addFlashAttribute("typedName", form.name());
		}
		return "redirect:/conversations/topics";
	}

	@PostMapping("/topics/{id}/merge")
	String merge(@AuthenticationPrincipal SignedIn person, @PathVariable TopicId id,
			@ModelAttribute("form") MergeForm form, BindingResult bound, RedirectAttributes flash) {
		if (bound.hasFieldErrors("into")) {
			problem(flash, id, "into",
					this.messages.getMessage(bound.getFieldError("into"), LocaleContextHolder.getLocale()));
			return "redirect:/conversations/topics";
		}
		try {
			this.topics.merge(me(person), id, form.into());
			flash.addFlashAttribute("saved", "Merged. From now on their talks count as one topic.");
		}
		catch (InvalidConversation ex) {
			problem(flash, id, ex.field(), ex.getMessage());
			flash.addFlashAttribute("chosenInto", (form.into() != null) ? form.into().value().toString() : null);
		}
		return "redirect:/conversations/topics";
	}

	/** A topic form's problem, shown beside its field on the topic's part of the list. */
	private static void problem(RedirectAttributes flash, TopicId topic, String field, String message) {
		flash.addFlashAttribute("problem", message);
		flash.addFlashAttribute("problemTopic", topic.value().toString());
		flash.addFlashAttribute("problemField", field);
	}

	/**
	 * A topic's new name; the rules of a name are {@link Topics#rename}'.
	 *
	 * @param name the new name
	 */
	record RenameForm(@Nullable String name) {
	}

	/**
	 * The topic to merge one into, read by {@link TopicIdConverter}: text that is no id
	 * is a message beside the field; a topic that is not his is {@link Topics#merge}'s to
	 * refuse.
	 *
	 * @param into the topic that stays
	 */
	record MergeForm(@Nullable TopicId into) {
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
	 * Adds each problem to its field, unless the field already has one because its text
	 * could not be read at all.
	 */
	private static void reject(BindingResult errors, Map<String, String> problems) {
		for (Map.Entry<String, String> problem : problems.entrySet()) {
			String field = problem.getKey();
			if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, field, problem.getValue());
			}
		}
	}

	static AccountId me(SignedIn person) {
		return person.account();
	}

	static List<Integer> scale() {
		return List.of(1, 2, 3, 4, 5);
	}

}
