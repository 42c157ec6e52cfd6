package app.steadfast.care;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.Role;
import app.steadfast.shared.SensitiveAction;
import app.steadfast.shared.SensitiveActions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the care pages (therapists their portal, clients their grants, homework and
 * questionnaires, admins emergency access and handovers; each record is checked again in
 * the services), and what care puts on the home page.
 */
@Configuration(proxyBeanMethods = false)
class CareAccess {

	@Bean
	ModuleAccess careRules() {
		return () -> List.of(AccessRule.roles("/care", Role.THERAPIST),
				AccessRule.roles("/care/clients/**", Role.THERAPIST),
				// A partner has the client's pages of care too: with a therapist of her
				// own they are hers, and without one they say how to find one.
				AccessRule.roles("/care/alerts/**", Role.THERAPIST),
				AccessRule.roles("/care/grants/**", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/care/inbox", Role.THERAPIST), AccessRule.roles("/care/office-hours", Role.THERAPIST),
				AccessRule.roles("/care/messages", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/care/reads", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/care/sessions/**", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/care/schedule/**", Role.THERAPIST),
				AccessRule.roles("/care/hours/**", Role.THERAPIST),
				AccessRule.roles("/care/homework/**", Role.CLIENT, Role.PARTNER),
				// A partner answers the copy of the CSI-4 his therapist may send her, and
				// her own therapist's questionnaires.
				AccessRule.roles("/care/measures/**", Role.CLIENT, Role.PARTNER),
				AccessRule.roles("/admin/care/**", Role.ADMIN), AccessRule.roles("/admin/settings", Role.ADMIN));
	}

	/**
	 * Letting his therapist see more, and an admin's emergency access or handover, need a
	 * recent sign-in; taking a grant back never waits.
	 */
	@Bean
	SensitiveActions careSensitiveActions() {
		return () -> List.of(SensitiveAction.when(HttpMethod.POST, "/care/grants", "share", "on"),
				SensitiveAction.of(HttpMethod.POST, "/admin/care/**"));
	}

	@Bean
	NextSteps careNextSteps(Therapy therapy, Homework homework, Measures measures, RiskAlerts alerts, Messages messages,
			AppointmentManagement appointments, AccountManagement accounts, Clock clock) {
		return (person) -> {
			AccountId me = person.account();
			List<NextStep> steps = new ArrayList<>();
			switch (person.role()) {
				case CLIENT ->
					ownCare(person, therapy, homework, measures, messages, appointments, accounts, clock, steps);
				case PARTNER -> {
					measures.pending(me)
						.stream()
						.filter(Measures.Pending::partnersCopy)
						.findFirst()
						.ifPresent((m) -> steps.add(NextStep.now("A question about your relationship",
								"Your partner’s therapist asks how the relationship feels from your side: four short questions, "
										+ "for the therapist alone. Saying no is fine too.",
								"/care/measures/" + m.id(), "Have a look", 6)));
					ownCare(person, therapy, homework, measures, messages, appointments, accounts, clock, steps);
				}
				case THERAPIST -> {
					long open = alerts.of(me).stream().filter(RiskAlerts.Alert::open).count();
					if (open > 0) {
						steps.add(NextStep.now("Alerts waiting",
								open + ((open == 1) ? " alert needs" : " alerts need") + " your acknowledgement.",
								"/care/alerts", "See alerts", 1));
					}
					long unread = messages.unreadBy(me);
					if (unread > 0) {
						steps.add(NextStep.now("Messages waiting",
								unread + ((unread == 1) ? " message from a client waits"
										: " messages from clients wait") + " for you to read.",
								"/care/inbox", "Open messages", 2));
					}
					ZoneId zone = (person.zone() != null) ? person.zone() : accounts.zone(me);
					java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zone);
					List<Appointment> todays = appointments.scheduleOf(me, today.atStartOfDay(zone).toInstant(),
							today.plusDays(1).atStartOfDay(zone).toInstant());
					steps.add(new NextStep("Your schedule", todays.isEmpty()
							? "Nothing booked today. Your week, and your hours for booking."
							: (todays.size() == 1 ? "1 appointment today" : todays.size() + " appointments today")
									+ ", the first at "
									+ DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
										.withZone(zone)
										.format(todays.get(0).start())
									+ ".",
							"/care/schedule", "Open your schedule", 3, !todays.isEmpty()));
					steps.add(new NextStep("Your caseload",
							"Your clients, what each one shares with you, homework and questionnaires.", "/care",
							"Open your caseload", 5));
				}
				case ADMIN -> {
					int waiting = therapy.waitingCount();
					if (waiting > 0) {
						steps.add(NextStep.now("Clients waiting for a therapist", (waiting == 1)
								? "One client’s therapist has left. Hand him over to someone new."
								: waiting
										+ " clients are waiting: their therapist has left. Hand each one over to someone new.",
								"/admin/care", "Hand them over", 1));
					}
					steps.add(new NextStep("Care access",
							"Emergency access for a therapist, and handing a client over to another therapist.",
							"/admin/care", "Manage care access", 50));
				}
				default -> {
				}
			}
			return steps;
		};
	}

	/**
	 * What care puts on Today for someone with a therapist of their own: a client, or a
	 * partner with care of her own. Nothing without one.
	 */
	private static void ownCare(app.steadfast.shared.SignedIn person, Therapy therapy, Homework homework,
			Measures measures, Messages messages, AppointmentManagement appointments, AccountManagement accounts,
			Clock clock, List<NextStep> steps) {
		DateTimeFormatter at = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
		AccountId me = person.account();
		Optional<AccountId> mine = therapy.therapistOf(me);
		if (mine.isEmpty()) {
			return;
		}
		AccountId therapist = mine.get();
		if (therapy.left(therapist)) {
			steps.add(NextStep.now("Your therapist has left the practice",
					"Nobody reads what you share until the practice introduces you to someone new.", "/care/grants",
					"See what this means", 5));
			return;
		}
		Optional<java.time.Instant> next = appointments.nextSessionOf(me);
		if (next.isPresent()) {
			ZoneId zone = (person.zone() != null) ? person.zone() : accounts.zone(me);
			boolean soon = next.get().isBefore(clock.instant().plus(Duration.ofHours(24)));
			steps.add(new NextStep("Your next session",
					at.withZone(zone).format(next.get())
							+ ". The video link appears on your sessions page 15 minutes before.",
					"/care/sessions", "See your sessions", 3, soon));
		}
		else {
			steps.add(new NextStep("Book a session", "Choose a time in your therapist’s open hours.", "/care/sessions",
					"Book a session", 13));
		}
		long replies = messages.unreadByClient(me, therapist);
		if (replies > 0) {
			steps.add(NextStep.now("A message from your therapist",
					(replies == 1) ? "One new message waits for you." : replies + " new messages wait for you.",
					"/care/messages", "Read it", 4));
		}
		List<Homework.Item> open = homework.of(me).stream().filter((h) -> !h.done()).toList();
		if (!open.isEmpty()) {
			steps.add(NextStep.now("Homework from your therapist",
					(open.size() == 1) ? "One thing to do, due " + day.format(open.get(0).dueDate()) + "."
							: open.size() + " things to do, the next due " + day.format(open.get(0).dueDate()) + ".",
					"/care/homework", "See your homework", 5));
		}
		measures.ownPending(me)
			.stream()
			.findFirst()
			.ifPresent(
					(m) -> steps
						.add(NextStep.now("A short questionnaire",
								"Your therapist asked you to fill in the " + m.instrument().title()
										+ ". It takes about two minutes.",
								"/care/measures/" + m.id(), "Fill it in", 6)));
		steps.add(
				new NextStep("Write to your therapist", "A private message between sessions, for your therapist alone.",
						"/care/messages", "Write a message", 14));
		steps.add(new NextStep("What your therapist sees",
				"You choose, one kind of record at a time, and you can take it back at once.", "/care/grants",
				"Choose what to share", 15));
	}

}
