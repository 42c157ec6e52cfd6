package app.steadfast.consultations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Consumer;

import app.steadfast.consultations.ConsultationViews.RequestView;
import app.steadfast.shared.Htmx;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.OptimisticLockingFailureException;
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
 * The staff's triage: the inbox of requests and each request's page, where therapists and
 * admins mark contact, assign, schedule, close and invite.
 */
@Controller
@RequestMapping("/consultations")
class TriageController {

	private final ConsultationManagement consultations;

	private final ClientInvitations invitations;

	TriageController(ConsultationManagement consultations, ClientInvitations invitations) {
		this.consultations = consultations;
		this.invitations = invitations;
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
		return change(id, flash, "Marked as contacted.", (request) -> this.consultations.markContacted(request, staff));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable ConsultationId id, @RequestParam(name = "therapist", required = false) String therapist,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		return change(id, flash, "The request is assigned.",
				(request) -> this.consultations.assign(request, uuid(therapist), staff));
	}

	@PostMapping("/{id}/note")
	String note(@PathVariable ConsultationId id, @RequestParam(name = "note", required = false) String note,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		flash.addFlashAttribute("noteDraft", note);
		return change(id, flash, "The note is saved.",
				(request) -> this.consultations.changeNote(request, (note != null) ? note : "", staff));
	}

	@PostMapping("/{id}/schedule")
	String schedule(@PathVariable ConsultationId id, @RequestParam(name = "date", required = false) String date,
			@RequestParam(name = "time", required = false) String time,
			@RequestParam(name = "therapist", required = false) String therapist,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		flash.addFlashAttribute("dateDraft", date);
		flash.addFlashAttribute("timeDraft", time);
		return change(id, flash, "Scheduled. The calendar invitation is on its way.",
				(request) -> this.consultations.schedule(request, day(date), clock(time), uuid(therapist), staff));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable ConsultationId id, @RequestParam(name = "reason", required = false) String reason,
			@AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		return change(id, flash, "The request is closed.",
				(request) -> this.consultations.close(request, closeReason(reason), staff));
	}

	@PostMapping("/{id}/invitation")
	String invite(@PathVariable ConsultationId id, @AuthenticationPrincipal SignedIn staff, RedirectAttributes flash) {
		return change(id, flash, "The invitation to create his account is on its way.",
				(request) -> this.invitations.inviteClient(request, staff));
	}

	private String change(ConsultationId request, RedirectAttributes flash, String done,
			Consumer<ConsultationId> step) {
		try {
			step.accept(request);
			flash.addFlashAttribute("done", done);
		}
		catch (TriageRefused ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
			flash.addFlashAttribute("problemField", ex.field());
		}
		catch (OptimisticLockingFailureException ex) {
			flash.addFlashAttribute("problem", "Someone else changed this request at the same moment. "
					+ "This is how it stands now; please check and try again.");
		}
		return "redirect:/consultations/" + request;
	}

	private static UUID uuid(String value) {
		try {
			return (value != null) ? UUID.fromString(value.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static LocalDate day(String value) {
		try {
			return (value != null && !value.isBlank()) ? LocalDate.parse(value.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalTime clock(String value) {
		try {
			return (value != null && !value.isBlank()) ? LocalTime.parse(value.strip()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static CloseReason closeReason(String value) {
		for (CloseReason reason : CloseReason.values()) {
			if (reason.name().equals(value)) {
				return reason;
			}
		}
		return null;
	}

}
