package app.steadfast.checkins;

import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

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
	String journal(@AuthenticationPrincipal SignedIn person, @ModelAttribute("asked") JournalForm asked,
			BindingResult unreadable, Model model) {
		// A prompt that names none is no prompt, as before he chooses one.
		model.addAttribute("form", new JournalForm(asked.prompt(), ""));
		return journalPage(person.account(), model);
	}

	@PostMapping
	String write(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") JournalForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				flash.addFlashAttribute("crisis", this.journal.write(me, form.prompt(), form.body()).crisisResources());
				flash.addFlashAttribute("saved", "Saved to your journal. Only you can read it unless you share it.");
				return "redirect:/checkins/journal";
			}
			catch (InvalidCheckIn ex) {
				ex.rejectIn(errors);
			}
		}
		return journalPage(me, model);
	}

	private String journalPage(AccountId me, Model model) {
		model.addAttribute("entries", this.journal.entries(me, me));
		model.addAttribute("prompts", JournalPrompt.values());
		return "checkins/journal";
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, Model model) {
		JournalEntryView entry = own(person, id);
		model.addAttribute("form", new JournalForm(entry.prompt(), entry.body()));
		return editPage(entry, model);
	}

	@PostMapping("/{id}/edit")
	String rewrite(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id,
			@ModelAttribute("form") JournalForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		JournalEntryView entry = own(person, id);
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				flash.addFlashAttribute("crisis",
						this.journal.rewrite(person.account(), entry.id(), form.prompt(), form.body())
							.crisisResources());
				flash.addFlashAttribute("saved", "Your entry is updated.");
				return "redirect:/checkins/journal";
			}
			catch (InvalidCheckIn ex) {
				ex.rejectIn(errors);
			}
		}
		return editPage(entry, model);
	}

	private String editPage(JournalEntryView entry, Model model) {
		model.addAttribute("entry", entry);
		model.addAttribute("prompts", JournalPrompt.values());
		return "checkins/journal-edit";
	}

	/**
	 * A journal entry, bound and converted by Spring; its rules are
	 * {@link JournalManagement}'s. A prompt that names none is a message beside its
	 * field, worded in {@code messages.properties}, with what he wrote kept.
	 *
	 * @param prompt the prompt he writes to, or none
	 * @param body what he writes
	 */
	record JournalForm(@Nullable JournalPrompt prompt, @Nullable String body) {
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
