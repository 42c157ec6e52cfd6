package app.steadfast.safety;

import java.time.Duration;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.repair.QuestionManagement;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Risk language saved anywhere he writes shows the crisis lines on the next page, then
 * one direct question that matches what was found. "Yes" and "not sure" lead to the
 * crisis lines and alert his therapist only where he granted risk alerts; "no" gets a
 * warm word and no alert. Only someone signed in may answer.
 */
@SteadfastTest
class CrisisQuestionTests {

	static final String ABOUT_HIS_LIFE = "Are you thinking about ending your life?";

	static final String ABOUT_SOMEONE = "Are you thinking about hurting someone?";

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
	ConversationManagement conversations;

	@Autowired
	CoupleManagement couple;

	@Autowired
	QuestionManagement questions;

	TestPeople people;

	Person client;

	Person therapist;

	@BeforeEach
	void clientWithATherapist() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
		this.therapist = this.people.withRole(Role.THERAPIST);
		this.consultations.reassign(this.people.withRole(Role.ADMIN).id(), this.client.id(), this.therapist.id());
	}

	@Test
	void aRiskySentenceInACheckInNoteShowsTheCrisisLinesThenTheQuestion() throws Exception {
		MvcTestResult saved = post("/checkins/new", "step", "details", "words", "shame", "primary", "shame",
				"intensity", "8", "body", "CHEST", "trigger", "I want to die");
		assertThat(saved).hasRedirectedUrl("/checkins");
		assertPanelThenQuestion(saved, ABOUT_HIS_LIFE);
	}

	@Test
	void aRiskySentenceInAJournalEntryShowsTheCrisisLinesThenTheQuestion() throws Exception {
		MvcTestResult saved = post("/checkins/journal", "prompt", "", "body", "Most nights I want to die.");
		assertThat(saved).hasRedirectedUrl("/checkins/journal");
		assertPanelThenQuestion(saved, ABOUT_HIS_LIFE);
	}

	@Test
	void aRiskySentenceInATalkLogShowsTheCrisisLinesThenTheQuestion() throws Exception {
		MvcTestResult saved = post("/conversations/talks/new", "newTopic", "Us", "talkedOn",
				this.conversations.today(this.client.id()).toString(), "defensiveness", "5", "escalation", "BADLY",
				"breakTaken", "NO", "nextTime", "I want to die");
		assertThat(saved).hasRedirectedUrl("/conversations");
		assertPanelThenQuestion(saved, ABOUT_HIS_LIFE);
	}

	@Test
	void aRiskySentenceInAnAnswerToHisPartnersQuestionShowsTheCrisisLinesThenTheQuestion() throws Exception {
		Person partner = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.client, partner);
		assertThat(this.mvc.post()
			.uri("/repair/questions")
			.with(this.people.signedIn(partner))
			.with(csrf())
			.param("question", "How are you, really?")
			.param("importance", "")).hasRedirectedUrl("/repair/questions");
		UUID question = this.questions.board(this.client.id()).questions().get(0).id().value();
		MvcTestResult saved = post("/repair/questions/" + question + "/answer", "words", "Honestly? I want to die.");
		assertThat(saved).hasRedirectedUrl("/repair/questions/" + question);
		assertPanelThenQuestion(saved, ABOUT_HIS_LIFE);
	}

	@Test
	void wordsAboutHurtingSomeoneAskAboutHurtingSomeone() throws Exception {
		MvcTestResult saved = post("/checkins/journal", "prompt", "", "body", "Tonight I want to hit him.");
		assertThat((String) saved.getMvcResult().getFlashMap().get(CrisisPanel.KINDS)).contains("HARM_TO_OTHERS")
			.doesNotContain("SUICIDE");
		String page = nextPage(saved);
		assertThat(panel(page)).contains(ABOUT_SOMEONE, "name=\"kind\" value=\"HARM_TO_OTHERS\"")
			.doesNotContain(ABOUT_HIS_LIFE, "Tonight I want to hit him");
	}

	@Test
	void anOrdinaryVisitShowsNoPanelAndNoQuestion() {
		assertThat(this.mvc.get().uri("/checkins/journal").with(this.people.signedIn(this.client))).hasStatusOk()
			.bodyText()
			.doesNotContain("crisis-panel", ABOUT_HIS_LIFE, "/crisis/answer");
	}

	@Test
	void theQuestionFollowsWhatWasFound() {
		assertThat(CrisisPanel.askAbout(java.util.Set.of(RiskKind.SUICIDE, RiskKind.HARM_TO_OTHERS)))
			.isEqualTo(RiskKind.SUICIDE);
		assertThat(CrisisPanel.askAbout(java.util.Set.of(RiskKind.SELF_HARM, RiskKind.HARM_TO_OTHERS)))
			.isEqualTo(RiskKind.HARM_TO_OTHERS);
		assertThat(CrisisPanel.askAbout(java.util.Set.of(RiskKind.SELF_HARM))).isEqualTo(RiskKind.SELF_HARM);
		assertThat(CrisisPanel.askAbout(java.util.Set.of())).isEqualTo(RiskKind.SUICIDE);
		assertThat(CrisisPanel.question(RiskKind.SELF_HARM)).isEqualTo(ABOUT_HIS_LIFE);
		assertThat(CrisisPanel.question(RiskKind.HARM_TO_OTHERS)).isEqualTo(ABOUT_SOMEONE);
		assertThat(CrisisPanel.read("SUICIDE,NOT_A_KIND,HARM_TO_OTHERS")).containsExactlyInAnyOrder(RiskKind.SUICIDE,
				RiskKind.HARM_TO_OTHERS);
	}

	@Test
	void yesLeadsToTheCrisisLinesAndAClearAlertWhereHeGrantedRiskAlertsWithoutHisWords() throws Exception {
		grantRiskAlerts(this.client);
		MvcTestResult saved = post("/checkins/journal", "prompt", "", "body", "Most nights I want to die.");
		assertThat(nextPage(saved)).contains(ABOUT_HIS_LIFE);
		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.client) == 1);

		MvcTestResult yes = answer(this.client, "YES", "SUICIDE", "/checkins/journal");
		assertThat(yes).hasRedirectedUrl("/crisis/now");
		String now = this.mvc.get()
			.uri("/crisis/now")
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(yes))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(now).contains("Reach someone now", "href=\"tel:988\"", "href=\"sms:741741\"", "href=\"tel:911\"",
				"they are being told now");
		assertThat(now.indexOf("href=\"tel:988\"")).as("the lines come first")
			.isLessThan(now.indexOf("Until you're talking to someone"));

		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.client) == 2);
		assertThat(this.jdbc.sql("SELECT confidence FROM care_alert WHERE client_id = :c AND source = 'QUESTION_YES'")
			.param("c", this.client.id().value())
			.query(String.class)
			.single()).isEqualTo("CLEAR");
		String alerts = this.mvc.get()
			.uri("/care/alerts")
			.with(this.people.signedIn(this.therapist))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(alerts)
			.contains("asked whether he is thinking about ending his life, he answered “yes”",
					"a journal entry, about suicide", "Clear:")
			.doesNotContain("want to die", "Most nights");
		await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length >= 2);
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			assertThat(String.valueOf(mail.getContent())).doesNotContain("want to die", "Most nights", "yes");
		}
	}

	@Test
	void notSureLeadsToTheCrisisLinesButAlertsNoOneWithoutTheGrant() {
		MvcTestResult notSure = answer(this.client, "NOT_SURE", "SELF_HARM", "/checkins");
		assertThat(notSure).hasRedirectedUrl("/crisis/now");
		assertThat(this.mvc.get()
			.uri("/crisis/now")
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(notSure))).hasStatusOk().bodyText().contains("Reach someone now", "tel:988");
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> alerts(this.client) == 0);
	}

	@Test
	void notSureWithTheGrantAlertsClearlyAboutHurtingSomeone() {
		grantRiskAlerts(this.client);
		assertThat(answer(this.client, "NOT_SURE", "HARM_TO_OTHERS", "/checkins")).hasRedirectedUrl("/crisis/now");
		await().atMost(Duration.ofSeconds(15)).until(() -> alerts(this.client) == 1);
		assertThat(this.mvc.get().uri("/care/alerts").with(this.people.signedIn(this.therapist))).bodyText()
			.contains("asked whether he is thinking about hurting someone, he answered “I’m not sure”", "Clear:");
	}

	@Test
	void noGetsAWarmWordWithTheLinesOneTapAwayAndNoAlert() {
		grantRiskAlerts(this.client);
		MvcTestResult no = answer(this.client, "NO", "SUICIDE", "/conversations");
		assertThat(no).hasRedirectedUrl("/crisis/thanks");
		assertThat(this.mvc.get()
			.uri("/crisis/thanks")
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(no))).hasStatusOk()
			.bodyText()
			.contains("Thank you for answering", "href=\"tel:988\"", "href=\"/crisis\"", "href=\"/conversations\"");
		await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> alerts(this.client) == 0);
	}

	@Test
	void aMadeUpAnswerAsksAgainWithAMessageBesideTheQuestion() {
		MvcTestResult odd = answer(this.client, "MAYBE", "SUICIDE", "https://elsewhere.example/");
		assertThat(odd).hasStatusOk()
			.bodyText()
			.contains(ABOUT_HIS_LIFE, "id=\"crisis-question-error\"", "Choose one: yes, I’m not sure, or no.",
					"name=\"back\" value=\"/\"", "href=\"tel:988\"");
	}

	@Test
	void aStrangerMayNotAnswer() {
		assertThat(this.mvc.post().uri("/crisis/answer").with(csrf()).param("answer", "YES").param("kind", "SUICIDE"))
			.hasStatus3xxRedirection()
			.redirectedUrl()
			.endsWith("/login");
		assertThat(this.mvc.get().uri("/crisis/now")).hasStatusOk().bodyText().contains("tel:988");
	}

	@Test
	void theWayBackNeverLeavesTheSite() {
		assertThat(CrisisController.safeBack("/checkins")).isEqualTo("/checkins");
		assertThat(CrisisController.safeBack("//evil.example/x")).isEqualTo("/");
		assertThat(CrisisController.safeBack("https://evil.example")).isEqualTo("/");
		assertThat(CrisisController.safeBack("/\\evil.example")).isEqualTo("/");
		assertThat(CrisisController.safeBack("/a\r\nLocation: x")).isEqualTo("/");
	}

	private void assertPanelThenQuestion(MvcTestResult saved, String question) throws Exception {
		assertThat(saved.getMvcResult().getFlashMap().get(CrisisPanel.SHOWN)).isEqualTo(true);
		assertThat((String) saved.getMvcResult().getFlashMap().get(CrisisPanel.KINDS)).contains("SUICIDE");
		String page = nextPage(saved);
		assertThat(page).contains("You don't have to carry this alone right now", "href=\"tel:988\"", question,
				"name=\"answer\" value=\"YES\"", "name=\"answer\" value=\"NOT_SURE\"", "name=\"answer\" value=\"NO\"",
				"action=\"/crisis/answer\"");
		assertThat(page.indexOf("href=\"tel:988\"")).as("the crisis lines come before the question")
			.isLessThan(page.indexOf(question));
		assertThat(panel(page)).as("the panel never repeats his words").doesNotContain("want to die");
	}

	/** The crisis panel of a page, from its opening tag to the end of its section. */
	private static String panel(String page) {
		int start = page.indexOf("class=\"crisis-panel\"");
		assertThat(start).as("the page shows the crisis panel").isPositive();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private String nextPage(MvcTestResult saved) throws Exception {
		return this.mvc.get()
			.uri(saved.getResponse().getRedirectedUrl())
			.with(this.people.signedIn(this.client))
			.cookie(TestPeople.sessionOf(saved))
			.exchange()
			.getResponse()
			.getContentAsString();
	}

	private MvcTestResult post(String uri, String... params) {
		var request = this.mvc.post().uri(uri).with(this.people.signedIn(this.client)).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private MvcTestResult answer(Person person, String answer, String kind, String back) {
		return this.mvc.post()
			.uri("/crisis/answer")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("answer", answer)
			.param("kind", kind)
			.param("back", back)
			.exchange();
	}

	private void grantRiskAlerts(Person person) {
		assertThat(this.mvc.post()
			.uri("/care/grants")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("category", Category.RISK_ALERTS.name())
			.param("share", "on")).hasRedirectedUrl("/care/grants");
	}

	private long alerts(Person client) {
		return this.jdbc.sql("SELECT COUNT(*) FROM care_alert WHERE client_id = :c")
			.param("c", client.id().value())
			.query(Long.class)
			.single();
	}

}
