package app.steadfast.conversations;

import app.steadfast.shared.SignedIn;

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
 * Phrase cards for validating and reflective listening: the practice's, his edited
 * copies, and his own.
 */
@Controller
@RequestMapping("/conversations/phrases")
class PhraseController {

	private final Phrases phrases;

	PhraseController(Phrases phrases) {
		this.phrases = phrases;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("cards", this.phrases.phrases(ConversationController.me(person)));
		model.addAttribute("kinds", PhraseCard.Kind.values());
		return "conversations/phrases";
	}

	@PostMapping("/new")
	String add(@AuthenticationPrincipal SignedIn person, @RequestParam(name = "text", required = false) String text,
			RedirectAttributes flash) {
		try {
			this.phrases.add(ConversationController.me(person), text);
			flash.addFlashAttribute("saved", "Added to your cards.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemCard", "new");
			flash.addFlashAttribute("typed", text);
		}
		return "redirect:/conversations/phrases";
	}

	@PostMapping("/{key}")
	String edit(@AuthenticationPrincipal SignedIn person, @PathVariable String key,
			@RequestParam(name = "text", required = false) String text, RedirectAttributes flash) {
		try {
			this.phrases.edit(ConversationController.me(person), key, text);
			flash.addFlashAttribute("saved", "Saved your version.");
		}
		catch (InvalidConversation ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemCard", key);
			flash.addFlashAttribute("typed", text);
		}
		return "redirect:/conversations/phrases#card-" + key;
	}

	@PostMapping("/{key}/reset")
	String reset(@AuthenticationPrincipal SignedIn person, @PathVariable String key, RedirectAttributes flash) {
		this.phrases.reset(ConversationController.me(person), key);
		flash.addFlashAttribute("saved", "Done.");
		return "redirect:/conversations/phrases";
	}

}
