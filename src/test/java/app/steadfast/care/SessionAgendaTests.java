package app.steadfast.care;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditLog;
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.safety.CrisisPanel;
import app.steadfast.sharing.SharingManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * The one line he writes for his next session: kept sealed, shown to him to change or
 * clear, and read by his therapist alone in the brief on the schedule (without any grant,
 * since he wrote it for the therapist; each read audited). Too long or empty comes back
 * with its message beside the field and his words kept; risk language in it shows him the
 * crisis lines at once.
 */
@SteadfastTest
class SessionAgendaTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final String LINE = "How to talk about the weekend without it turning into a fight";

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
	AuditLog audit;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(this.p.therapist().id(), day, LocalTime.of(6, 0), LocalTime.of(22, 0));
		}
	}

	@Test
	void hisLineReachesHisTherapistsBriefAndNoOneElse() throws Exception {
		Person him = this.p.client();
		Appointment session = this.appointments.book(him.id(),
				this.appointments.openSessionTimes(him.id(), null).get(0).start());
		assertThat(write(him, "  " + LINE + "  ")).hasStatus3xxRedirection().hasRedirectedUrl("/care/sessions");
		// Sealed at rest.
		assertThat(this.jdbc.sql("SELECT body FROM care_agenda WHERE client_id = :c")
			.param("c", him.id().value())
			.query(String.class)
			.single()).doesNotContain("weekend");
		Document mine = page("/care/sessions", him);
		assertThat(mine.select("q").text()).isEqualTo(LINE);
		assertThat(mine.select("input[name=body]").val()).isEqualTo(LINE);
		assertThat(exported(him)).contains(LINE);

		// He grants nothing, yet his therapist reads the line he wrote for him.
		String week = LocalDate.ofInstant(session.start(), this.accounts.zone(this.p.therapist().id())).toString();
		Document schedule = page("/care/schedule?week=" + week, this.p.therapist());
		assertThat(schedule.select("details.brief").text()).contains("What he wants to bring:", LINE)
			.doesNotContain("What changed");
		assertThat(this.audit.about(him.id().value(), 20))
			.anySatisfy((row) -> assertThat(row.category()).isEqualTo(Agendas.AUDITED));
		assertThat(page("/care/schedule?week=" + week, this.p.otherTherapist()).text()).doesNotContain(LINE);
		assertThat(page("/care/sessions", this.p.otherClient()).text()).doesNotContain(LINE);
		// His partner's sessions page is her own (she may be in care herself): his line
		// is not on it, hers is refused while she has no therapist, and none of it is
		// kept.
		assertThat(page("/care/sessions", this.p.partner()).text()).doesNotContain(LINE);
		MvcTestResult hers = write(this.p.partner(), LINE);
		assertThat(hers).hasStatusOk();
		assertThat(Jsoup.parse(hers.getResponse().getContentAsString()).text())
			.contains("Once you work with one of the practice's therapists")
			.doesNotContain("Kept for your next session");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM care_agenda WHERE client_id = :c")
			.param("c", this.p.partner().id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(write(this.p.therapist(), LINE)).hasStatus(403);

		// Cleared, it is gone from his page and from the brief.
		assertThat(this.mvc.post().uri("/care/sessions/agenda/clear").with(this.people.signedIn(him)).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(page("/care/sessions", him).select("q")).isEmpty();
		assertThat(page("/care/schedule?week=" + week, this.p.therapist()).text()).doesNotContain(LINE);
	}

	@Test
	void aLineTooLongOrEmptyComesBackWithItsMessageAndHisWordsKept() throws Exception {
		String tooLong = "x".repeat(Agendas.LONGEST + 1);
		Document refused = document(write(this.p.client(), tooLong));
		assertThat(refused.select("#body-error").text()).contains("300 characters at most", "You wrote 301");
		assertThat(refused.select("input[name=body]").val()).isEqualTo(tooLong);
		assertThat(document(write(this.p.client(), "   ")).select("#body-error").text())
			.contains("Write what you want to bring");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM care_agenda WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void riskLanguageInItShowsTheCrisisLinesAtOnce() {
		MvcTestResult result = write(this.p.client(), "I want to kill myself before the session");
		assertThat(result).hasStatus3xxRedirection();
		assertThat(result.getMvcResult().getFlashMap().get(CrisisPanel.SHOWN)).isEqualTo(true);
		assertThat(write(this.p.client(), LINE).getMvcResult().getFlashMap().get(CrisisPanel.SHOWN)).isEqualTo(false);
	}

	/** What the person's data export holds in the file this test reads. */
	private String exported(Person person) throws Exception {
		return app.steadfast.TestExports.file(this.mvc, this.people.signedIn(person), "session_agenda.json");
	}

	private MvcTestResult write(Person person, String body) {
		return this.mvc.post()
			.uri("/care/sessions/agenda")
			.param("body", body)
			.with(this.people.signedIn(person))
			.with(csrf())
			.exchange();
	}

	private Document page(String uri, Person person) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).with(this.people.signedIn(person)).exchange();
		assertThat(result).hasStatusOk();
		return document(result);
	}

	private static Document document(MvcTestResult result) throws Exception {
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

}
