package app.steadfast.consultations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

import app.steadfast.consultations.ConsultationViews.RequestView;
import app.steadfast.shared.Htmx;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's triage: the inbox of requests and each request's page, where therapists and
 * admins mark contact, assign, schedule, close and invite.
 */
@Controller
@RequestMapping("/consultations")
class TriageController {

	private final ConsultationManagement consultations;

	private final ClientInvitations invitations;

	private final MessageSource messages;

	TriageController(ConsultationManagement consultations, ClientInvitations invitations, MessageSource messages) {
		this.consultations = consultations;
		this.invitations = invitations;
		this.messages = messages;
	}

	@GetMapping
	String inbox(@RequestParam(name = "show", required = false) String show, HttpServletRequest request, Model model) {
		InboxFilter filter = InboxFilter.named(show);
		model.addAttribute("filter", filter);
		model.addAttribute("filters", InboxFilter.values());
		model.addAttribute("rows", this.consultations.inbox(filter));
		return Htmx.view(request, "consultations/inbox", "requests");
	}

	@GetMapping("/{id}")
	String request(@PathVariable ConsultationId id, @AuthenticationPrincipal SignedIn staff, Model model) {
		RequestView view = this.consultations.view(id, staff);
		model.addAttribute("request", view);
		model.addAttribute("partnersAccount", this.consultations.partnersAccount(view.email()));
		model.addAttribute("therapists", this.consultations.therapists());
		model.addAttribute("reasons", CloseReason.values());
		ZoneId zone = this.consultations.zoneOf(staff);
		model.addAttribute("zone", zone.getId());
		if (view.scheduledAt() != null) {
			// Moving a consultation starts from the time it has, in the zone he gives
			// times in.
			var local = view.scheduledAt().atZone(zone);
			model.addAttribute("scheduledDate", local.toLocalDate().toString());
			model.addAttribute("scheduledTime", local.toLocalTime().withSecond(0).withNano(0).toString());
		}
		model.addAttribute("noteLimit", ConsultationManagement.NOTE_LIMIT);
		return "consultations/request";
	}

	@PostMapping("/{id}/contacted")
	String contacted(@PathVariable ConsultationId id, @AuthenticationPrincipal SignedIn staff,
			RedirectAttributes flash) {
		return change(id, flash, null, "Marked as contacted.",
				(request) -> this.consultations.markContacted(request, staff));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable ConsultationId id, @ModelAttribute("assignForm") AssignForm form, BindingResult bound,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		return change(id, flash, bound, "The request is assigned.",
				(request) -> this.consultations.assign(request, form.therapist(), staff));
	}

	@PostMapping("/{id}/note")
	String note(@PathVariable ConsultationId id, @ModelAttribute("noteForm") NoteForm form, BindingResult bound,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		flash.addFlashAttribute("noteDraft", form.note());
		return change(id, flash, bound, "The note is saved.",
				(request) -> this.consultations.changeNote(request, (form.note() != null) ? form.note() : "", staff));
	}

	@PostMapping("/{id}/schedule")
	String schedule(@PathVariable ConsultationId id, @ModelAttribute("scheduleForm") ScheduleForm form,
			BindingResult bound, @AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		flash.addFlashAttribute("dateDraft", typed(bound, "date", form.date()));
		flash.addFlashAttribute("timeDraft", typed(bound, "time", form.time()));
		return change(id, flash, bound, "Scheduled. The calendar invitation is on its way.",
				(request) -> this.consultations.schedule(request, form.date(), form.time(), form.therapist(), staff));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable ConsultationId id, @ModelAttribute("closeForm") CloseForm form, BindingResult bound,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		return change(id, flash, bound, "The request is closed.",
				(request) -> this.consultations.close(request, form.reason(), staff));
	}

	@PostMapping("/{id}/invitation")
	String invite(@PathVariable ConsultationId id, @AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		return change(id, flash, null, "The invitation to create their account is on its way.",
				(request) -> this.invitations.inviteClient(request, staff));
	}

	// The page is shown again after every step (so a reload never repeats one): a
	// problem, the form it came from and its field travel with the redirect.
	private String change(ConsultationId request, RedirectAttributes flash, @Nullable BindingResult bound, String done,
			Consumer<ConsultationId> step) {
		if (bound != null && bound.hasFieldErrors()) {
			this.consultations.require(request);
			FieldError error = bound.getFieldErrors().get(0);
			refused(flash, bound.getObjectName(), error.getField(),
					this.messages.getMessage(error, LocaleContextHolder.getLocale()));
			return "redirect:/consultations/" + request;
		}
		try {
			step.accept(request);
			flash.addFlashAttribute("done", done);
		}
		catch (TriageRefused ex) {
			refused(flash, (bound != null) ? bound.getObjectName() : null, ex.field(), ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			flash.addFlashAttribute("problem", "Someone else changed this request at the same moment. "
					+ "This is how it stands now; please check and try again.");
		}
		return "redirect:/consultations/" + request;
	}

	private static void refused(RedirectAttributes flash, @Nullable String form, String field, String problem) {
		flash.addFlashAttribute("problem", problem);
		flash.addFlashAttribute("problemField", field);
		flash.addFlashAttribute("problemForm", form);
	}

	/** What was typed in a field: the text itself where it could not be read. */
	private static @Nullable String typed(BindingResult bound, String field, @Nullable Object value) {
		FieldError error = bound.getFieldError(field);
		if (error != null) {
			return String.valueOf(error.getRejectedValue());
		}
		return (value != null) ? value.toString() : null;
	}

	/**
	 * Assigning the request to a therapist.
	 *
	 * @param therapist the therapist's account id, from the list
	 */
	record AssignForm(@Nullable UUID therapist) {
	}

	/**
	 * The therapists' internal note.
	 *
	 * @param note the note
	 */
	record NoteForm(@Nullable String note) {
	}

	/**
	 * Scheduling the consultation, in the staff member's zone.
	 *
	 * @param date the day
	 * @param time the time of day
	 * @param therapist the therapist's account id, from the list
	 */
	record ScheduleForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
			@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") @Nullable LocalTime time,
			@Nullable UUID therapist) {
	}

	/**
	 * Closing the request.
	 *
	 * @param reason why, from the list
	 */
	record CloseForm(@Nullable CloseReason reason) {
	}

}
