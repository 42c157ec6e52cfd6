package app.steadfast.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.Person;
import app.steadfast.care.CareForms.HomeworkForm;
import app.steadfast.care.CareForms.NoteForm;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.library.ArticleManagement;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;

import app.steadfast.insights.InsightsManagement;

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
 * The therapist's portal: the caseload, alerts, one client's page, read-only views of
 * what he granted (each read goes through the capability's API with the therapist as
 * viewer, so the sharing module decides and audits it), session notes, homework and
 * questionnaires.
 */
@Controller
class TherapistController {

	private final Caseload caseload;

	private final Therapy therapy;

	private final Consents consents;

	private final RiskAlerts alerts;

	private final SessionNotes notes;

	private final Homework homework;

	private final Measures measures;

	private final PartnerMeasures partnerMeasures;

	private final MeasureSchedules schedules;

	private final CheckInManagement checkins;

	private final JournalManagement journal;

	private final CommitmentManagement commitments;

	private final ArticleManagement articles;

	private final InsightsManagement insights;

	TherapistController(Caseload caseload, Therapy therapy, Consents consents, RiskAlerts alerts, SessionNotes notes,
			Homework homework, Measures measures, CheckInManagement checkins, JournalManagement journal,
			CommitmentManagement commitments, ArticleManagement articles, InsightsManagement insights,
			MeasureSchedules schedules, PartnerMeasures partnerMeasures) {
		this.partnerMeasures = partnerMeasures;
		this.insights = insights;
		this.schedules = schedules;
		this.caseload = caseload;
		this.therapy = therapy;
		this.consents = consents;
		this.alerts = alerts;
		this.notes = notes;
		this.homework = homework;
		this.measures = measures;
		this.checkins = checkins;
		this.journal = journal;
		this.commitments = commitments;
		this.articles = articles;
	}

	@GetMapping("/care")
	String caseload(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = me(person);
		model.addAttribute("rows", this.caseload.of(me));
		model.addAttribute("openAlerts", this.alerts.of(me).stream().filter(RiskAlerts.Alert::open).count());
		return "care/caseload";
	}

	@GetMapping("/care/alerts")
	String alerts(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("alerts", this.alerts.of(me(person)));
		return "care/alerts";
	}

	@PostMapping("/care/alerts/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.alerts.acknowledge(me(person), id);
		flash.addFlashAttribute("notice", "Acknowledged.");
		return "redirect:/care/alerts";
	}

	@GetMapping("/care/clients/{id}")
	String client(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		clientPage(me, client, model);
		LocalDate today = (LocalDate) model.getAttribute("today");
		model.addAttribute("homeworkForm", HomeworkForm.empty(today.plusDays(7)));
		return "care/client";
	}

