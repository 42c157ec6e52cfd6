package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.consultations.Slot;
import app.steadfast.sharing.SharingManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * A client books, moves and cancels sessions with his own therapist within the practice's
 * rules (24 hours' notice); the therapist sees his week; the video link shows only to the
 * two of them and only near the time; nobody else reaches any of it.
 */
@SteadfastTest
class SessionBookingTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	static final String ROOM = "https://meet.example.com/room-7";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AppointmentManagement appointments;

	@Autowired
	TestClock clock;

	@Autowired
	List<app.steadfast.shared.PersonalData> personalData;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
		this.accounts.changeZone(this.p.therapist().id(), ZoneId.of("Europe/Berlin"));
		this.accounts.changeZone(this.p.client().id(), ZoneId.of("America/New_York"));
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(this.p.therapist().id(), day, LocalTime.of(9, 0), LocalTime.of(17, 0));
		}
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void heBooksMovesAndCancelsHisSessionAndBothGetTheCalendarEntry() throws Exception {
		List<Slot> open = this.appointments.openSessionTimes(this.p.client().id(), null);
		assertThat(open).isNotEmpty()
			.allSatisfy((s) -> assertThat(s.start()).isAfter(Instant.now().plus(Duration.ofHours(24))));
		assertThat(this.mvc.get().uri("/care/sessions").with(as(this.p.client()))).hasStatusOk()
			.bodyText()
			.contains("Book a session with", "Times are in your time zone, Eastern Time");

		Slot first = open.get(0);
		MvcTestResult booked = book(this.p.client(), first.start());
		assertThat(booked).hasStatus3xxRedirection();
		assertThat((String) booked.getMvcResult().getFlashMap().get("notice")).startsWith("Booked: ");
		Appointment session = single(this.p.client());
		assertThat(session.start()).isEqualTo(first.start());
		assertThat(session.end()).isEqualTo(first.start().plus(Duration.ofMinutes(50)));
		assertThat(this.appointments.openSessionTimes(this.p.client().id(), null)).extracting(Slot::start)
			.doesNotContain(first.start());

		String ics = SessionCalendarFiles.invitationTo(smtp, this.p.client().email());
		assertThat(ics).contains("METHOD:REQUEST", "SEQUENCE:0", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin");
		assertThat(SessionCalendarFiles.invitationTo(smtp, this.p.therapist().email())).contains("METHOD:REQUEST");

		// He moves it to the last open time; the calendar entry moves with a higher
		// sequence.
		List<Slot> now = this.appointments.openSessionTimes(this.p.client().id(), session.id());
		Slot later = now.get(now.size() - 1);
		MvcTestResult moved = this.mvc.post()
			.uri("/care/sessions/" + session.id() + "/move")
			.with(as(this.p.client()))
			.with(csrf())
			.param("start", later.start().toString())
			.exchange();
		assertThat(moved).hasStatus3xxRedirection();
		assertThat(single(this.p.client()).start()).isEqualTo(later.start());
		assertThat(this.appointments.openSessionTimes(this.p.client().id(), null)).extracting(Slot::start)
			.contains(first.start())
			.doesNotContain(later.start());

		MvcTestResult cancelled = this.mvc.post()
			.uri("/care/sessions/" + session.id() + "/cancel")
			.with(as(this.p.client()))
			.with(csrf())
			.exchange();
		assertThat((String) cancelled.getMvcResult().getFlashMap().get("notice")).startsWith("Cancelled.");
		assertThat(this.appointments.upcomingFor(this.p.client().id())).isEmpty();
		assertThat(this.appointments.openSessionTimes(this.p.client().id(), null)).extracting(Slot::start)
			.contains(later.start());
		assertThat(TestMail.awaitSubject(smtp, this.p.client().email(), "Cancelled: ")).isNotNull();
	}

	@Test
	void withinTheNoticeHeCanNeitherMoveNorCancelOnline() {
		Slot slot = this.appointments.openSessionTimes(this.p.client().id(), null).get(0);
		book(this.p.client(), slot.start());
		Appointment session = single(this.p.client());
		this.clock.set(slot.start().minus(Duration.ofHours(23)));

		MvcTestResult cancel = this.mvc.post()
			.uri("/care/sessions/" + session.id() + "/cancel")
			.with(as(this.p.client()))
			.with(csrf())
			.exchange();
		assertThat((String) cancel.getMvcResult().getFlashMap().get("problem"))
			.isEqualTo("It starts in less than 24 hours, so it can’t be changed here any more. "
					+ "Write to your therapist instead.");
		assertThat(this.appointments.upcomingFor(this.p.client().id())).hasSize(1);
		assertThat(this.mvc.post()
			.uri("/care/sessions/" + session.id() + "/move")
			.with(as(this.p.client()))
			.with(csrf())
			.param("start", slot.start().plus(Duration.ofDays(3)).toString())).hasStatusOk()
			.bodyText()
			.contains("so it can’t be changed here any more");
		assertThat(single(this.p.client()).start()).isEqualTo(slot.start());
		assertThat(this.mvc.get().uri("/care/sessions").with(as(this.p.client()))).bodyText()
			.contains("Less than 24 hours to go, so it can’t be changed here")
			.doesNotContain("Cancel this session");
	}

	@Test
	void aTimeJustTakenIsRefusedWithAClearAnswerAndAnInventedTimeIsNeverBooked() {
		Slot slot = this.appointments.openSessionTimes(this.p.client().id(), null).get(0);
		assertThat(book(this.p.client(), slot.start())).hasStatus3xxRedirection();
		assertThat(book(this.p.otherClient(), slot.start())).hasStatusOk()
			.bodyText()
			.contains("That time was just taken. Please choose another.");
		// 09:05 is not a time he offers, and "soon" is no time at all.
		assertThat(book(this.p.otherClient(), slot.start().plus(Duration.ofMinutes(5)))).hasStatusOk()
			.bodyText()
			.contains("That time was just taken. Please choose another.");
		assertThat(book(this.p.otherClient(), "soon")).hasStatusOk()
			.bodyText()
			.contains("Choose one of the open times.");
		assertThat(this.appointments.upcomingFor(this.p.otherClient().id())).isEmpty();
		assertThat(this.appointments.upcomingFor(this.p.client().id())).hasSize(1);
	}

	@Test
	void nobodyElseMovesCancelsOrSeesHisSession() {
		Slot slot = this.appointments.openSessionTimes(this.p.client().id(), null).get(0);
		book(this.p.client(), slot.start());
		UUID id = single(this.p.client()).id();
		String session = "/care/sessions/" + id;
		// Another client of the same therapist: as if it did not exist.
		assertThat(this.mvc.post().uri(session + "/cancel").with(as(this.p.otherClient())).with(csrf())).hasStatus(404);
		assertThat(this.mvc.get().uri(session + "/move").with(as(this.p.otherClient()))).hasStatus(404);
		assertThat(this.mvc.post()
			.uri(session + "/move")
			.with(as(this.p.otherClient()))
			.with(csrf())
			.param("start", slot.start().toString())).hasStatus(404);
		assertThat(this.mvc.get().uri("/care/sessions").with(as(this.p.otherClient()))).bodyText()
			.doesNotContain("Move this session");
		// His partner's sessions page is her own: his session is not on it. Another
		// therapist cannot cancel it.
		assertThat(this.mvc.get().uri("/care/sessions").with(as(this.p.partner()))).hasStatusOk()
			.bodyText()
			.doesNotContain("Move this session")
			.doesNotContain(id.toString());
		assertThat(
				this.mvc.post().uri("/care/schedule/" + id + "/cancel").with(as(this.p.otherTherapist())).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/care/schedule").with(as(this.p.otherTherapist()))).bodyText()
			.doesNotContain("Test client");
		// A client without a therapist books nothing.
		Person alone = this.people.client();
		assertThat(book(alone, slot.start().plus(Duration.ofHours(1)))).hasStatus(404);
		assertThat(this.appointments.upcomingFor(this.p.client().id())).hasSize(1);
	}

	@Test
	void theTherapistSeesHisWeekAndCancelsAndTheLinkShowsOnlyToTheTwoNearTheTime() {
		assertThat(this.mvc.post()
			.uri("/care/hours/room")
			.with(as(this.p.therapist()))
			.with(csrf())
			.param("videoUrl", "http://meet.example.com/room")).hasStatusOk()
			.bodyText()
			.contains("Give the full https:// address of your meeting room");
		assertThat(this.mvc.post()
			.uri("/care/hours/room")
			.with(as(this.p.therapist()))
			.with(csrf())
			.param("videoUrl", ROOM)).hasStatus3xxRedirection();

		Slot slot = this.appointments.openSessionTimes(this.p.client().id(), null).get(0);
		book(this.p.client(), slot.start());
		Appointment session = single(this.p.client());
		String week = LocalDate.ofInstant(slot.start(), ZoneId.of("Europe/Berlin")).toString();
		assertThat(this.mvc.get().uri("/care/schedule?week=" + week).with(as(this.p.therapist()))).hasStatusOk()
			.bodyText()
			.contains("Test client", "Session", "The video link appears here 15 minutes before")
			.doesNotContain(ROOM);
		assertThat(this.mvc.get().uri("/care/sessions").with(as(this.p.client()))).bodyText()
			.contains("The video link appears here 15 minutes before")
			.doesNotContain(ROOM);

		this.clock.set(slot.start().minus(Duration.ofMinutes(10)));
		assertThat(this.appointments.videoLink(this.p.client().id(), session)).contains(ROOM);
		assertThat(this.appointments.videoLink(this.p.therapist().id(), session)).contains(ROOM);
		assertThat(this.appointments.videoLink(this.p.otherClient().id(), session)).isEmpty();
		assertThat(this.appointments.videoLink(this.p.otherTherapist().id(), session)).isEmpty();
		assertThat(this.appointments.videoLink(this.p.partner().id(), session)).isEmpty();
		assertThat(this.mvc.get().uri("/care/sessions").with(as(this.p.client()))).bodyText().contains(ROOM);
		assertThat(this.mvc.get().uri("/care/schedule?week=" + week).with(as(this.p.therapist()))).bodyText()
			.contains(ROOM);
		this.clock.set(slot.start().minus(Duration.ofMinutes(16)));
		assertThat(this.appointments.videoLink(this.p.client().id(), session)).isEmpty();
		this.clock.set(session.end());
		assertThat(this.appointments.videoLink(this.p.client().id(), session)).isEmpty();
		this.clock.reset();

		assertThat(this.mvc.post()
			.uri("/care/schedule/" + session.id() + "/cancel")
			.with(as(this.p.therapist()))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.appointments.upcomingFor(this.p.client().id())).isEmpty();
	}

	@Test
	void hoursAndDaysOffAreCheckedAndADayOffOffersNothing() {
		Person therapist = this.p.otherTherapist();
		assertThat(this.mvc.post()
			.uri("/care/hours")
			.with(as(therapist))
			.with(csrf())
			.param("day", "MONDAY")
			.param("from", "17:00")
			.param("to", "09:00")).hasStatusOk().bodyText().contains("Finish after you start, on the same day.");
		assertThat(this.mvc.post()
			.uri("/care/hours")
			.with(as(therapist))
			.with(csrf())
			.param("day", "MONDAY")
			.param("from", "nine")
			.param("to", "10:00")).hasStatusOk().bodyText().contains("Give a time like 21:00.");
		assertThat(this.mvc.post()
			.uri("/care/hours")
			.with(as(therapist))
			.with(csrf())
			.param("day", "MONDAY")
			.param("from", "09:00")
			.param("to", "12:00")).hasStatus3xxRedirection();
		assertThat(this.mvc.post()
			.uri("/care/hours")
			.with(as(therapist))
			.with(csrf())
			.param("day", "MONDAY")
			.param("from", "11:00")
			.param("to", "13:00")).hasStatusOk().bodyText().contains("These hours overlap hours you already keep");
		assertThat(this.mvc.get().uri("/care/hours").with(as(therapist))).hasStatusOk()
			.bodyText()
			.contains("Monday, 09:00–12:00");

		// Days off of his own therapist: none of those days is offered.
		LocalDate first = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3);
		assertThat(this.mvc.post()
			.uri("/care/hours/off")
			.with(as(this.p.therapist()))
			.with(csrf())
			.param("first", first.toString())
			.param("last", first.plusDays(1).toString())).hasStatus3xxRedirection();
		assertThat(this.appointments.openSessionTimes(this.p.client().id(), null)).isNotEmpty()
			.allSatisfy((s) -> assertThat(LocalDate.ofInstant(s.start(), ZoneId.of("Europe/Berlin"))).isNotIn(first,
					first.plusDays(1)));
		assertThat(this.mvc.post()
			.uri("/care/hours/off")
			.with(as(this.p.therapist()))
			.with(csrf())
			.param("first", first.toString())
			.param("last", first.minusDays(1).toString())).hasStatusOk()
			.bodyText()
			.contains("The last day off can’t come before the first.");
		UUID off = this.appointments.availabilityOf(this.p.therapist().id()).timeOff().get(0).id();
		assertThat(this.mvc.post().uri("/care/hours/off/" + off + "/remove").with(as(therapist)).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.post().uri("/care/hours/off/" + off + "/remove").with(as(this.p.therapist())).with(csrf()))
			.hasStatus3xxRedirection();
	}

	@Test
	void hisSessionsAreInHisDataExportAndGoWithHisAccount() {
		Slot slot = this.appointments.openSessionTimes(this.p.client().id(), null).get(0);
		book(this.p.client(), slot.start());
		List<?> exported = this.personalData.stream()
			.map((module) -> module.of(this.p.client().id().value()).get("appointments"))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow();
		assertThat(exported).singleElement().asString().contains("SESSION", "BOOKED", slot.start().toString());
		this.accounts.deleteOwnAccount(this.p.client().id(), TestPeople.PASSWORD);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM appointment WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.appointments.openSessionTimes(this.p.otherClient().id(), null)).extracting(Slot::start)
			.contains(slot.start());
	}

	private MvcTestResult book(Person client, Object start) {
		return this.mvc.post()
			.uri("/care/sessions")
			.with(as(client))
			.with(csrf())
			.param("start", start.toString())
			.exchange();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(Person person) {
		return this.people.signedInAt(person, this.clock.instant());
	}

	private Appointment single(Person client) {
		List<Appointment> upcoming = this.appointments.upcomingFor(client.id());
		assertThat(upcoming).hasSize(1);
		return upcoming.get(0);
	}

}
