package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.FormErrors;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.PartnerLinks;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's own commitments: make and reword them, record each due date, pause, resume
 * or end them, and see how reliably he kept them.
 */
@Controller
@RequestMapping("/commitments")
class CommitmentController {

	private final CommitmentManagement commitments;

	private final AccountManagement accounts;

	CommitmentController(CommitmentManagement commitments, AccountManagement accounts) {
		this.commitments = commitments;
		this.accounts = accounts;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("recurrences", Recurrence.values());
		model.addAttribute("days", DayOfWeek.values());
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		model.addAttribute("commitments", this.commitments.list(me, me));
		model.addAttribute("today", this.accounts.today(me));
		return "commitments/list";
	}

	@GetMapping("/new")
	String start(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "request", required = false) String request, Model model) {
		CommitmentForm form = CommitmentForm.empty();
		if (request != null) {
			PartnerLinks.PartnerAsked asked = asked(person, uuid(request)).orElseThrow(NotFound::new);
			model.addAttribute("asked", asked);
			form = CommitmentForm.answering(asked.id());
		}
		model.addAttribute("form", form);
		return "commitments/form";
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") CommitmentForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		asked(person, form.request()).ifPresent((asked) -> model.addAttribute("asked", asked));
		if (!errors.hasErrors()) {
			try {
				this.commitments.create(person.account(), form.details());
			}
			catch (InvalidCommitment ex) {
				ex.rejectIn(errors);
			}
		}
		if (errors.hasErrors()) {
			return "commitments/form";
		}
		flash.addFlashAttribute("saved", "Saved. Small and checkable is how trust gets rebuilt.");
		return "redirect:/commitments";
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id, Model model) {
		CommitmentView view = own(person, id);
		model.addAttribute("form", CommitmentForm.of(view));
		model.addAttribute("commitment", view);
		return "commitments/form";
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id,
			@ModelAttribute("form") CommitmentForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		CommitmentView view = own(person, id);
		BindingResult errors = FormErrors.of(form, bound, model);
		model.addAttribute("commitment", view);
		if (errors.hasErrors()) {
			return "commitments/form";
		}
		try {
			this.commitments.reword(view.owner(), view.id(), form.title(), form.why());
			this.commitments.remindAt(view.owner(), view.id(), form.remindAt());
		}
		catch (InvalidCommitment ex) {
			ex.rejectIn(errors);
			return "commitments/form";
		}
		flash.addFlashAttribute("saved", "Reworded. The earlier wording is kept below it.");
		return "redirect:/commitments";
	}

	@GetMapping("/{id}/record")
	String recordForm(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id,
			@RequestParam(name = "date", required = false) String date, Model model) {
		CommitmentView view = own(person, id);
		LocalDate day = date(date);
		OccurrenceView occurrence = view.occurrences()
			.stream()
			.filter((o) -> o.dueDate().equals(day) && o.recordable())
			.findFirst()
			.orElseThrow(NotFound::new);
		model.addAttribute("commitment", view);
		model.addAttribute("occurrence", occurrence);
		return "commitments/record";
	}

	@PostMapping("/{id}/record")
	String record(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id,
			@RequestParam(name = "date", required = false) String date,
			@RequestParam(name = "outcome", required = false) String outcome,
			@RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "whatGotInTheWay", required = false) String whatGotInTheWay,
			RedirectAttributes flash) {
		LocalDate day = date(date);
		// An unknown outcome is answered like a missing one, after the commitment is
		// found to be his.
		Outcome chosen = outcome(outcome);
		try {
			flash.addFlashAttribute("crisis",
					this.commitments.record(person.account(), id, day, chosen, note, whatGotInTheWay));
			flash.addFlashAttribute("saved", (chosen == Outcome.KEPT) ? "Marked as kept. That counts."
					: "Marked as missed. Saying so honestly is part of keeping your word.");
		}
		catch (InvalidCommitment ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/commitments";
	}

	@PostMapping("/{id}/pause")
	String pause(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id, RedirectAttributes flash) {
		return change(person, id, flash, "Paused. Nothing falls due until you resume it.", this.commitments::pause);
	}

	@PostMapping("/{id}/resume")
	String resume(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id, RedirectAttributes flash) {
		return change(person, id, flash, "Resumed from today.", this.commitments::resume);
	}

	@PostMapping("/{id}/end")
	String end(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id, RedirectAttributes flash) {
		return change(person, id, flash, "Ended. Its record stays with you.", this.commitments::end);
	}

	@GetMapping("/settings")
	String settings(@AuthenticationPrincipal SignedIn person, Model model) {
		ReminderSettings settings = this.commitments.settings(person.account());
		model.addAttribute("form", new SettingsForm(settings));
		return settingsPage(person, model);
	}

	@PostMapping("/settings")
	String changeSettings(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") SettingsForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				this.commitments.changeSettings(person.account(), form.settings());
			}
			catch (InvalidCommitment ex) {
				ex.rejectIn(errors);
			}
		}
		if (errors.hasErrors()) {
			return settingsPage(person, model);
		}
		flash.addFlashAttribute("saved", "Saved. Reminders follow these settings from now on.");
		return "redirect:/commitments/settings";
	}

	private String settingsPage(SignedIn person, Model model) {
		model.addAttribute("zone", this.accounts.zone(person.account()).getId());
		return "commitments/settings";
	}

	/**
	 * The reminder settings form, bound and converted by Spring; the rule that the digest
	 * has a time is {@link CommitmentManagement#changeSettings}'. A ticked box sends
	 * "true"; an unticked one sends nothing, which is {@code false}.
	 */
	record SettingsForm(@Nullable Boolean reminders, @Nullable Boolean digest,
			@DateTimeFormat(pattern = CommitmentForm.TIME,
					fallbackPatterns = CommitmentForm.TIME_WITH_SECONDS) @Nullable LocalTime digestAt,
			@Nullable Boolean titlesInEmail) {

		SettingsForm(ReminderSettings settings) {
			this(settings.reminders(), settings.digest(), settings.digestAt(), settings.titlesInEmail());
		}

		ReminderSettings settings() {
			return new ReminderSettings(Boolean.TRUE.equals(this.reminders), Boolean.TRUE.equals(this.digest),
					this.digestAt, Boolean.TRUE.equals(this.titlesInEmail));
		}

	}

	@GetMapping("/reliability")
	String reliability(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "weeks", defaultValue = "12") int weeks, Model model) {
		AccountId me = person.account();
		int span = (weeks == 4) ? 4 : 12;
		model.addAttribute("reliability", this.commitments.reliability(me, me, span));
		model.addAttribute("span", span);
		return "commitments/reliability";
	}

	/**
	 * Makes a change to one of his commitments; the module's API answers 404 for anyone
	 * else's.
	 */
	private String change(SignedIn person, CommitmentId id, RedirectAttributes flash, String message,
			java.util.function.BiConsumer<AccountId, CommitmentId> action) {
		try {
			action.accept(person.account(), id);
			flash.addFlashAttribute("saved", message);
		}
		catch (InvalidCommitment ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/commitments";
	}

	private CommitmentView own(SignedIn person, CommitmentId id) {
		AccountId me = person.account();
		CommitmentView view = this.commitments.find(me, id);
		if (!view.owner().equals(me)) {
			throw new NotFound();
		}
		return view;
	}

	private static UUID uuid(String value) {
		try {
			return (value == null || value.isBlank()) ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private java.util.Optional<PartnerLinks.PartnerAsked> asked(SignedIn person, @Nullable UUID request) {
		return (request != null) ? this.commitments.request(person.account(), request) : java.util.Optional.empty();
	}

	private static Outcome outcome(String outcome) {
		try {
			return (outcome != null) ? Outcome.valueOf(outcome) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalDate date(String date) {
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new NotFound();
		}
	}

}
