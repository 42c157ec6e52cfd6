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
 * ({@code /care/sessions}); the therapist sees his week ({@code /care/schedule}) and
 * keeps his hours, days off and meeting room ({@code /care/hours}).
 * {@link AppointmentManagement} decides every booking and who may see which appointment.
 */
@Controller
class SessionController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private final AppointmentManagement appointments;

	private final AccountManagement accounts;

	private final Therapy therapy;

	private final java.time.Clock clock;

	SessionController(AppointmentManagement appointments, AccountManagement accounts, Therapy therapy,
			java.time.Clock clock) {
		this.clock = clock;
		this.appointments = appointments;
		this.accounts = accounts;
		this.therapy = therapy;
	}

	// --- The client's sessions -------------------------------------------------------

	@GetMapping("/care/sessions")
	String sessions(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("form", new TimeForm(""));
		return sessionsPage(person, model);
	}

	@PostMapping("/care/sessions")
	String book(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") TimeForm form, BindingResult bound,
			Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			Appointment booked = this.appointments.book(person.account(), form.instant());
			flash.addFlashAttribute("notice",
					"Booked: " + when(booked.start(), zone(person)) + ". You both get a calendar invitation by email.");
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
					"Moved to " + when(moved.start(), zone(person)) + ". You both get the new time by email.");
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
		ZoneId zone = zone(person);
		Optional<AccountId> therapist = this.therapy.therapistOf(me);
		model.addAttribute("therapistName", therapist.map(this.therapy::nameOf).orElse(null));
		model.addAttribute("upcoming",
				this.appointments.upcomingFor(me).stream().map((a) -> view(a, me, zone)).toList());
		model.addAttribute("openTimes", byDay(this.appointments.openSessionTimes(me, null), zone));
		model.addAttribute("rules", this.appointments.rules());
		model.addAttribute("zoneName", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		return "care/sessions";
	}

	private String movePage(SignedIn person, UUID id, Model model) {
		AccountId me = person.account();
		ZoneId zone = zone(person);
		Appointment session = this.appointments.sessionOf(me, id);
		model.addAttribute("session", view(session, me, zone));
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

	// --- The therapist's schedule ----------------------------------------------------

	@GetMapping("/care/schedule")
	String schedule(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "week", required = false) @Nullable String week, Model model) {
		AccountId me = person.account();
		ZoneId zone = zone(person);
		LocalDate today = LocalDate.ofInstant(java.time.Instant.now(this.clock), zone);
		LocalDate shown = today;
		if (week != null) {
			try {
				shown = LocalDate.parse(week);
			}
			catch (DateTimeParseException ex) {
				shown = today;
			}
		}
		LocalDate monday = shown.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<Appointment> week7 = this.appointments.scheduleOf(me, monday.atStartOfDay(zone).toInstant(),
				monday.plusDays(7).atStartOfDay(zone).toInstant());
		List<ScheduleDay> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate day = monday.plusDays(i);
			days.add(new ScheduleDay(day.equals(today) ? "Today, " + DAY.format(day) : DAY.format(day),
					day.equals(today),
					week7.stream()
						.filter((a) -> LocalDate.ofInstant(a.start(), zone).equals(day))
						.map((a) -> view(a, me, zone))
						.toList()));
		}
		model.addAttribute("days", days);
		model.addAttribute("count", week7.size());
		model.addAttribute("weekOf", DAY.format(monday));
		model.addAttribute("previous", monday.minusWeeks(1).toString());
		model.addAttribute("next", monday.plusWeeks(1).toString());
		model.addAttribute("thisWeek", monday.equals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
		model.addAttribute("zoneName", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		return "care/schedule";
	}

	@PostMapping("/care/schedule/{id}/cancel")
	String cancelByTherapist(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id,
			RedirectAttributes flash) {
		this.appointments.cancelByTherapist(person.account(), id);
		flash.addFlashAttribute("notice", "Cancelled. They are told by email, and the time is open again.");
		return "redirect:/care/schedule";
	}

	// --- The therapist's hours -------------------------------------------------------

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

	// --- Views -----------------------------------------------------------------------

	private AppointmentLine view(Appointment a, AccountId viewer, ZoneId zone) {
		String opens = TIME.withZone(zone).format(a.start().minus(this.appointments.rules().linkOpens()));
		String href = (a.client() != null) ? "/care/clients/" + a.client().value()
				: (a.consultation() != null) ? "/consultations/" + a.consultation().value() : null;
		return new AppointmentLine(a.id(), when(a.start(), zone),
				TIME.withZone(zone).format(a.start()) + "–" + TIME.withZone(zone).format(a.end()), a.who(),
				(a.kind() == AppointmentKind.SESSION) ? "Session" : "Free consultation", href,
				this.appointments.changeable(a), a.start().isAfter(this.clock.instant()),
				this.appointments.videoLink(viewer, a).orElse(null), opens);
	}

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

	private static String when(Instant start, ZoneId zone) {
		return DAY.withZone(zone).format(start) + " at " + TIME.withZone(zone).format(start);
	}

	private ZoneId zone(SignedIn person) {
		return (person.zone() != null) ? person.zone() : this.accounts.zone(person.account());
	}

	/**
	 * An appointment as a page shows it, in the viewer's zone.
	 *
	 * @param id names it
	 * @param when its day and start
	 * @param times its start and end
	 * @param who the person coming
	 * @param kind a session or a free consultation
	 * @param href the therapist's page of the person coming; null for a client
	 * @param changeable whether it may still be moved or cancelled online
	 * @param ahead whether it has yet to start
	 * @param videoLink the meeting-room address, only near the time
	 * @param linkOpens when the link appears
	 */
	record AppointmentLine(UUID id, String when, String times, String who, String kind, @Nullable String href,
			boolean changeable, boolean ahead, @Nullable String videoLink, String linkOpens) {
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
	 * One day of the therapist's week.
	 *
	 * @param name the day in words
	 * @param today whether it is today
	 * @param appointments what is booked, in order
	 */
	record ScheduleDay(String name, boolean today, List<AppointmentLine> appointments) {
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
