package app.steadfast.consultations;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.care.SessionCalendarFiles;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The free-consultation form offers the open times of therapists who take consultations;
 * choosing one books it at once with the request, sends both calendar invitations and
 * shows the request as scheduled in triage. A time just taken stores nothing and says so;
 * "none of these work" keeps today's path.
 */
@SteadfastTest
class ConsultationBookingTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	AppointmentManagement appointments;

	@Autowired
	ConsultationManagement consultations;

	@Test
	void choosingAnOpenTimeBooksItAtOnceAndTriageShowsItScheduled() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person therapist = therapistTakingConsultations(people);
		Slot slot = firstOpenTime(therapist);
		assertThat(slot.end()).isEqualTo(slot.start().plusSeconds(30 * 60));
		assertThat(this.mvc.get().uri("/consultation")).hasStatusOk()
			.bodyText()
			.contains("Choose a time now, if one suits you", "None of these work");

		RequestSamples daniel = RequestSamples.valid().without("times").with("slot", slot.code());
		MvcTestResult sent = daniel.send(this.mvc);
		assertThat(sent).hasStatus3xxRedirection().hasRedirectedUrl("/consultation?received");
		assertThat((String) sent.getMvcResult().getFlashMap().get("bookedAt")).isNotBlank();
		UUID request = this.jdbc.sql("SELECT id FROM consultation WHERE email = :e")
			.param("e", daniel.value("email"))
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", request)
			.query(String.class)
			.single()).isEqualTo("SCHEDULED");
		assertThat(this.jdbc.sql("SELECT kind FROM appointment WHERE consultation_id = :id AND status = 'BOOKED'")
			.param("id", request)
			.query(String.class)
			.single()).isEqualTo("CONSULTATION");
		assertThat(SessionCalendarFiles.invitationTo(smtp, daniel.value("email"))).contains("METHOD:REQUEST");
		assertThat(SessionCalendarFiles.invitationTo(smtp, therapist.email())).contains("METHOD:REQUEST");
		assertThat(this.mvc.get().uri("/consultations/" + request).with(people.signedIn(therapist))).hasStatusOk()
			.bodyText()
			.contains("Scheduled");
		assertThat(this.appointments.scheduleOf(therapist.id(), slot.start(), slot.end())).singleElement()
			.satisfies((a) -> assertThat(a.who()).isEqualTo("Daniel"));

		// The same time for someone else a moment later: nothing stored, a clear answer.
		RequestSamples second = RequestSamples.valid().with("slot", slot.code());
		assertThat(second.send(this.mvc)).hasStatusOk()
			.bodyText()
			.contains("That time was just taken. Please choose another.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM consultation WHERE email = :e")
			.param("e", second.value("email"))
			.query(Long.class)
			.single()).isZero();
		// Something that names no offer at all is asked again.
		assertThat(RequestSamples.valid().with("slot", "tomorrow@noon").send(this.mvc)).hasStatusOk()
			.bodyText()
			.contains("Choose one of the times offered, or “None of these work”.");
		// None of these work: today's request, waiting for a first contact.
		RequestSamples none = RequestSamples.valid().with("slot", "");
		assertThat(none.send(this.mvc)).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE email = :e")
			.param("e", none.value("email"))
			.query(String.class)
			.single()).isEqualTo("NEW");
	}

	@Test
	void aBookedTimeTheTherapistCancelsSendsTheRequestBackToTriageForAnotherTime() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person therapist = therapistTakingConsultations(people);
		Slot slot = firstOpenTime(therapist);
		RequestSamples request = RequestSamples.valid().without("times").with("slot", slot.code());
		assertThat(request.send(this.mvc)).hasStatus3xxRedirection();
		UUID id = this.jdbc.sql("SELECT id FROM consultation WHERE email = :e")
			.param("e", request.value("email"))
			.query(UUID.class)
			.single();
		UUID appointment = this.jdbc.sql("SELECT id FROM appointment WHERE consultation_id = :id")
			.param("id", id)
			.query(UUID.class)
			.single();

		assertThat(this.mvc.post()
			.uri("/care/schedule/" + appointment + "/cancel")
			.with(people.signedIn(therapist))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus3xxRedirection();

		// Open again, without a time, and its history says why: nobody falls through.
		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("CONTACTED");
		assertThat(this.jdbc.sql("SELECT scheduled_at FROM consultation WHERE id = :id")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
		org.jsoup.nodes.Document triage = org.jsoup.Jsoup.parse(new String(this.mvc.get()
			.uri("/consultations/" + id)
			.with(people.signedIn(therapist))
			.exchange()
			.getResponse()
			.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(triage.select("span.status").text()).isEqualTo("Contacted");
		assertThat(triage.text()).contains("Booked time cancelled by the therapist: find another time");
		// The visitor is sent the file that takes the time out of his calendar.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
				.filter((m) -> TestMail.recipient(m).equals(request.value("email")))
				.map(SessionCalendarFiles::calendarPart)
				.anyMatch((ics) -> ics.contains("METHOD:CANCEL")));
		// It takes out the very entry his booking put there: the same event, a later
		// version of it.
		java.util.List<String> files = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> TestMail.recipient(m).equals(request.value("email")))
			.map(SessionCalendarFiles::calendarPart)
			.filter(java.util.Objects::nonNull)
			.toList();
		String invitation = files.stream().filter((ics) -> ics.contains("METHOD:REQUEST")).findFirst().orElseThrow();
		String cancel = files.stream().filter((ics) -> ics.contains("METHOD:CANCEL")).findFirst().orElseThrow();
		assertThat(field(cancel, "UID")).isEqualTo(field(invitation, "UID")).contains(id.toString());
		assertThat(Integer.parseInt(field(cancel, "SEQUENCE")))
			.isGreaterThan(Integer.parseInt(field(invitation, "SEQUENCE")));
		// The time is open again for the next person.
		assertThat(this.appointments.openConsultationTimes(10_000)).anySatisfy((s) -> {
			assertThat(s.therapist()).isEqualTo(therapist.id());
			assertThat(s.start()).isEqualTo(slot.start());
		});
	}

	/** A property's value in a calendar file, its folded lines joined. */
	private static String field(String ics, String name) {
		return java.util.Arrays.stream(ics.replace("\r\n ", "").split("\r?\n"))
			.filter((line) -> line.startsWith(name + ":"))
			.findFirst()
			.map((line) -> line.substring(name.length() + 1).strip())
			.orElseThrow(() -> new AssertionError("No " + name + " in " + ics));
	}

	@Test
	void aTherapistWhoTakesNoConsultationsCannotBeBookedForOne() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person therapist = therapistTakingConsultations(people);
		Slot slot = firstOpenTime(therapist);
		this.appointments.setRoom(therapist.id(), null, false);
		assertThat(this.appointments.openConsultationTimes(10_000))
			.noneMatch((s) -> s.therapist().equals(therapist.id()));
		RequestSamples late = RequestSamples.valid().with("slot", slot.code());
		assertThat(late.send(this.mvc)).hasStatusOk().bodyText().contains("That time was just taken.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM appointment WHERE therapist_id = :t")
			.param("t", therapist.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aConsultationScheduledByHandInTriageHoldsTheTimeUntilItIsClosed() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person therapist = therapistTakingConsultations(people);
		Slot slot = firstOpenTime(therapist);
		java.time.ZonedDateTime at = slot.start().atZone(this.accounts.zone(therapist.id()));
		ConsultationId first = RequestSamples.store(this.consultations, "Aaron", "", "+1 555 010 4444", "PHONE_CALL",
				"");

		assertThat(scheduleByHand(people, therapist, first, at)).hasRedirectedUrl("/consultations/" + first);

		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", first.value())
			.query(String.class)
			.single()).isEqualTo("SCHEDULED");
		assertThat(this.appointments.openConsultationTimes(10_000))
			.noneMatch((s) -> s.therapist().equals(therapist.id()) && s.start().equals(slot.start()));
		assertThat(this.appointments.scheduleOf(therapist.id(), slot.start(), slot.end())).singleElement()
			.satisfies((a) -> assertThat(a.consultation()).isEqualTo(first));
		// Another request can't be put on top of it by hand either.
		ConsultationId second = RequestSamples.store(this.consultations, "Ben", "", "+1 555 010 5555", "PHONE_CALL",
				"");
		MvcTestResult clash = scheduleByHand(people, therapist, second, at.plusMinutes(10));
		assertThat((String) clash.getMvcResult().getFlashMap().get("problem")).isEqualTo(therapist.displayName()
				+ " already has an appointment that overlaps this time. " + "Choose another time.");
		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", second.value())
			.query(String.class)
			.single()).isEqualTo("NEW");

		assertThat(this.mvc.post()
			.uri("/consultations/" + first + "/close")
			.with(people.signedIn(therapist))
			.with(csrf())
			.param("reason", "NO_RESPONSE")).hasRedirectedUrl("/consultations/" + first);
		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", first.value())
			.query(String.class)
			.single()).isEqualTo("CLOSED");

		assertThat(this.appointments.openConsultationTimes(10_000))
			.anyMatch((s) -> s.therapist().equals(therapist.id()) && s.start().equals(slot.start()));
		assertThat(scheduleByHand(people, therapist, second, at.plusMinutes(10)).getMvcResult()
			.getFlashMap()
			.get("problem")).isNull();
	}

	private MvcTestResult scheduleByHand(TestPeople people, Person therapist, ConsultationId id,
			java.time.ZonedDateTime at) {
		// Staff give the time in their own zone; the test people's zone is their
		// account's.
		return this.mvc.post()
			.uri("/consultations/" + id + "/schedule")
			.with(people.signedIn(therapist))
			.with(csrf())
			.param("date", at.toLocalDate().toString())
			.param("time", at.toLocalTime().toString())
			.param("therapist", therapist.id().toString())
			.exchange();
	}

	private Person therapistTakingConsultations(TestPeople people) {
		Person therapist = people.withRole(Role.THERAPIST);
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(therapist.id(), day, LocalTime.of(7, 0), LocalTime.of(8, 0));
		}
		this.appointments.setRoom(therapist.id(), null, true);
		return therapist;
	}

	private Slot firstOpenTime(Person therapist) {
		return this.appointments.openConsultationTimes(10_000)
			.stream()
			.filter((s) -> s.therapist().equals(therapist.id()))
			.findFirst()
			.orElseThrow();
	}

}
