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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client sees his own questionnaire scores over time, with their bands in plain words
 * and the reminder that one number is not a diagnosis; his therapist sees which moves are
 * reliable changes (6 points on the PHQ-9, 4 on the GAD-7), against totals worked out by
 * hand.
 */
@SteadfastTest
class MeasureTrendTests {

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
	void beforeAnyQuestionnaireHisPageSaysWhatWillGatherThere() {
		assertThat(this.mvc.get().uri("/care/measures").with(this.people.signedIn(this.p.client()))).hasStatusOk()
			.bodyText()
			.contains("Your questionnaires", "Nothing here yet.")
			.doesNotContain("Your scores over time");
	}

	@Test
	void heSeesHisScoresWithTheirBandsAndHisTherapistSeesWhichMovesAreReliable() throws Exception {
		// PHQ-9: 2+2+2+2+2+2+2+1+0 = 15 (moderately severe), then 1+1+1+1+1+1+1+1+0 = 8
		// (mild): down 7, a reliable improvement. GAD-7: 1 each = 7 (mild), then
		// 2,1,1,1,1,1,1
		// = 8: up 1, within measurement error.
		complete(Instrument.PHQ9, List.of(2, 2, 2, 2, 2, 2, 2, 1, 0), "2026-01-05T10:00:00Z");
		complete(Instrument.GAD7, List.of(1, 1, 1, 1, 1, 1, 1), "2026-01-05T10:05:00Z");
		complete(Instrument.PHQ9, List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), "2026-02-02T10:00:00Z");
		complete(Instrument.GAD7, List.of(2, 1, 1, 1, 1, 1, 1), "2026-02-02T10:05:00Z");

		String his = this.mvc.get()
			.uri("/care/measures")
			.with(this.people.signedIn(this.p.client()))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(his).contains("One number is not a diagnosis.", "Your scores over time", "15 of 27",
				"Moderately severe", "8 of 27", "7 of 21", "8 of 21", "PHQ-9: 15, 8 (oldest first)",
				"GAD-7: 7, 8 (oldest first)");
		// The reliable-change mark is for his therapist, not a verdict on his own page.
		assertThat(his).doesNotContain("Reliable improvement");

		String theirs = this.mvc.get()
			.uri("/care/clients/" + this.p.client().id().value())
			.with(this.people.signedIn(this.p.therapist()))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(theirs).contains("Reliable improvement (down 7)").doesNotContain("Reliable worsening");
	}

	@Test
	void aRiseOfFourOnTheGad7IsMarkedAsAReliableWorsening() {
		complete(Instrument.GAD7, List.of(0, 0, 1, 0, 0, 0, 0), "2026-01-05T10:00:00Z");
		complete(Instrument.GAD7, List.of(1, 1, 1, 1, 1, 0, 0), "2026-01-19T10:00:00Z");
		List<Measures.Result> results = this.measures.results(this.p.therapist().id(), this.p.client().id());
		assertThat(Measures.reliableChanges(results)).containsValue("Reliable worsening (up 4)").hasSize(1);
	}

	@Test
	void noOneButTheClientSeesHisScoresPage() {
		complete(Instrument.PHQ9, List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), "2026-01-05T10:00:00Z");
		// His partner's page holds only her own copies, if his therapist sent her any.
		assertThat(this.mvc.get().uri("/care/measures").with(this.people.signedIn(this.p.partner()))).hasStatusOk()
			.bodyText()
			.contains("Nothing here yet.")
			.doesNotContain("24 of 27");
		assertThat(this.mvc.get().uri("/care/measures").with(this.people.signedIn(this.p.therapist()))).hasStatus(403);
		// Another client sees only his own page: empty, nothing of this one.
		assertThat(this.mvc.get().uri("/care/measures").with(this.people.signedIn(this.p.otherClient()))).hasStatusOk()
			.bodyText()
			.contains("Nothing here yet.")
			.doesNotContain("24 of 27");
	}

	private void complete(Instrument instrument, List<Integer> answers, String at) {
		this.clock.set(Instant.parse(at));
		UUID id = this.measures.assign(this.p.therapist().id(), this.p.client().id(), instrument);
		this.measures.complete(this.p.client().id(), id, answers, null);
		this.clock.reset();
	}

}