	@PostMapping("/care/clients/{id}/homework")
	String assignHomework(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id,
			@ModelAttribute("homeworkForm") HomeworkForm form, BindingResult bound, Model model,
			RedirectAttributes flash) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				this.homework.assign(me, client.id(), form.kind(), form.articleSlug(), form.exercise(), form.task(),
						form.dueDate());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			clientPage(me, client, model);
			return "care/client";
		}
		flash.addFlashAttribute("notice", "Homework set. " + client.displayName() + " sees it on their home page.");
		return "redirect:/care/clients/" + client.id().value();
	}

	@PostMapping("/care/clients/{id}/measures")
	String assignMeasure(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id,
			@ModelAttribute("measureForm") MeasureForm form, BindingResult bound, RedirectAttributes flash) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		// A questionnaire that cannot be read is no choice, like none at all.
		Instrument chosen = bound.hasFieldErrors("instrument") ? null : form.instrument();
		if (chosen == null) {
			flash.addFlashAttribute("notice", "Choose a questionnaire.");
		}
		else if (bound.hasFieldErrors("every")
				|| (form.every() != null && !MeasureSchedules.EVERY.contains(form.every()))) {
			flash.addFlashAttribute("notice", "Choose every 2 or every 4 weeks, or just this once.");
		}
		else {
			boolean partnerToo = Boolean.TRUE.equals(form.partnerToo());
			boolean partnerAsked = false;
			if (partnerToo) {
				try {
					// Before his copy, so that a copy that cannot go to his partner sends
					// nothing at all.
					partnerAsked = this.partnerMeasures.ask(me, client.id(), chosen);
				}
				catch (InvalidInput ex) {
					flash.addFlashAttribute("notice", ex.getMessage() + " Nothing was sent.");
					return "redirect:/care/clients/" + client.id().value();
				}
			}
			this.measures.assign(me, client.id(), chosen);
			if (form.every() != null) {
				this.schedules.repeat(me, client.id(), chosen, form.every());
			}
			flash.addFlashAttribute("notice",
					chosen.title() + " sent. It waits on their home page"
							+ ((form.every() != null) ? ", and comes back every " + form.every() + " weeks." : ".")
							+ (!partnerToo ? ""
									: partnerAsked ? " His partner has a copy of their own to answer, or to say no to."
											: " His partner’s last copy still waits, so no second one was sent."));
		}
		return "redirect:/care/clients/" + client.id().value();
	}

	@PostMapping("/care/clients/{id}/measures/stop")
	String stopMeasure(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id,
			@ModelAttribute("measureForm") MeasureForm form, BindingResult bound, RedirectAttributes flash) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		if (!bound.hasFieldErrors("instrument") && form.instrument() != null) {
			this.schedules.stop(me, client.id(), form.instrument());
			flash.addFlashAttribute("notice", form.instrument().title() + " no longer repeats.");
		}
		return "redirect:/care/clients/" + client.id().value();
	}

	@PostMapping("/care/clients/{id}/session")
	String planSession(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id,
			@ModelAttribute("form") NextSessionForm form, BindingResult bound, RedirectAttributes flash) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		LocalDate date = form.nextSession();
		if (bound.hasFieldErrors("nextSession")) {
			flash.addFlashAttribute("notice", "Give the date as a date, like 2026-03-14.");
		}
		else {
			this.caseload.planNextSession(me, client.id(), date);
			flash.addFlashAttribute("notice", (date != null) ? "Next session saved." : "Next session cleared.");
		}
		return "redirect:/care/clients/" + client.id().value();
	}

	@GetMapping("/care/clients/{id}/checkins")
	String checkins(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		model.addAttribute("client", client);
		model.addAttribute("checkins", this.checkins.history(me, client.id()));
		model.addAttribute("summary", this.checkins.summary(me, client.id(), 4));
		return "care/checkins";
	}

	@GetMapping("/care/clients/{id}/journal")
	String journal(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		model.addAttribute("client", client);
		model.addAttribute("entries", this.journal.entries(me, client.id()));
		return "care/journal";
	}

	@GetMapping("/care/clients/{id}/commitments")
	String commitments(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		model.addAttribute("client", client);
		model.addAttribute("commitments", this.commitments.list(me, client.id()));
		model.addAttribute("reliability", this.commitments.reliability(me, client.id(), 12));
		return "care/commitments";
	}

	@GetMapping("/care/clients/{id}/insights")
	String insights(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		model.addAttribute("client", client);
		model.addAttribute("progress", this.insights.progress(me, client.id(), 12));
		return "care/insights";
	}

	@GetMapping("/care/clients/{id}/notes")
	String notes(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		model.addAttribute("form", NoteForm.empty(this.homework.today(me)));
		return notesPage(me, client, model);
	}

	@PostMapping("/care/clients/{id}/notes")
	String writeNote(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id,
			@ModelAttribute("form") NoteForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				this.notes.write(me, client.id(), form.sessionDate(), form.body(), form.plan());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			return notesPage(me, client, model);
		}
		flash.addFlashAttribute("notice", "Note saved. Only you can read it.");
		return "redirect:/care/clients/" + client.id().value() + "/notes";
	}

	@GetMapping("/care/clients/{id}/notes/{noteId}")
	String note(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, @PathVariable UUID noteId,
			Model model) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		SessionNotes.Note note = ownNote(me, client, noteId);
		model.addAttribute("client", client);
		model.addAttribute("note", note);
		model.addAttribute("form",
				new NoteForm(note.sessionDate(), note.body(), (note.plan() != null) ? note.plan() : ""));
		return "care/note";
	}

	@PostMapping("/care/clients/{id}/notes/{noteId}")
	String editNote(@AuthenticationPrincipal SignedIn person, @PathVariable AccountId id, @PathVariable UUID noteId,
			@ModelAttribute("form") NoteForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		AccountId me = me(person);
		Person client = this.therapy.requireClient(me, id);
		SessionNotes.Note note = ownNote(me, client, noteId);
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				this.notes.edit(me, note.id(), form.sessionDate(), form.body(), form.plan());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			model.addAttribute("client", client);
			model.addAttribute("note", note);
			return "care/note";
		}
		flash.addFlashAttribute("notice", "Note updated. The earlier text is kept in its history.");
		return "redirect:/care/clients/" + client.id().value() + "/notes/" + note.id();
	}

	private SessionNotes.Note ownNote(AccountId me, Person client, UUID noteId) {
		SessionNotes.Note note = this.notes.find(me, noteId);
		if (!note.client().equals(client.id())) {
			throw new app.steadfast.shared.NotFound();
		}
		return note;
	}

	private String notesPage(AccountId me, Person client, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("notes", this.notes.of(me, client.id()));
		return "care/notes";
	}

	private void clientPage(AccountId me, Person client, Model model) {
		Set<Category> granted = this.consents.granted(client.id(), me);
		List<Category> emergency = this.therapy.breakGlass(me, client.id())
			.stream()
			.map(app.steadfast.sharing.Grant::category)
			.distinct()
			.toList();
		model.addAttribute("client", client);
		model.addAttribute("partnerClient", client.role() == app.steadfast.shared.Role.PARTNER);
		model.addAttribute("bothYours", this.therapy.bothPartnersOf(me, client.id()));
		model.addAttribute("row", this.caseload.row(me, client.id(), null));
		model.addAttribute("granted", granted);
		model.addAttribute("emergency", emergency);
		model.addAttribute("sharesStatements", granted.contains(Category.STATEMENTS));
		model.addAttribute("sharesConversations", granted.contains(Category.CONVERSATIONS));
		model.addAttribute("views",
				List.of(Category.CHECKINS, Category.JOURNAL, Category.COMMITMENTS, Category.INSIGHTS)
					.stream()
					.filter((c) -> granted.contains(c) || emergency.contains(c))
					.toList());
		model.addAttribute("alerts",
				this.alerts.of(me).stream().filter((a) -> a.client().equals(client.id())).toList());
		model.addAttribute("homework", this.homework.setBy(me, client.id()));
		model.addAttribute("pulse",
				granted.contains(Category.INSIGHTS) ? this.insights.progress(me, client.id(), 12)
					.weeks()
					.stream()
					.filter((w) -> w.myPulse() != null)
					.toList() : List.of());
		List<Measures.Result> results = this.measures.results(me, client.id());
		model.addAttribute("results", results);
		model.addAttribute("trends", this.measures.trends(results));
		model.addAttribute("changes", Measures.reliableChanges(results));
		model.addAttribute("waiting", this.measures.open(me, client.id()));
		model.addAttribute("partnerCopies", this.partnerMeasures.of(me, client.id()));
		model.addAttribute("repeating", this.schedules.of(client.id()));
		model.addAttribute("instruments", Instrument.values());
		model.addAttribute("articles", this.articles.published());
		model.addAttribute("exercises", this.homework.exercises());
		model.addAttribute("today", this.homework.today(client.id()));
	}

	private static AccountId me(SignedIn person) {
		return person.account();
	}

	/**
	 * The day of a client's next session.
	 *
	 * @param nextSession the day, or {@code null} to clear it
	 */
	record NextSessionForm(@org.springframework.format.annotation.DateTimeFormat(
			iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) @org.jspecify.annotations.Nullable LocalDate nextSession) {
	}

	/**
	 * The questionnaire a therapist sends his client.
	 *
	 * @param instrument the questionnaire, or {@code null} when none was chosen
	 * @param every to repeat it every so many weeks, or {@code null} for just this once
	 * @param partnerToo whether his linked partner gets a copy of their own, once (the
	 * CSI-4 only)
	 */
	record MeasureForm(@org.jspecify.annotations.Nullable Instrument instrument,
			@org.jspecify.annotations.Nullable Integer every, @org.jspecify.annotations.Nullable Boolean partnerToo) {
	}

}
