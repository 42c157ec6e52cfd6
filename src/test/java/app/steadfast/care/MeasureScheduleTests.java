package app.steadfast.care;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A therapist asks for a questionnaire every 2 or 4 weeks: each round is sent once
 * however often the job runs, none is sent while the last still waits, stopping ends it,
 * and only 2 or 4 weeks are offered.
 */
@SteadfastTest
class MeasureScheduleTests {

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
	Measures measures;

	@Autowired
	MeasureSchedules schedules;

	@Autowired
	TestClock clock;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
	}

	@AfterEach
	void clock() {
		this.clock.reset();
	}

	@Test
	void everyTwoWeeksEachRoundIsSentOnceAndNoneWhileTheLastStillWaits() {
		Instant start = Instant.now();
		assertThat(send("PHQ9", "2").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("PHQ-9 sent. It waits on their home page, and comes back every 2 weeks.");
		assertThat(waiting()).containsExactly(Instrument.PHQ9);
		assertThat(page()).contains("PHQ-9 repeats every 2 weeks", "Stop repeating the PHQ-9");

		// He answers the first; thirteen days on, nothing is due yet.
		answerWaiting();
		assertThat(runAt(start.plus(Duration.ofDays(13)))).isZero();
		assertThat(waiting()).isEmpty();
		// Fourteen days on, the second round comes, once, however often the job runs.
		assertThat(runAt(start.plus(Duration.ofDays(14).plusHours(1)))).isEqualTo(1);
		assertThat(runAt(start.plus(Duration.ofDays(14).plusHours(2)))).isZero();
		assertThat(waiting()).containsExactly(Instrument.PHQ9);
		// Unanswered at the third round: it is not sent again on top.
		assertThat(runAt(start.plus(Duration.ofDays(28).plusHours(1)))).isZero();
		assertThat(waiting()).containsExactly(Instrument.PHQ9);
		// Answered, the fourth comes.
		answerWaiting();
		assertThat(runAt(start.plus(Duration.ofDays(42).plusHours(1)))).isEqualTo(1);
		assertThat(waiting()).containsExactly(Instrument.PHQ9);
	}

	@Test
	void stoppedItComesNoMore() {
		Instant start = Instant.now();
		send("GAD7", "4");
		answerWaiting();
		MvcTestResult stopped = this.mvc.post()
			.uri("/care/clients/" + this.p.client().id().value() + "/measures/stop")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("instrument", "GAD7")
			.exchange();
		assertThat(stopped.getMvcResult().getFlashMap().get("notice")).isEqualTo("GAD-7 no longer repeats.");
		assertThat(runAt(start.plus(Duration.ofDays(29)))).isZero();
		assertThat(waiting()).isEmpty();
		assertThat(page()).doesNotContain("GAD-7 repeats");
	}

	@Test
	void onlyTwoOrFourWeeksOrJustOnceAreOffered() {
		for (String every : List.of("3", "fortnightly")) {
			assertThat(send("PHQ9", every).getMvcResult().getFlashMap().get("notice"))
				.isEqualTo("Choose every 2 or every 4 weeks, or just this once.");
		}
		assertThat(waiting()).isEmpty();
		assertThat(send("PHQ9", "").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("PHQ-9 sent. It waits on their home page.");
		assertThat(page()).doesNotContain("repeats every");
	}

	@Test
	void anotherTherapistCannotSetOrStopHisQuestionnaires() {
		Person other = this.p.otherTherapist();
		String client = "/care/clients/" + this.p.client().id().value();
		assertThat(this.mvc.post()
			.uri(client + "/measures")
			.with(this.people.signedIn(other))
			.with(csrf())
			.param("instrument", "PHQ9")
			.param("every", "2")).hasStatus(404);
		assertThat(this.mvc.post()
			.uri(client + "/measures/stop")
			.with(this.people.signedIn(other))
			.with(csrf())
			.param("instrument", "PHQ9")).hasStatus(404);
		assertThat(this.mvc.post()
			.uri(client + "/measures/stop")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())
			.param("instrument", "PHQ9")).hasStatus(403);
		assertThat(waiting()).isEmpty();
	}

	private MvcTestResult send(String instrument, String every) {
		return this.mvc.post()
			.uri("/care/clients/" + this.p.client().id().value() + "/measures")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("instrument", instrument)
			.param("every", every)
			.exchange();
	}

	private String page() {
		return new String(this.mvc.get()
			.uri("/care/clients/" + this.p.client().id().value())
			.with(this.people.signedIn(this.p.therapist()))
			.exchange()
			.getResponse()
			.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
	}

	private int runAt(Instant moment) {
		this.clock.set(moment);
		try {
			return this.schedules.sendDue();
		}
		finally {
			this.clock.reset();
		}
	}

	private List<Instrument> waiting() {
		return this.measures.pending(this.p.client().id()).stream().map(Measures.Pending::instrument).toList();
	}

	private void answerWaiting() {
		for (Measures.Pending pending : this.measures.pending(this.p.client().id())) {
			List<Integer> answers = pending.instrument().items().stream().map((item) -> 1).toList();
			this.measures.complete(this.p.client().id(), pending.id(), answers, null);
		}
	}

}
