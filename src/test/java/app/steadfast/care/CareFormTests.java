package app.steadfast.care;

import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;
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
 * The care forms that choose from lists (what he shares, a questionnaire's answers, a
 * therapist) are bound and converted by Spring: a choice that is none of the list is a
 * message beside its field with everything else kept, the services' rules give their own
 * messages, and good input is saved.
 */
@SteadfastTest
class CareFormTests {

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
	Consents consents;

	@Autowired
	Measures measures;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
	}

	@Test
	void aNextSessionThatIsNoDateIsRefusedInPlainWordsAndADateIsSavedOrCleared() {
		String page = "/care/clients/" + this.p.client().id().value() + "/session";
		assertThat(nextSession(page, "next tuesday").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("Give the date as a date, like 2026-03-14.");
		assertThat(planned()).isEmpty();
		assertThat(nextSession(page, "2027-01-12").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("Next session saved.");
		assertThat(planned()).containsExactly(java.time.LocalDate.of(2027, 1, 12));
		assertThat(nextSession(page, "").getMvcResult().getFlashMap().get("notice")).isEqualTo("Next session cleared.");
		assertThat(planned()).allSatisfy((day) -> assertThat(day).isNull());
	}

	@Test
	void aQuestionnaireThatIsNoneOfThemIsRefusedInPlainWordsAndOneOfThemIsSent() {
		String page = "/care/clients/" + this.p.client().id().value() + "/measures";
		for (String instrument : new String[] { "NOPE", "" }) {
			assertThat(measure(page, instrument).getMvcResult().getFlashMap().get("notice"))
				.isEqualTo("Choose a questionnaire.");
		}
		assertThat(sent()).isEmpty();
		assertThat(measure(page, "PHQ9").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("PHQ-9 sent. It waits on their home page.");
		assertThat(sent()).containsExactly("PHQ9");
	}

	private MvcTestResult measure(String page, String instrument) {
		return this.mvc.post()
			.uri(page)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("instrument", instrument)
			.exchange();
	}

	private java.util.List<String> sent() {
		return this.jdbc.sql("SELECT instrument FROM care_measure WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(String.class)
			.list();
	}

	private MvcTestResult nextSession(String page, String day) {
		return this.mvc.post()
			.uri(page)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("nextSession", day)
			.exchange();
	}

	private java.util.List<java.time.LocalDate> planned() {
		return this.jdbc.sql("SELECT next_session FROM care_session_plan WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query((rs, row) -> rs.getObject("next_session", java.time.LocalDate.class))
			.list();
	}

	@Test
	void aGrantForNoCategoryIsRefusedInPlainWordsAndAGoodOneHolds() {
		assertThat(grant("EVERYTHING", "on").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("Choose what to share.");
		assertThat(grant("", "on").getMvcResult().getFlashMap().get("notice")).isEqualTo("Choose what to share.");
		assertThat(grant("CHECKINS", "perhaps").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo("Choose whether to share it.");
		assertThat(this.consents.granted(this.p.client().id(), this.p.therapist().id())).isEmpty();

		assertThat(grant("CHECKINS", "on")).hasRedirectedUrl("/care/grants");
		assertThat(this.consents.granted(this.p.client().id(), this.p.therapist().id()))
			.containsExactly(Category.CHECKINS);
		assertThat(grant("CHECKINS", "off")).hasRedirectedUrl("/care/grants");
		assertThat(this.consents.granted(this.p.client().id(), this.p.therapist().id())).isEmpty();
	}

	@Test
	void aQuestionnaireAnswerThatIsNoNumberIsAMessageBesideItsQuestionWithTheOtherAnswersKept() {
		UUID measure = this.measures.assign(this.p.therapist().id(), this.p.client().id(), Instrument.GAD7);
		String page = "/care/measures/" + measure;

		MvcTestResult unreadable = answer(page, "0", "1", "lots", "2", "0", "1", "3", "");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"q2-error\">Choose one of the answers to question 3.</p>", "href=\"#q2-0\"")
			.contains("id=\"q0-0\" value=\"0\" checked", "id=\"q1-1\" value=\"1\" checked",
					"id=\"q6-3\" value=\"3\" checked")
			.doesNotContain("id=\"q3-error\"", "id=\"difficulty-error\"");
		MvcTestResult closing = answer(page, "0", "1", "1", "2", "0", "1", "3", "very");
		assertThat(closing).bodyText()
			.contains("id=\"difficulty-error\">Choose one of the answers to the last question, or none.</p>",
					"id=\"q2-1\" value=\"1\" checked");
		// The rules of a questionnaire: every question answered, each answer one of the
		// four.
		assertThat(answer(page, "0", "1", "", "2", "0", "1", "3", "")).bodyText()
			.contains("id=\"q2-error\">Choose an answer for question 3.</p>", "id=\"q6-3\" value=\"3\" checked");
		assertThat(answer(page, "0", "1", "7", "2", "0", "1", "3", "")).bodyText()
			.contains("id=\"q2-error\">Choose an answer for question 3.</p>");
		assertThat(answer(page, "0", "1", "1", "2", "0", "1", "3", "9")).bodyText()
			.contains("id=\"difficulty-error\">Choose one of the answers to the last question, or none.</p>");
		assertThat(this.measures.pending(this.p.client().id())).hasSize(1);

		assertThat(answer(page, "0", "1", "1", "2", "0", "1", "3", "1")).hasRedirectedUrl("/care/homework");
		assertThat(this.measures.pending(this.p.client().id())).isEmpty();
	}

	@Test
	void emergencyAccessNamesATherapistFromTheListAndKeepsWhatTheAdminTyped() {
		this.consents.set(this.p.client().id(), Category.CHECKINS, true);
		String reason = "His therapist is on leave and he wrote to the practice in distress.";

		MvcTestResult unreadable = breakGlass(this.p.client().email(), "not-a-therapist", reason);
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"therapistId-error\">Choose a therapist.</p>", "value=\"" + this.p.client().email() + "\"",
					">" + reason + "</textarea>")
			.doesNotContain("id=\"clientEmail-error\"", "id=\"reason-error\"");
		// The rules of emergency access: a therapist of the practice, a reason he reads.
		assertThat(breakGlass(this.p.client().email(), UUID.randomUUID().toString(), reason)).bodyText()
			.contains("id=\"therapistId-error\">Choose a therapist.</p>");
		assertThat(breakGlass(this.p.client().email(), this.p.otherTherapist().id().value().toString(), "short"))
			.bodyText()
			.contains("id=\"reason-error\">Write why, in at least 20 characters. The client will read it.</p>",
					"value=\"" + this.p.otherTherapist().id().value() + "\" selected");
		assertThat(this.sharing.activeGrantsTo(this.p.otherTherapist().id())).isEmpty();

		assertThat(breakGlass(this.p.client().email(), this.p.otherTherapist().id().value().toString(), reason))
			.hasRedirectedUrl("/admin/care");
		assertThat(this.sharing.activeGrantsTo(this.p.otherTherapist().id())).isNotEmpty();
	}

	@Test
	void aHandoverNamesATherapistFromTheListAndKeepsWhatTheAdminTyped() {
		MvcTestResult unreadable = handOver(this.p.client().email(), "someone");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"handoverTherapist-error\">Choose their new therapist.</p>",
					"value=\"" + this.p.client().email() + "\"")
			.doesNotContain("id=\"handoverClient-error\"", "id=\"therapistId-error\"");
		MvcTestResult wrong = handOver("nobody@example.org", this.p.otherTherapist().id().value().toString());
		assertThat(wrong).bodyText()
			.contains("id=\"handoverClient-error\">Give the email address of one of the practice’s clients.</p>",
					"value=\"nobody@example.org\"", "value=\"" + this.p.otherTherapist().id().value() + "\" selected")
			.doesNotContain("id=\"handoverTherapist-error\"");
		assertThat(handOver(this.p.client().email(), "")).bodyText()
			.contains("id=\"handoverTherapist-error\">Choose their new therapist.</p>");
		assertThat(this.consents.therapistOf(this.p.client().id())).contains(this.p.therapist().id());

		assertThat(handOver(this.p.client().email(), this.p.otherTherapist().id().value().toString()))
			.hasRedirectedUrl("/admin/care");
		assertThat(this.consents.therapistOf(this.p.client().id())).contains(this.p.otherTherapist().id());
	}

	private MvcTestResult grant(String category, String share) {
		return this.mvc.post()
			.uri("/care/grants")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())
			.param("category", category)
			.param("share", share)
			.exchange();
	}

	private MvcTestResult answer(String page, String... answers) {
		var request = this.mvc.post().uri(page).with(this.people.signedIn(this.p.client())).with(csrf());
		for (int i = 0; i < answers.length - 1; i++) {
			request = request.param("q" + i, answers[i]);
		}
		return request.param("difficulty", answers[answers.length - 1]).exchange();
	}

	private MvcTestResult breakGlass(String email, String therapist, String reason) {
		return admin("/admin/care/break-glass", email, therapist).param("reason", reason).exchange();
	}

	private MvcTestResult handOver(String email, String therapist) {
		return admin("/admin/care/handover", email, therapist).exchange();
	}

	private MockMvcTester.MockMvcRequestBuilder admin(String path, String email, String therapist) {
		return this.mvc.post()
			.uri(path)
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.param("clientEmail", email)
			.param("therapistId", therapist);
	}

}
