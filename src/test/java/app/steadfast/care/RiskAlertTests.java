package app.steadfast.care;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.safety.RiskConfidence;
import app.steadfast.safety.RiskKind;
import app.steadfast.safety.RiskLanguageDetected;
import app.steadfast.safety.RiskSource;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Risk language in what a client writes alerts his therapist only when he granted risk
 * alerts; the alert waits on top until acknowledged, and the email says nothing clinical.
 * PHQ-9 item 9 alerts whatever the total.
 */
@SteadfastTest
class RiskAlertTests {

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
	ConsultationManagement consultations;

	@Autowired
	SharingManagement sharing;

	@Autowired
	JournalManagement journal;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
	}

	@Test
	void aGrantedAlertReachesThePortalAndAnEmailWithoutHisWordsAndWaitsOnTopUntilAcknowledged() throws Exception {
		// Without the grant: crisis resources for him, nothing for the therapist.
		this.journal.write(this.p.otherClient().id(), null, "Some nights I want to kill myself.");
		grantAlerts();
		UUID first = this.journal.write(this.p.client().id(), null, "I want to kill myself.").id();
		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.p.therapist()) == 1);
		UUID second = this.journal.write(this.p.client().id(), null, "I'm going to end my life").id();
		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.p.therapist()) == 2);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> alertsAbout(this.p.otherClient()) == 0);

		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= 2);
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			String text = String.valueOf(mail.getContent());
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(this.p.therapist().email());
			assertThat(text).contains("/care/alerts", "no details on purpose")
				.doesNotContain("kill", "life", this.p.client().email());
		}

		UUID older = alertFor(first);
		UUID newer = alertFor(second);
		String page = this.mvc.get()
			.uri("/care/alerts")
			.with(this.people.signedIn(this.p.therapist()))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("a journal entry, about suicide").doesNotContain("kill myself");
		assertThat(this.mvc.post()
			.uri("/care/alerts/{id}/acknowledge", newer)
			.with(this.people.signedIn(this.p.otherTherapist()))
			.with(csrf())).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/care/alerts/{id}/acknowledge", newer)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())).hasRedirectedUrl("/care/alerts");
		page = this.mvc.get()
			.uri("/care/alerts")
			.with(this.people.signedIn(this.p.therapist()))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("/care/alerts/" + older + "/acknowledge")).isPositive();
		assertThat(page).doesNotContain("/care/alerts/" + newer + "/acknowledge");
		assertThat(page.indexOf("alert-open")).as("the unacknowledged alert comes first")
			.isLessThan(page.indexOf("alert-done"));

		// The check of his grant is itself on his "who saw what" page.
		assertThat(this.mvc.get().uri("/care/reads").with(this.people.signedIn(this.p.client()))).bodyText()
			.contains("Risk alerts");
	}

	@Test
	void phq9Item9RaisesAnAlertWhateverTheTotalAndTheScoreShowsWithItsBand() throws Exception {
		String clientPage = "/care/clients/" + this.p.client().id().value();
		this.mvc.post()
			.uri(clientPage + "/measures")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("instrument", "PHQ9")
			.exchange();
		UUID id = this.jdbc.sql("SELECT id FROM care_measure WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();
		assertThat(this.mvc.get().uri("/care/measures/{id}", id).with(this.people.signedIn(this.p.otherClient())))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/care/measures/{id}", id).with(this.people.signedIn(this.p.client())))
			.hasStatusOk()
			.bodyText()
			.contains("Little interest or pleasure in doing things", "Nearly every day",
					"Thoughts that you would be better off dead or of hurting yourself in some way");
		// One answer missing: the message names it and the answers given are kept.
		var incomplete = this.mvc.post()
			.uri("/care/measures/{id}", id)
			.with(this.people.signedIn(this.p.client()))
			.with(csrf());
		for (int i = 0; i < 8; i++) {
			incomplete = incomplete.param("q" + i, (i == 2) ? "2" : "0");
		}
		String again = incomplete.exchange().getResponse().getContentAsString();
		assertThat(again).contains("Choose an answer for question 9.");
		assertThat(again).containsPattern("value=\"2\"\\s+checked");

		var complete = this.mvc.post()
			.uri("/care/measures/{id}", id)
			.with(this.people.signedIn(this.p.client()))
			.with(csrf());
		for (int i = 0; i < 9; i++) {
			complete = complete.param("q" + i, (i == 8) ? "1" : "0");
		}
		// The closing question is optional and unscored; a made-up answer is refused.
		assertThat(complete.param("difficulty", "7").exchange()).hasStatusOk()
			.bodyText()
			.contains("Choose one of the answers to the last question, or none.");
		complete = this.mvc.post()
			.uri("/care/measures/{id}", id)
			.with(this.people.signedIn(this.p.client()))
			.with(csrf());
		for (int i = 0; i < 9; i++) {
			complete = complete.param("q" + i, (i == 8) ? "1" : "0");
		}
		assertThat(complete.param("difficulty", "2").exchange()).hasRedirectedUrl("/care/homework");
		assertThat(alerts(this.p.therapist())).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT answers FROM care_measure WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).doesNotContain(",");
		assertThat(this.mvc.get().uri(clientPage).with(this.people.signedIn(this.p.therapist()))).bodyText()
			.contains("1 of 27", "Minimal", "PHQ-9 question 9", "PHQ-9 scores over time", "PHQ-9: 1 (oldest first)",
					"<td>Very difficult</td>");
		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= 1);
	}

	@Test
	void phq9Item9AboveZeroShowsTheCrisisLinesAndTheQuestionOnTheNextPage() throws Exception {
		UUID id = assignPhq9();
		MvcTestResult done = completePhq9(id, 2);
		assertThat(done).hasRedirectedUrl("/care/homework");
		String next = this.mvc.get()
			.uri("/care/homework")
			.with(this.people.signedIn(this.p.client()))
			.cookie(TestPeople.sessionOf(done))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(next).contains("crisis-panel", "href=\"tel:988\"", "Are you thinking about ending your life?",
				"Thank you. Your answers went to your therapist.");
		assertThat(next.indexOf("href=\"tel:988\"")).isLessThan(next.indexOf("Are you thinking about ending"));
	}

	@Test
	void phq9Item9AtZeroShowsNoCrisisPanel() throws Exception {
		UUID id = assignPhq9();
		MvcTestResult done = completePhq9(id, 0);
		assertThat(done).hasRedirectedUrl("/care/homework");
		assertThat(this.mvc.get()
			.uri("/care/homework")
			.with(this.people.signedIn(this.p.client()))
			.cookie(TestPeople.sessionOf(done))).bodyText()
			.contains("Thank you. Your answers went to your therapist.")
			.doesNotContain("crisis-panel", "Are you thinking about ending your life?");
	}

	@Test
	void anAlertSaysInPlainWordsWhetherTheHitWasClearOrPossible() throws Exception {
		grantAlerts();
		UUID clear = this.journal.write(this.p.client().id(), null, "I want to kill myself.").id();
		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.p.therapist()) == 1);
		// A hit only the sentence model read, with no rule to confirm it, arrives as a
		// possible one.
		UUID possible = UUID.randomUUID();
		this.transactions.executeWithoutResult(
				(tx) -> this.events.publishEvent(new RiskLanguageDetected(this.p.client().id().value(),
						RiskSource.JOURNAL, possible, Set.of(RiskKind.SELF_HARM), RiskConfidence.POSSIBLE)));
		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.p.therapist()) == 2);
		assertThat(confidenceOf(clear)).isEqualTo("CLEAR");
		assertThat(confidenceOf(possible)).isEqualTo("POSSIBLE");
		String page = this.mvc.get()
			.uri("/care/alerts")
			.with(this.people.signedIn(this.p.therapist()))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("a journal entry, about self-harm", "Possible: the check read risk in it",
					"a journal entry, about suicide", "Clear: the words, or his answer, plainly spoke of risk")
			.doesNotContain("kill myself");
	}

	private UUID assignPhq9() {
		this.mvc.post()
			.uri("/care/clients/" + this.p.client().id().value() + "/measures")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("instrument", "PHQ9")
			.exchange();
		return this.jdbc.sql("SELECT id FROM care_measure WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();
	}

	private MvcTestResult completePhq9(UUID id, int item9) {
		var complete = this.mvc.post()
			.uri("/care/measures/{id}", id)
			.with(this.people.signedIn(this.p.client()))
			.with(csrf());
		for (int i = 0; i < 9; i++) {
			complete = complete.param("q" + i, String.valueOf((i == 8) ? item9 : 1));
		}
		return complete.exchange();
	}

	private String confidenceOf(UUID record) {
		return this.jdbc.sql("SELECT confidence FROM care_alert WHERE record_id = :r")
			.param("r", record)
			.query(String.class)
			.single();
	}

	private void grantAlerts() {
		this.mvc.post()
			.uri("/care/grants")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())
			.param("category", Category.RISK_ALERTS.name())
			.param("share", "on")
			.exchange();
	}

	private long alerts(app.steadfast.accounts.Person therapist) {
		return this.jdbc.sql("SELECT COUNT(*) FROM care_alert WHERE therapist_id = :t")
			.param("t", therapist.id().value())
			.query(Long.class)
			.single();
	}

	private long alertsAbout(app.steadfast.accounts.Person client) {
		return this.jdbc.sql("SELECT COUNT(*) FROM care_alert WHERE client_id = :c")
			.param("c", client.id().value())
			.query(Long.class)
			.single();
	}

	private UUID alertFor(UUID record) {
		return this.jdbc.sql("SELECT id FROM care_alert WHERE record_id = :r")
			.param("r", record)
			.query(UUID.class)
			.single();
	}

}
