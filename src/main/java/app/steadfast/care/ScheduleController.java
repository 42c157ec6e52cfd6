package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.steadfast.care.AppointmentLines.AppointmentLine;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The therapist's week ({@code /care/schedule}): what is booked each day, the video link
 * near the time, and for each client booked, folded, what changed since his last session
 * across what he lets the therapist see ({@link SessionBriefs}).
 */
@Controller
class ScheduleController {

	private static final java.time.format.DateTimeFormatter DAY = AppointmentLines.DAY;

	private final AppointmentManagement appointments;

	private final AppointmentLines lines;

	private final SessionBriefs briefs;

	private final java.time.Clock clock;

	ScheduleController(AppointmentManagement appointments, AppointmentLines lines, SessionBriefs briefs,
			java.time.Clock clock) {
		this.appointments = appointments;
		this.lines = lines;
		this.briefs = briefs;
		this.clock = clock;
	}

	@GetMapping("/care/schedule")
	String schedule(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "week", required = false) @Nullable String week, Model model) {
		AccountId me = person.account();
		ZoneId zone = this.lines.zone(person);
		java.time.Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
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
		// A brief for each client with a session yet to end this week, all read at once.
		Map<AccountId, SessionBriefs.Brief> briefs = this.briefs.of(me,
				week7.stream()
					.filter((a) -> a.client() != null && a.end().isAfter(now))
					.map(Appointment::client)
					.filter(Objects::nonNull)
					.distinct()
					.toList(),
				now, zone);
		List<ScheduleDay> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate day = monday.plusDays(i);
			days.add(new ScheduleDay(day.equals(today) ? "Today, " + DAY.format(day) : DAY.format(day),
					day.equals(today),
					week7.stream()
						.filter((a) -> LocalDate.ofInstant(a.start(), zone).equals(day))
						.map((a) -> new Booked(this.lines.view(a, me, zone),
								(a.client() != null && a.end().isAfter(now)) ? briefs.get(a.client()) : null))
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

	/**
	 * One day of the therapist's week.
	 *
	 * @param name the day in words
	 * @param today whether it is today
	 * @param appointments what is booked, in order
	 */
	record ScheduleDay(String name, boolean today, List<Booked> appointments) {
	}

	/**
	 * One appointment on his schedule.
	 *
	 * @param line the appointment
	 * @param brief for a session yet to end with one of his clients, what changed since
	 * the last; null otherwise
	 */
	record Booked(AppointmentLine line, SessionBriefs.@Nullable Brief brief) {
	}

}
