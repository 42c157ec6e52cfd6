package app.steadfast.checkins;

import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.NotFound;
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
 * His own reflection journal: write (with or without a prompt), read back, change,
 * delete.
 */
@Controller
@RequestMapping("/checkins/journal")
class JournalController {

	private final JournalManagement journal;

	JournalController(JournalManagement journal) {
		this.journal = journal;
	}

	@GetMapping
	String journal(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "prompt", required = false) String prompt, Model model) {
		AccountId me = person.account();
		model.addAttribute("entries", this.journal.entries(me, me));
		model.addAttribute("prompts", JournalPrompt.values());
		model.addAttribute("chosenPrompt", CheckInController.parseEnum(JournalPrompt.class, prompt));
		model.addAttribute("body", "");
		return "checkins/journal";
	}

	@PostMapping
	String write(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "prompt", required = false) String prompt,
			@RequestParam(name = "body", required = false) String body, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		JournalPrompt chosen = CheckInController.parseEnum(JournalPrompt.class, prompt);
		try {
			flash.addFlashAttribute("crisis", this.journal.write(me, chosen, body).crisisResources());
		}
		catch (InvalidCheckIn ex) {
			model.addAttribute("entries", this.journal.entries(me, me));
			model.addAttribute("prompts", JournalPrompt.values());
			model.addAttribute("chosenPrompt", chosen);
			model.addAttribute("body", (body != null) ? body : "");
			model.addAttribute("bodyError", ex.getMessage());
			return "checkins/journal";
		}
		flash.addFlashAttribute("saved", "Saved to your journal. Only you can read it unless you share it.");
		return "redirect:/checkins/journal";
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, Model model) {
		JournalEntryView entry = own(person, id);
		model.addAttribute("entry", entry);
		model.addAttribute("prompts", JournalPrompt.values());
		model.addAttribute("chosenPrompt", entry.prompt());
		model.addAttribute("body", entry.body());
		return "checkins/journal-edit";
	}

	@PostMapping("/{id}/edit")
	String rewrite(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id,
			@RequestParam(name = "prompt", required = false) String prompt,
			@RequestParam(name = "body", required = false) String body, Model model, RedirectAttributes flash) {
		JournalEntryView entry = own(person, id);
		JournalPrompt chosen = CheckInController.parseEnum(JournalPrompt.class, prompt);
		try {
			flash.addFlashAttribute("crisis",
					this.journal.rewrite(person.account(), entry.id(), chosen, body).crisisResources());
		}
		catch (InvalidCheckIn ex) {
			model.addAttribute("entry", entry);
			model.addAttribute("prompts", JournalPrompt.values());
			model.addAttribute("chosenPrompt", chosen);
			model.addAttribute("body", (body != null) ? body : "");
			model.addAttribute("bodyError", ex.getMessage());
			return "checkins/journal-edit";
		}
		flash.addFlashAttribute("saved", "Your entry is updated.");
		return "redirect:/checkins/journal";
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.journal.delete(person.account(), own(person, id).id());
		flash.addFlashAttribute("saved", "Deleted. It's gone for good.");
		return "redirect:/checkins/journal";
	}

	private JournalEntryView own(SignedIn person, UUID id) {
		AccountId me = person.account();
		JournalEntryView entry = this.journal.find(me, id);
		if (!entry.owner().equals(me)) {
			throw new NotFound();
		}
		return entry;
	}

}
