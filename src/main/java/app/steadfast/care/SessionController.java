package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentKind;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.AvailabilityView;
import app.steadfast.consultations.Slot;
import app.steadfast.consultations.SlotTaken;
import app.steadfast.safety.CrisisPanel;
import app.steadfast.shared.AccountId;
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
 * Sessions: the client books, moves and cancels his sessions with his own therapist
 * ({@code /care/sessions}). The therapist's week is {@link ScheduleController}'s, his
 * hours {@link HoursController}'s. {@link AppointmentManagement} decides every booking
 * and who may see which appointment.
 */
@Controller
class SessionController {

	private static final DateTimeFormatter DAY = AppointmentLines.DAY;

	private static final DateTimeFormatter TIME = AppointmentLines.TIME;

	private final AppointmentManagement appointments;

	private final AppointmentLines lines;

	private final Therapy therapy;

	private final Agendas agendas;

	SessionController(AppointmentManagement appointments, AppointmentLines lines, Therapy therapy, Agendas agendas) {
		this.agendas = agendas;
		this.appointments = appointments;
		this.lines = lines;
		this.therapy = therapy;
	}

	// --- The client's sessions -------------------------------------------------------

	@GetMapping("/care/sessions")
	String sessions(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("form", new TimeForm(""));
		return sessionsPage(person, model);
	}

	@PostMapping("/care/sessions/agenda")
	String agenda(@AuthenticationPrincipal SignedIn person, @ModelAttribute("agendaForm") AgendaForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			boolean crisis = this.agendas.write(person.account(), form.body());
			flash.addFlashAttribute(CrisisPanel.SHOWN, crisis);
			flash.addFlashAttribute("notice", "Kept for your next session.");
			return "redirect:/care/sessions";
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		model.addAttribute("form", new TimeForm(""));
		return sessionsPage(person, model);
	}

	@PostMapping("/care/sessions/agenda/clear")
	String clearAgenda(@AuthenticationPrincipal SignedIn person, RedirectAttributes flash) {
		this.agendas.clear(person.account());
		flash.addFlashAttribute("notice", "Cleared.");
		return "redirect:/care/sessions";
	}

	@PostMapping("/care/sessions")
	String book(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") TimeForm form, BindingResult bound,
			Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			Appointment booked = this.appointments.book(person.account(), form.instant());
			flash.addFlashAttribute("notice",
					"Booked: " + AppointmentLines.when(booked.start(), this.lines.zone(person))
							+ ". You both get a calendar invitation by email.");
			return "redirect:/care/sessions";
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		return sessionsPage(person, model);
	}

	@GetMapping("/care/sessions/{id}/move")
	String moving(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, Model model) {
		model.addAttribute("form", new TimeForm(""));
		return movePage(person, id, model);
	}

	@PostMapping("/care/sessions/{id}/move")
	String move(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, @ModelAttribute("form") TimeForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		this.appointments.sessionOf(person.account(), id);
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			Appointment moved = this.appointments.move(person.account(), id, form.instant());
			flash.addFlashAttribute("notice",
					"Moved to " + AppointmentLines.when(moved.start(), this.lines.zone(person))
							+ ". You both get the new time by email.");
			return "redirect:/care/sessions";
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		return movePage(person, id, model);
	}

	@PostMapping("/care/sessions/{id}/cancel")
	String cancel(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, RedirectAttributes flash) {
		try {
			this.appointments.cancel(person.account(), id);
			flash.addFlashAttribute("notice",
					"Cancelled. Your therapist is told by email, and the time is open again.");
		}
		catch (InvalidInput ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/care/sessions";
	}

	private String sessionsPage(SignedIn person, Model model) {
		AccountId me = person.account();
		ZoneId zone = this.lines.zone(person);
		Optional<AccountId> therapist = this.therapy.therapistOf(me);
		model.addAttribute("therapistName", therapist.map(this.therapy::nameOf).orElse(null));
		model.addAttribute("upcoming",
				this.appointments.upcomingFor(me).stream().map((a) -> this.lines.view(a, me, zone)).toList());
		model.addAttribute("openTimes", byDay(this.appointments.openSessionTimes(me, null), zone));
		model.addAttribute("rules", this.appointments.rules());
		model.addAttribute("zoneName", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		Agendas.Agenda agenda = this.agendas.of(me).orElse(null);
		model.addAttribute("agenda", agenda);
		if (!model.containsAttribute("agendaForm")) {
			model.addAttribute("agendaForm", new AgendaForm((agenda != null) ? agenda.body() : ""));
		}
		return "care/sessions";
	}

	private String movePage(SignedIn person, UUID id, Model model) {
		AccountId me = person.account();
		ZoneId zone = this.lines.zone(person);
		Appointment session = this.appointments.sessionOf(me, id);
		model.addAttribute("session", this.lines.view(session, me, zone));
		model.addAttribute("openTimes",
				byDay(this.appointments.openSessionTimes(me, id), zone).entrySet()
					.stream()
					.collect(LinkedHashMap<String, List<OpenTime>>::new, (m, e) -> m.put(e.getKey(),
							e.getValue().stream().filter((t) -> !t.code().equals(session.start().toString())).toList()),
							Map::putAll));
		model.addAttribute("rules", this.appointments.rules());
		model.addAttribute("zoneName", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		return "care/session-move";
	}

	// --- Views -----------------------------------------------------------------------

	/**
	 * How many open times a page offers at most: the soonest, so the list stays short.
	 */
	static final int OPEN_TIMES = 40;

	private static Map<String, List<OpenTime>> byDay(List<Slot> slots, ZoneId zone) {
		Map<String, List<OpenTime>> days = new LinkedHashMap<>();
		for (Slot slot : slots.subList(0, Math.min(OPEN_TIMES, slots.size()))) {
			days.computeIfAbsent(DAY.withZone(zone).format(slot.start()), (d) -> new ArrayList<>())
				.add(new OpenTime(slot.start().toString(), TIME.withZone(zone).format(slot.start())));
		}
		return days;
	}

	/**
	 * An open time on a form.
	 *
	 * @param code what the form sends back (the start)
	 * @param time the time of day
	 */
	record OpenTime(String code, String time) {
	}

	/**
	 * The line he writes for his next session, bound by Spring; its rules are
	 * {@link Agendas#write}'s.
	 *
	 * @param body his words
	 */
	record AgendaForm(@Nullable String body) {
	}

	/**
	 * The time he chose, bound by Spring.
	 *
	 * @param start the start of an open time, as offered
	 */
	record TimeForm(@Nullable String start) {

		Instant instant() {
			if (this.start == null || this.start.isBlank()) {
				throw new InvalidInput("start", "Choose one of the open times.");
			}
			try {
				return Instant.parse(this.start.strip());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInput("start", "Choose one of the open times.");
			}
		}

	}

}
