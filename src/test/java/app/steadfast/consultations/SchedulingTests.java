package app.steadfast.consultations;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Scheduling a consultation emails a calendar invitation to him and to the therapist, in
 * the practice's time zone (here one that is not UTC, so a zone mistake shows); staff
 * give and read the time in their own zone.
 */
@SteadfastTest
@TestPropertySource(properties = "steadfast.practice.zone=America/Chicago")
class SchedulingTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person therapist;

	@BeforeEach
	void therapist() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.therapist = this.people.withRole(Role.THERAPIST);
	}

	@Test
	void schedulingEmailsHimAndTheTherapistAnInvitationInThePracticeTimeZone() throws Exception {
		String email = "guest-" + UUID.randomUUID() + "@example.org";
		String secret = "SENTINEL-" + UUID.randomUUID();
		ConsultationId id = RequestSamples.store(this.consultations, "Jonah", email, "", "EMAIL", secret);
		smtp.reset();
		LocalDate day = LocalDate.now(CHICAGO).plusDays(10);

		assertThat(schedule(id, day, "18:30")).hasRedirectedUrl("/consultations/" + id);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(2);
		MimeMessage toHim = to(received, email);
		MimeMessage toTherapist = to(received, this.therapist.email());
		assertThat(toHim.getSubject()).startsWith("Your free consultation: ").contains("18:30");
		ZonedDateTime local = day.atTime(18, 30).atZone(CHICAGO);
		// "Central Standard Time" or "Central Daylight Time", whichever holds on that
		// day.
		assertThat(ConsultationRequestTests.text(toHim)).contains("Hello Jonah",
				DateTimeFormatter.ofPattern("zzzz", Locale.ENGLISH).format(local), this.therapist.displayName());
		assertThat(toTherapist.getSubject()).startsWith("Free consultation scheduled: ");
		assertThat(ConsultationRequestTests.text(toTherapist)).contains("/consultations/" + id).doesNotContain(secret);

		for (MimeMessage message : received) {
			VEvent event = eventIn(message, 0);
			DtStart<Temporal> start = event.getStartDate().orElseThrow();
			assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("America/Chicago");
			assertThat(LocalDateTime.from(start.getDate())).isEqualTo(day.atTime(18, 30));
			assertThat(ZonedDateTime.from(start.getDate()).toInstant())
				.isEqualTo(day.atTime(18, 30).atZone(CHICAGO).toInstant());
			assertThat(event.getProperty("UID").orElseThrow().getValue())
				.isEqualTo("consultation-" + id + "@steadfast");
			assertThat(event.getProperty("ATTENDEE").map(Object::toString).orElseThrow()).isNotBlank();
			assertThat(event.getProperties("ATTENDEE").toString()).contains("mailto:" + email,
					"mailto:" + this.therapist.email());
		}
		assertThat(this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single()).isEqualTo("SCHEDULED");
		assertThat(this.mvc.get().uri("/consultations/" + id).with(this.people.signedIn(this.therapist))).bodyText()
			.contains("18:30 " + DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(local),
					"Move the consultation", "value=\"" + day + "\"", "value=\"18:30\"");
	}

	@Test
	void aTherapistFarFromThePracticeGivesAndReadsTheTimeInHisOwnZone() throws Exception {
		ZoneId sydney = ZoneId.of("Australia/Sydney");
		this.accounts.changeZone(this.therapist.id(), sydney);
		String email = "far-" + UUID.randomUUID() + "@example.org";
		ConsultationId id = RequestSamples.store(this.consultations, "Noah", email, "", "EMAIL", "");
		smtp.reset();
		LocalDate day = LocalDate.now(sydney).plusDays(10);
		ZonedDateTime his = day.atTime(9, 0).atZone(sydney);
		ZonedDateTime practice = his.withZoneSameInstant(CHICAGO);

		assertThat(schedule(id, day, "09:00")).hasRedirectedUrl("/consultations/" + id);

		assertThat(this.jdbc.sql("SELECT scheduled_at FROM consultation WHERE id = :id")
			.param("id", id.value())
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(his.toInstant());
		// He, a visitor with no account yet, reads it in the practice's zone; the
		// therapist in his own.
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(to(received, email).getSubject())
			.contains(DateTimeFormatter.ofPattern("HH:mm (zzzz)", Locale.ENGLISH).format(practice));
		assertThat(to(received, this.therapist.email()).getSubject())
			.contains(DateTimeFormatter.ofPattern("HH:mm (zzzz)", Locale.ENGLISH).format(his));
		assertThat(this.mvc.get().uri("/consultations/" + id).with(this.people.signedIn(this.therapist))).bodyText()
			.contains("09:00 " + DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(his),
					"in your time zone, <span>Australia/Sydney</span>", "value=\"" + day + "\"", "value=\"09:00\"");
	}

	@Test
	void movingTheTimeSendsTheSameInvitationWithAHigherSequence() throws Exception {
		String email = "moved-" + UUID.randomUUID() + "@example.org";
		ConsultationId id = RequestSamples.store(this.consultations, "Eli", email, "", "EMAIL", "");
		LocalDate day = LocalDate.now(CHICAGO).plusDays(20);
		schedule(id, day, "09:00");
		smtp.reset();

		schedule(id, day.plusDays(1), "10:15");

		MimeMessage toHim = to(smtp.getReceivedMessages(), email);
		assertThat(toHim.getSubject()).startsWith("New time for your free consultation: ");
		VEvent event = eventIn(toHim, 1);
		assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
		assertThat(LocalDateTime.from(event.getStartDate().orElseThrow().getDate()))
			.isEqualTo(day.plusDays(1).atTime(10, 15));
	}

	@Test
	void withoutHisEmailOnlyTheTherapistGetsTheInvitation() throws Exception {
		ConsultationId id = RequestSamples.store(this.consultations, "Ravi", "", "+1 555 010 7777", "PHONE_CALL", "");
		smtp.reset();
		assertThat(schedule(id, LocalDate.now(CHICAGO).plusDays(5), "12:00")).hasRedirectedUrl("/consultations/" + id);
		assertThat(smtp.getReceivedMessages()).singleElement()
			.satisfies((m) -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo(this.therapist.email()));
	}

	private MvcTestResult schedule(ConsultationId id, LocalDate day, String time) {
		return this.mvc.post()
			.uri("/consultations/" + id + "/schedule")
			.with(this.people.signedIn(this.therapist))
			.with(csrf())
			.param("date", day.toString())
			.param("time", time)
			.param("therapist", this.therapist.id().toString())
			.exchange();
	}

	private static VEvent eventIn(MimeMessage message, int sequence) throws Exception {
		Multipart parts = (Multipart) message.getContent();
		BodyPart ics = parts.getBodyPart(1);
		assertThat(ics.getFileName()).isEqualTo("consultation.ics");
		assertThat(ics.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
		String text = new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		Calendar calendar = new CalendarBuilder().build(new StringReader(text));
		assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
		VTimeZone zone = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
		assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("America/Chicago");
		assertThat(zone.getProperty("TZURL")).isEmpty();
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo(String.valueOf(sequence));
		return event;
	}

	private static MimeMessage to(MimeMessage[] messages, String address) {
		return Arrays.stream(messages).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow(() -> new AssertionError("no email to " + address));
	}

}
