package app.steadfast.conversations;

import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.SharingManagement;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	SharedConversationsController(SharingManagement sharing, Topics topics, Talks talks, PartnerViews partnerViews,
			AccountManagement accounts) {
		this.sharing = sharing;
		this.topics = topics;
		this.talks = talks;
		this.partnerViews = partnerViews;
		this.accounts = accounts;
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
			@RequestParam(name = "escalation", required = false) String escalation,
			@RequestParam(name = "feltHeard", required = false) String feltHeard,
			@RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes flash) {
		Integer heard = null;
		try {
			heard = (feltHeard != null) ? Integer.valueOf(feltHeard) : null;
		}
		catch (NumberFormatException ex) {
			// Not a number: answered below like a missing choice.
		}
		try {
			flash.addFlashAttribute("crisis", this.partnerViews.give(ConversationController.me(person), talk,
					ConversationController.parse(Escalation.class, escalation), heard, note));
			flash.addFlashAttribute("notice", "Thank you. Your view is shown beside theirs.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemTalk", talk.value().toString());
			flash.addFlashAttribute("typedNote", note);
		}
		return "redirect:/conversations/shared#talk-" + talk.value();
	}

}
