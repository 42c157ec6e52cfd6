package app.steadfast.consultations;

import java.time.Duration;
import java.time.Clock;
import java.util.Optional;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.InvalidAccountInput;
import app.steadfast.accounts.Person;
import app.steadfast.accounts.SignInAfterSignUp;
import app.steadfast.consultations.ConsultationViews.InvitationView;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public side: the free-consultation form (a stable address, no account needed) and
 * the invitation link that turns a request into a client account.
 */
@Controller
class ConsultationController {

	private final ConsultationManagement consultations;

	private final ClientInvitations invitations;

	private final AccountManagement accounts;

	private final ConsultationSettings settings;

	private final Clock clock;

	private final SignInAfterSignUp signIn;

	private final AppointmentManagement appointments;

	private final app.steadfast.shared.Practice practice;

	ConsultationController(ConsultationManagement consultations, ClientInvitations invitations,
			AccountManagement accounts, ConsultationSettings settings, Clock clock, SignInAfterSignUp signIn,
			AppointmentManagement appointments, app.steadfast.shared.Practice practice) {
		this.appointments = appointments;
		this.practice = practice;
		this.consultations = consultations;
		this.invitations = invitations;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.signIn = signIn;
	}

	@GetMapping("/consultation")
	String form(Model model) {
		model.addAttribute("form", ConsultationForm.empty());
		return formPage(model);
	}

	@GetMapping(path = "/consultation", params = "received")
	String received() {
		return "consultations/received";
	}

	@PostMapping("/consultation")
	String request(@Valid @ModelAttribute("form") ConsultationForm form, BindingResult errors,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
		form.check(errors);
		if (errors.hasErrors()) {
			return formPage(model);
		}
		try {
			this.consultations.receive(form, request.getRemoteAddr());
		}
		catch (SlotTaken ex) {
			ex.rejectIn(errors);
			return formPage(model);
		}
		catch (RequestLimitReached ex) {
			// What he typed stays in the form, so he can send it later or copy it.
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			long seconds = Math.max(60, Duration.between(this.clock.instant(), ex.until()).toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			model.addAttribute("limitedUntil", ex.until());
			return formPage(model);
		}
		// A robot's request gets the same answer as a person's: it learns nothing.
		flash.addFlashAttribute("contactBy", form.request().contactBy().phrase());
		flash.addFlashAttribute("emailGiven", form.request().email() != null);
		form.chosen().ifPresent((chosen) -> {
			flash.addFlashAttribute("bookedAt", AppointmentMail.when(chosen.start(), this.practice.zone()));
			this.accounts.find(chosen.therapist())
				.ifPresent((therapist) -> flash.addFlashAttribute("bookedWith", therapist.displayName()));
		});
		return "redirect:/consultation?received";
	}

	@GetMapping("/consultation/invitation")
	String invitation(@RequestParam(name = "token", required = false) String token, Model model,
			HttpServletResponse response) {
		// Only right after joining (the flash attribute), never by typing the address.
		if (model.containsAttribute("joinedTherapist")) {
			return "consultations/joined";
		}
		Optional<InvitationView> invitation = this.invitations.invitation(token);
		if (invitation.isEmpty()) {
			return expired(response);
		}
		model.addAttribute("form", new InvitationForm(token, invitation.get().name(), ""));
		return invitationPage(invitation.get(), model);
	}

	@PostMapping("/consultation/invitation")
	String join(@Valid @ModelAttribute("form") InvitationForm form, BindingResult errors,
			@AuthenticationPrincipal SignedIn person, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes flash) {
		Optional<InvitationView> invitation = this.invitations.invitation(form.token());
		if (invitation.isEmpty()) {
			return expired(response);
		}
		try {
			if (person != null) {
				this.invitations.acceptInvitationSignedIn(form.token(), person);
			}
			else {
				this.accounts.passwordProblem(form.password())
					.ifPresent((problem) -> errors.rejectValue("password", "password", problem));
				if (errors.hasErrors()) {
					return invitationPage(invitation.get(), model);
				}
				Person client = this.invitations.acceptInvitation(form.token(), form.displayName(), form.password(),
						request.getRemoteAddr());
				// The password he just chose signs him in, as after sign-up.
				this.signIn.signIn(client.email(), form.password(), request, response);
			}
		}
		catch (InvalidAccountInput ex) {
			if ("password".equals(ex.field())) {
				errors.rejectValue("password", "password", ex.getMessage());
			}
			else {
				errors.reject(ex.field(), ex.getMessage());
			}
			return invitationPage(invitation.get(), model);
		}
		catch (NotFound ex) {
			return expired(response);
		}
		flash.addFlashAttribute("joinedTherapist", invitation.get().therapist());

		return "redirect:/consultation/invitation?joined";
	}

	private String formPage(Model model) {
		model.addAttribute("contactMethods", ContactMethod.values());
		model.addAttribute("preferredTimes", PreferredTime.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("messageLimit", ConsultationForm.MESSAGE_LIMIT);
		model.addAttribute("practiceAddress", this.settings.notifyAddress());
		model.addAttribute("openTimes", openTimes());
		model.addAttribute("openTimesZone",
				this.practice.zone().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
		return "consultations/form";
	}

	/**
	 * An open time as the form offers it.
	 *
	 * @param code what the form sends back
	 * @param day the day, in the practice's zone
	 * @param time the time of day and with whom
	 */
	record OpenTime(String code, String day, String time) {
	}

	/**
	 * The open times of therapists who take free consultations, by day, in the practice's
	 * zone.
	 */
	private java.util.Map<String, java.util.List<OpenTime>> openTimes() {
		java.time.ZoneId zone = this.practice.zone();
		var day = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.ENGLISH).withZone(zone);
		var time = java.time.format.DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ENGLISH).withZone(zone);
		java.util.List<Slot> open = this.appointments.openConsultationTimes(OPEN_TIMES);
		java.util.Map<app.steadfast.shared.AccountId, Person> people = open.isEmpty() ? java.util.Map.of()
				: this.accounts.find(open.stream().map(Slot::therapist).distinct().toList());
		java.util.Map<String, java.util.List<OpenTime>> byDay = new java.util.LinkedHashMap<>();
		for (Slot slot : open) {
			String name = people.containsKey(slot.therapist()) ? people.get(slot.therapist()).displayName()
					: "a therapist";
			byDay.computeIfAbsent(day.format(slot.start()), (d) -> new java.util.ArrayList<>())
				.add(new OpenTime(slot.code(), day.format(slot.start()), time.format(slot.start()) + " with " + name));
		}
		return byDay;
	}

	/** How many open times the form offers at most. */
	static final int OPEN_TIMES = 24;

	private String invitationPage(InvitationView invitation, Model model) {
		model.addAttribute("invitation", invitation);
		return "consultations/invitation";
	}

	private static String expired(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "consultations/invitation-expired";
	}

}
