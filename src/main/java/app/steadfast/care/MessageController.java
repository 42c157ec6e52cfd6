package app.steadfast.care;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import app.steadfast.safety.CrisisPanel;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Dates;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Secure messages: the client's one thread with his therapist ({@code /care/messages}),
 * the therapist's inbox of his clients' threads and each thread with its reply form, and
 * the therapist's office hours. {@link Messages} decides every access.
 */
@Controller
class MessageController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	private final Messages messages;

	private final Therapy therapy;

	private final Dates dates;

	private final OfficeHours hours;

	MessageController(Messages messages, Therapy therapy, Dates dates, OfficeHours hours) {
		this.messages = messages;
		this.therapy = therapy;
		this.dates = dates;
		this.hours = hours;
	}

	@GetMapping("/care/messages")
	String mine(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("form", new MessageForm(""));
		return clientPage(person.account(), model);
	}

	@PostMapping("/care/messages")
	String write(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") MessageForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		Messages.Access access = this.messages.access(me, me);
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				Messages.Sent sent = this.messages.send(me, me, form.body());
				flash.addFlashAttribute(CrisisPanel.SHOWN, sent.crisisResources());
				OfficeHours.Said hours = this.hours.of(access.therapist());
				flash.addFlashAttribute("notice",
						"Sent to " + this.therapy.nameOf(access.therapist()) + ". Expect an answer by "
								+ DAY.format(OfficeHours.answerBy(this.dates.today(person), hours.replyDays()))
								+ ". We’ll email you when it comes.");
				return "redirect:/care/messages";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		return clientPage(me, model);
	}

	private String clientPage(AccountId me, Model model) {
		Messages.Access access = this.messages.access(me, me);
		model.addAttribute("thread", this.messages.read(me, me));
		model.addAttribute("therapistName", this.therapy.nameOf(access.therapist()));
		model.addAttribute("hours", this.hours.of(access.therapist()));
		model.addAttribute("inACrisis", this.hours.inACrisis());
		model.addAttribute("mayWrite", access.mayWrite());
		model.addAttribute("maxText", Messages.MAX_TEXT);
		return "care/messages";
	}

	@GetMapping("/care/inbox")
	String inbox(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("conversations", this.messages.inbox(person.account()));
		model.addAttribute("hours", this.hours.of(person.account()));
		return "care/inbox";
	}

	@GetMapping("/care/clients/{id}/messages")
	String thread(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		model.addAttribute("form", new MessageForm(""));
		return therapistPage(person.account(), id, model);
	}

	@PostMapping("/care/clients/{id}/messages")
	String reply(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id,
			@ModelAttribute("form") MessageForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = person.account();
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				this.messages.send(me, id, form.body());
				flash.addFlashAttribute("notice", "Sent. He gets an email that a message waits, without your words.");
				return "redirect:/care/clients/" + id.value() + "/messages";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		return therapistPage(me, id, model);
	}

	private String therapistPage(AccountId me, AccountId client, Model model) {
		Messages.Access access = this.messages.access(me, client);
		model.addAttribute("thread", this.messages.read(me, client));
		model.addAttribute("client", this.therapy.requireClient(me, client));
		model.addAttribute("mayWrite", access.mayWrite());
		model.addAttribute("maxText", Messages.MAX_TEXT);
		return "care/thread";
	}

	@GetMapping("/care/office-hours")
	String officeHours(@AuthenticationPrincipal SignedIn person, Model model) {
		OfficeHours.Said hours = this.hours.of(person.account());
		model.addAttribute("form", new OfficeHoursForm(hours.hours(), hours.replyDays()));
		return officeHoursPage(model);
	}

	@PostMapping("/care/office-hours")
	String setOfficeHours(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") OfficeHoursForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				this.hours.set(person.account(), form.hours(), form.replyDays());
				flash.addFlashAttribute("notice", "Saved. Your clients see this before they write to you.");
				return "redirect:/care/office-hours";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		return officeHoursPage(model);
	}

	private String officeHoursPage(Model model) {
		model.addAttribute("defaultHours", new OfficeHours.Said(null, OfficeHours.DEFAULT_REPLY_DAYS).text());
		model.addAttribute("inACrisis", this.hours.inACrisis());
		model.addAttribute("maxHours", OfficeHours.MAX_HOURS);
		return "care/office-hours";
	}

	/**
	 * A message, bound by Spring; its rules are {@link Messages#send}'s.
	 *
	 * @param body the words
	 */
	record MessageForm(@Nullable String body) {
	}

	/**
	 * What a therapist tells his clients before they write, bound and converted by
	 * Spring; its rules are {@link OfficeHours#set}'.
	 *
	 * @param hours when he reads messages, in his words; empty for the default
	 * @param replyDays within how many working days he answers (1 to 5)
	 */
	record OfficeHoursForm(@Nullable String hours, @Nullable Integer replyDays) {
	}

}
