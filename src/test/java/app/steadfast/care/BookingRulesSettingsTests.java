package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.consultations.Slot;
import app.steadfast.shared.PracticeSettings;
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
 * The admin sets the booking rules (session length, buffer, notice, how far ahead) in the
 * practice settings; booking follows them at once; a wrong field is answered beside it
 * with what was typed kept and nothing saved; an empty one goes back to the configured
 * rule ({@code steadfast.booking.*}); nobody but an admin changes them.
 */
@SteadfastTest
class BookingRulesSettingsTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PracticeSettings settings;

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

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(this.p.therapist().id(), day, LocalTime.of(8, 0), LocalTime.of(20, 0));
		}
	}

	@AfterEach
	void configuredAgain() {
		for (String setting : List.of("booking-session-minutes", "booking-buffer-minutes", "booking-notice-hours",
				"booking-horizon-days")) {
			this.settings.put(setting, "");
		}
	}

	@Test
	void bookingFollowsTheRulesTheAdminSets() {
		assertThat(this.mvc.get().uri("/admin/settings").with(this.people.signedIn(this.p.admin()))).hasStatusOk()
			.bodyText()
			.contains("Booking rules", "for=\"sessionLength\"", "Empty: 50, as configured.",
					"Empty: 24, as configured.");
		assertThat(this.appointments.rules().sessionLength()).isEqualTo(Duration.ofMinutes(50));

		assertThat(save(this.p.admin(), "30", "0", "48", "5")).hasRedirectedUrl("/admin/settings");

		assertThat(this.appointments.rules().sessionLength()).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.appointments.rules().noticeText()).isEqualTo("2 days");
		List<Slot> open = this.appointments.openSessionTimes(this.p.client().id(), null);
		Instant now = Instant.now();
		assertThat(open).isNotEmpty()
			.allSatisfy((s) -> assertThat(s.start()).isAfter(now.plus(Duration.ofHours(48))))
			.allSatisfy((s) -> assertThat(s.start()).isBefore(now.plus(Duration.ofDays(7))));
		// No buffer: half-hour sessions follow one another.
		List<Instant> starts = open.stream().map(Slot::start).toList();
		assertThat(starts).anyMatch((s) -> starts.contains(s.plus(Duration.ofMinutes(30))));
		Appointment booked = this.appointments.book(this.p.client().id(), open.get(0).start());
		assertThat(Duration.between(booked.start(), booked.end())).isEqualTo(Duration.ofMinutes(30));

		assertThat(save(this.p.admin(), "", "", "", "")).hasRedirectedUrl("/admin/settings");
		assertThat(this.appointments.rules().sessionLength()).isEqualTo(Duration.ofMinutes(50));
		assertThat(this.appointments.rules().noticeText()).isEqualTo("24 hours");
	}

	@Test
	void aWrongRuleIsAnsweredBesideItsFieldAndNothingIsSaved() {
		MvcTestResult wrong = save(this.p.admin(), "half an hour", "500", "12", "0");
		assertThat(wrong).hasStatusOk()
			.bodyText()
			.contains("id=\"sessionLength-error\">Give the length of a session in minutes, from 15 to 180",
					"id=\"buffer-error\">Give the minutes kept free between appointments, from 0 to 120",
					"id=\"horizon-error\">Give how many days ahead people can book, from 1 to 180",
					"value=\"half an hour\"", "value=\"500\"", "value=\"12\"",
					"aria-describedby=\"sessionLength-hint sessionLength-error\"")
			.doesNotContain("id=\"notice-error\"");
		assertThat(this.settings.get("booking-notice-hours")).isEmpty();
		assertThat(this.appointments.rules().noticeText()).isEqualTo("24 hours");
	}

	@Test
	void onlyAnAdminChangesThem() {
		for (Person other : List.of(this.p.therapist(), this.p.client(), this.p.partner())) {
			assertThat(save(other, "20", "0", "1", "3")).as(other.role().name()).hasStatus(403);
		}
		assertThat(this.appointments.rules().sessionLength()).isEqualTo(Duration.ofMinutes(50));
	}

	private MvcTestResult save(Person person, String sessionLength, String buffer, String notice, String horizon) {
		return this.mvc.post()
			.uri("/admin/settings")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("locale", "en-US")
			.param("name", "")
			.param("mailFrom", "")
			.param("quickExit", "")
			.param("crisisLines", "")
			.param("sessionLength", sessionLength)
			.param("buffer", buffer)
			.param("notice", notice)
			.param("horizon", horizon)
			.exchange();
	}

}
