package app.steadfast.care;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.sharing.SharingManagement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The four-item Couples Satisfaction Index (CSI-4): his therapist asks for it like the
 * PHQ-9; each item offers its own answers (the first seven, the others six), there is no
 * closing "how difficult" question, the total runs 0 to 21 with higher the better, and
 * its moves are never marked as reliable changes. Totals are worked out by hand.
 */
@SteadfastTest
class CoupleSatisfactionMeasureTests {

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
	void hisTherapistAsksForItAndHeAnswersEachItemFromItsOwnChoices() throws Exception {
		assertThat(this.mvc.post()
			.uri("/care/clients/" + this.p.client().id().value() + "/measures")
			.param("instrument", "CSI4")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())).hasStatus3xxRedirection();
		UUID id = this.jdbc.sql("SELECT id FROM care_measure WHERE client_id = :c AND instrument = 'CSI4'")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();

		Document page = page(this.mvc.get()
			.uri("/care/measures/" + id)
			.with(this.people.signedIn(this.p.client()))
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(page.select("input[name=q0]")).hasSize(7);
		assertThat(page.select("input[name=q1]")).hasSize(6);
		assertThat(page.select("input[name=q3]")).hasSize(6);
		assertThat(page.select("input[name=q4]")).isEmpty();
		assertThat(page.select("input[name=difficulty]")).isEmpty();
		assertThat(page.text()).contains("Perfect", "Completely true", "your partner doesn't");

		// An answer beyond the item's choices is a message beside it; the others stay
		// chosen.
		Document refused = page(this.mvc.post()
			.uri("/care/measures/" + id)
			.param("q0", "6")
			.param("q1", "6")
			.param("q2", "2")
			.param("q3", "3")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(refused.select("#q1-error").text()).contains("Choose an answer for question 2.");
		assertThat(refused.select("input[name=q0][checked]").val()).isEqualTo("6");
		assertThat(refused.select("input[name=q3][checked]").val()).isEqualTo("3");
		assertThat(this.jdbc.sql("SELECT completed_at FROM care_measure WHERE id = :id")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();

		// 2 + 3 + 2 + 3 = 10: under the authors' 13.5 line.
		assertThat(this.mvc.post()
			.uri("/care/measures/" + id)
			.param("q0", "2")
			.param("q1", "3")
			.param("q2", "2")
			.param("q3", "3")
			.param("difficulty", "2")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(this.jdbc.sql("SELECT total FROM care_measure WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(10);
		Document scores = page(this.mvc.get()
			.uri("/care/measures")
			.with(this.people.signedIn(this.p.client()))
			.exchange()
			.getResponse()
			.getContentAsByteArray());
		assertThat(scores.text()).contains("10 of 21", "Under strain", "CSI-4: 10 (oldest first)", "higher is better");
		// No closing answer was kept for a questionnaire that has no closing question.
		Measures.Result result = this.measures.mine(this.p.client().id()).get(0);
		assertThat(result.instrument()).isEqualTo(Instrument.CSI4);
		assertThat(result.severity()).isEqualTo("Under strain");
		assertThat(result.difficulty()).isNull();
	}

	@Test
	void itsBandsAndMaximumFollowThePublishedScale() {
		assertThat(Instrument.CSI4.maximum()).isEqualTo(21);
		assertThat(Instrument.CSI4.severity(13)).isEqualTo("Under strain");
		assertThat(Instrument.CSI4.severity(14)).isEqualTo("Satisfied on the whole");
		assertThat(Instrument.CSI4.severity(21)).isEqualTo("Satisfied on the whole");
		assertThat(Instrument.CSI4.score(List.of(6, 5, 5, 5))).isEqualTo(21);
		assertThat(Instrument.PHQ9.maximum()).isEqualTo(27);
		assertThat(Instrument.GAD7.maximum()).isEqualTo(21);
	}

	@Test
	void aBigMoveOnTheCsi4IsNotMarkedAsAReliableChange() {
		complete(List.of(0, 1, 1, 1), "2026-01-05T10:00:00Z");
		complete(List.of(6, 5, 5, 4), "2026-02-02T10:00:00Z");
		List<Measures.Result> results = this.measures.results(this.p.therapist().id(), this.p.client().id());
		assertThat(results).extracting(Measures.Result::total).containsExactlyInAnyOrder(3, 20);
		assertThat(Measures.reliableChanges(results)).isEmpty();
	}

	private void complete(List<Integer> answers, String at) {
		this.clock.set(Instant.parse(at));
		UUID id = this.measures.assign(this.p.therapist().id(), this.p.client().id(), Instrument.CSI4);
		this.measures.complete(this.p.client().id(), id, answers, null);
		this.clock.reset();
	}

	private static Document page(byte[] body) {
		return Jsoup.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
	}

}
