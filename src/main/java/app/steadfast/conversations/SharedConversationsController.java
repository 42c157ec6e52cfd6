package app.steadfast.conversations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.SharingManagement;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Talk logs others chose to share with this person, through the sharing module (each read
 * is audited and shown to their owner); they may add their own view of each talk.
 */
@Controller
class SharedConversationsController {

	/**
	 * One person's shared talks.
	 *
	 * @param name their chosen name
	 * @param talks their logged talks
	 * @param recurring their topics that keep coming back
	 * @param mayAddView whether this person may add their view of a talk now
	 * @param reachesThem whether this person's views are shown to the owner now (only
	 * while this person shares conversations with them; the sharing module decides)
	 */
	record Shared(String name, List<TalkView> talks, List<RecurringTopic> recurring, boolean mayAddView,
			boolean reachesThem) {
	}

	private final SharingManagement sharing;

	private final Topics topics;

	private final Talks talks;

	private final PartnerViews partnerViews;

	private final AccountManagement accounts;

	private final MessageSource messages;

	SharedConversationsController(SharingManagement sharing, Topics topics, Talks talks, PartnerViews partnerViews,
			AccountManagement accounts, MessageSource messages) {
		this.sharing = sharing;
		this.topics = topics;
		this.talks = talks;
		this.partnerViews = partnerViews;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/conversations/shared")
	String shared(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = ConversationController.me(person);
		List<Shared> shared = this.sharing.activeGrantsTo(me)
			.stream()
			.filter((g) -> g.category() == Category.CONVERSATIONS)
			.map(Grant::owner)
			.distinct()
			.map((owner) -> new Shared(this.accounts.find(owner).map(Person::displayName).orElse(""),
					this.talks.talks(me, owner), this.topics.recurringTopics(me, owner),
					this.partnerViews.mayAddView(me, owner),
					this.sharing.mayShowContribution(me, owner, Category.CONVERSATIONS)))
			.toList();
		model.addAttribute("shared", shared);
		model.addAttribute("me", me);
		model.addAttribute("escalations", Escalation.values());
		return "conversations/shared";
	}

	@PostMapping("/conversations/shared/{id}")
	String view(@AuthenticationPrincipal SignedIn person, @PathVariable("id") TalkId talk,
			@ModelAttribute("form") ViewForm form, BindingResult bound, RedirectAttributes flash) {
		Map<String, String> problems = new LinkedHashMap<>();
		bound.getFieldErrors()
			.forEach((error) -> problems.putIfAbsent(error.getField(),
					this.messages.getMessage(error, LocaleContextHolder.getLocale())));
		try {
			// A choice that could not be read arrives empty, which the rules refuse, so
			// nothing is saved while the form has a problem.
			flash.addFlashAttribute("crisis", this.partnerViews.give(ConversationController.me(person), talk,
					form.escalation(), form.feltHeard(), form.note()));
			flash.addFlashAttribute("notice", "Thank you. Your view is shown beside theirs.");
		}
		catch (InvalidConversation ex) {
			ex.problems().forEach(problems::putIfAbsent);
			flash.addFlashAttribute("problems", problems);
			flash.addFlashAttribute("problemTalk", talk.value().toString());
			flash.addFlashAttribute("typedEscalation", (form.escalation() != null) ? form.escalation().name() : null);
			flash.addFlashAttribute("typedFeltHeard", form.feltHeard());
			flash.addFlashAttribute("typedNote", form.note());
		}
		return "redirect:/conversations/shared#talk-" + talk.value();
	}

	/**
	 * The partner's view of a talk, bound and converted by Spring; its rules are
	 * {@link PartnerViews#give}'. A choice that cannot be read is a message beside its
	 * field, worded in {@code messages.properties}.
	 *
	 * @param escalation whether it escalated, as they saw it
	 * @param feltHeard how heard they felt, 1 to 5
	 * @param note a note, optional
	 */
	record ViewForm(@Nullable Escalation escalation, @Nullable Integer feltHeard, @Nullable String note) {
	}

}
