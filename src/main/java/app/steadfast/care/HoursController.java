package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;

import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.AvailabilityView;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.SignedIn;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The therapist keeps his weekly hours, days off and meeting room ({@code /care/hours});
 * {@link AppointmentManagement} checks and keeps them.
 */
@Controller
class HoursController {

	private final AppointmentManagement appointments;

	HoursController(AppointmentManagement appointments) {
		this.appointments = appointments;
	}

	@GetMapping("/care/hours")
	String hours(@AuthenticationPrincipal SignedIn person, Model model) {
		AvailabilityView view = this.appointments.availabilityOf(person.account());
		model.addAttribute("hoursForm", new HoursForm(null, null, null));
		model.addAttribute("offForm", new OffForm(null, null));
		model.addAttribute("roomForm", new RoomForm(view.videoRoom(), view.takesConsultations() ? "on" : null));
		return hoursPage(person, view, model);
	}

	@PostMapping("/care/hours")
	String addHours(@AuthenticationPrincipal SignedIn person, @ModelAttribute("hoursForm") HoursForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				this.appointments.addHours(person.account(), form.day(), form.from(), form.to());
				flash.addFlashAttribute("notice", "Added. Your clients can book these hours from now on.");
				return "redirect:/care/hours";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		AvailabilityView view = this.appointments.availabilityOf(person.account());
		model.addAttribute("offForm", new OffForm(null, null));
		model.addAttribute("roomForm", new RoomForm(view.videoRoom(), view.takesConsultations() ? "on" : null));
		return hoursPage(person, view, model);
	}

	@PostMapping("/care/hours/remove")
	String removeHours(@AuthenticationPrincipal SignedIn person, @RequestParam DayOfWeek day,
			@RequestParam @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime from,
			RedirectAttributes flash) {
		this.appointments.removeHours(person.account(), day, from);
		flash.addFlashAttribute("notice", "Removed. Sessions already booked in those hours stay.");
		return "redirect:/care/hours";
	}

	@PostMapping("/care/hours/off")
	String addTimeOff(@AuthenticationPrincipal SignedIn person, @ModelAttribute("offForm") OffForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		if (!errors.hasErrors()) {
			try {
				this.appointments.addTimeOff(person.account(), form.first(), form.last());
				flash.addFlashAttribute("notice",
						"Added. No times are offered on those days; anything already booked stays until you move it.");
				return "redirect:/care/hours";
			}
			catch (InvalidInput ex) {
				ex.rejectIn(errors);
			}
		}
		AvailabilityView view = this.appointments.availabilityOf(person.account());
		model.addAttribute("hoursForm", new HoursForm(null, null, null));
		model.addAttribute("roomForm", new RoomForm(view.videoRoom(), view.takesConsultations() ? "on" : null));
		return hoursPage(person, view, model);
	}

	@PostMapping("/care/hours/off/{id}/remove")
	String removeTimeOff(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		this.appointments.removeTimeOff(person.account(), id);
		flash.addFlashAttribute("notice", "Removed. Those days are open again.");
		return "redirect:/care/hours";
	}

	@PostMapping("/care/hours/room")
	String setRoom(@AuthenticationPrincipal SignedIn person, @ModelAttribute("roomForm") RoomForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			this.appointments.setRoom(person.account(), form.videoUrl(), "on".equals(form.takesConsultations()));
			flash.addFlashAttribute("notice", "Saved.");
			return "redirect:/care/hours";
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		model.addAttribute("hoursForm", new HoursForm(null, null, null));
		model.addAttribute("offForm", new OffForm(null, null));
		return hoursPage(person, this.appointments.availabilityOf(person.account()), model);
	}

	private String hoursPage(SignedIn person, AvailabilityView view, Model model) {
		model.addAttribute("availability", view);
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("zoneName", view.zone().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		model.addAttribute("rules", this.appointments.rules());
		return "care/hours";
	}

	/**
	 * A block of weekly hours, bound and converted by Spring; its rules are
	 * {@link AppointmentManagement#addHours}'.
	 *
	 * @param day the day of the week
	 * @param from the start
	 * @param to the end
	 */
	record HoursForm(@Nullable DayOfWeek day,
			@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") @Nullable LocalTime from,
			@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") @Nullable LocalTime to) {
	}

	/**
	 * Days off, bound and converted by Spring.
	 *
	 * @param first the first day off
	 * @param last the last day off; empty for one day
	 */
	record OffForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate first,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate last) {
	}

	/**
	 * The meeting room and free consultations, bound by Spring.
	 *
	 * @param videoUrl his own meeting-room address; empty for the practice's
	 * @param takesConsultations "on" when new people may book a free consultation with
	 * him
	 */
	record RoomForm(@Nullable String videoUrl, @Nullable String takesConsultations) {
	}

}
