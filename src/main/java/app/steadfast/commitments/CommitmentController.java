package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
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
	String start(@AuthenticationPrincipal SignedIn person, @ModelAttribute("link") Answering link,
			BindingResult unreadable, Model model) {
		if (unreadable.hasErrors()) {
			// Text that is no id names no request of his partner's: the 404 of one that
			// is not.
			throw new NotFound();
		}
		CommitmentForm form = CommitmentForm.empty();
		if (link.request() != null) {
			PartnerLinks.PartnerAsked asked = asked(person, link.request()).orElseThrow(NotFound::new);
			model.addAttribute("asked", asked);
			form = CommitmentForm.answering(asked.id());
		}
		model.addAttribute("form", form);
		return "commitments/form";
	}

	/**
	 * What a link to the new form may name, read by Spring.
	 *
	 * @param request his partner's request the commitment answers, or none
	 */
	record Answering(@Nullable UUID request) {
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
			@ModelAttribute("asked") RecordForm asked, BindingResult unreadable, Model model) {
		CommitmentView view = own(person, id);
		LocalDate day = day(asked, unreadable);
		OccurrenceView occurrence = view.occurrences()
			.stream()
			.filter((o) -> o.dueDate().equals(day) && o.recordable())
			.findFirst()
			.orElseThrow(NotFound::new);
		model.addAttribute("form", RecordForm.of(occurrence));
		model.addAttribute("commitment", view);
		return "commitments/record";
	}

	@PostMapping("/{id}/record")
	String record(@AuthenticationPrincipal SignedIn person, @PathVariable CommitmentId id,
			@ModelAttribute("form") RecordForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		LocalDate day = day(form, bound);
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				flash.addFlashAttribute("crisis", this.commitments.record(person.account(), id, day, form.outcome(),
						form.note(), form.whatGotInTheWay()));
				flash.addFlashAttribute("saved", (form.outcome() == Outcome.KEPT) ? "Marked as kept. That counts."
						: "Marked as missed. Saying so honestly is part of keeping your word.");
				return "redirect:/commitments";
			}
			catch (InvalidCommitment ex) {
				// The aggregate names the day it was due; the form calls it its date.
				String field = "dueDate".equals(ex.field()) ? "date" : ex.field();
				errors.rejectValue(field, ex.field(), ex.getMessage());
			}
		}
		model.addAttribute("commitment", own(person, id));
		return "commitments/record";
	}

	/**
	 * The day a record form names. It names which day of his commitment is recorded, as
	 * an id would: text that is no date, or none, names no day of his (404).
	 */
	private static LocalDate day(RecordForm form, BindingResult bound) {
		if (bound.hasFieldErrors("date") || form.date() == null) {
			throw new NotFound();
		}
		return form.date();
	}

	/**
	 * Recording one due date, bound and converted by Spring; the rules are
	 * {@link Commitment#record}'s. An outcome that is neither kept nor missed is a
	 * message beside its field, worded in {@code messages.properties}, with his notes
	 * kept.
	 *
	 * @param date the due date (yyyy-mm-dd)
	 * @param outcome kept or missed
	 * @param note a note for himself, optional
	 * @param whatGotInTheWay what got in the way, optional
	 */
	record RecordForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@Nullable Outcome outcome, @Nullable String note, @Nullable String whatGotInTheWay) {

		/** The form for a due date as recorded so far; missed unless he kept it. */
		static RecordForm of(OccurrenceView occurrence) {
			return new RecordForm(occurrence.dueDate(),
					(occurrence.state() == OccurrenceView.State.KEPT) ? Outcome.KEPT : Outcome.MISSED,
					occurrence.note(), occurrence.whatGotInTheWay());
		}

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

	private java.util.Optional<PartnerLinks.PartnerAsked> asked(SignedIn person, @Nullable UUID request) {
		return (request != null) ? this.commitments.request(person.account(), request) : java.util.Optional.empty();
	}

}
