package app.steadfast.repair;

import java.util.EnumMap;
import java.util.Map;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Role;
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
 * The repair forms are bound and converted by Spring: an importance or a day that cannot
 * be read is a message beside its field with everything typed kept, the rules of
 * questions, answers and responses give their own messages beside their fields, and good
 * input is saved.
 */
@SteadfastTest
class RepairFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	QuestionManagement questions;

	@Autowired
	StatementManagement statements;

	@Autowired
	CoupleManagement couple;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	Person partner;

	@BeforeEach
	void linkedCouple() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
		this.partner = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.client, this.partner);
	}

	@Test
	void anImportanceThatIsNoneOfTheListIsRefusedBesideItWithHerQuestionsKept() {
		MvcTestResult unreadable = ask(new String[] { "Who else knew?", "Where did you meet?", "" },
				new String[] { "HIGH", "URGENT", "" });
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains(
					"id=\"importance-error\">Choose how much each question matters from the list, or “Not saying”.</p>",
					">Who else knew?</textarea>", ">Where did you meet?</textarea>",
					"aria-describedby=\"importance-error\"")
			.doesNotContain("id=\"question-error\"");
		// The rules of asking: at least one question, none too long.
		MvcTestResult none = ask(new String[] { " ", "", "" }, new String[] { "HIGH", "", "" });
		assertThat(none).bodyText()
			.contains("id=\"question-error\">Write a question first.</p>", "value=\"HIGH\" selected");
		assertThat(ask(new String[] { "x".repeat(4001), "Where did you meet?", "" }, new String[] { "", "", "" }))
			.bodyText()
			.contains("id=\"question-error\">Keep each question under 4000 characters.</p>",
					">Where did you meet?</textarea>");
		assertThat(this.questions.board(this.partner.id()).questions()).isEmpty();

		assertThat(ask(new String[] { "Who else knew?", "", "" }, new String[] { "HIGH", "", "" }))
			.hasRedirectedUrl("/repair/questions");
		assertThat(this.questions.board(this.partner.id()).questions()).singleElement()
			.satisfies((q) -> assertThat(q.importance()).isEqualTo(Importance.HIGH));
	}

	@Test
	void aDayThatIsNoDateAndWordsThatBreakARuleAreRefusedBesideTheirFieldAndKept() {
		QuestionId id = this.questions
			.ask(this.partner.id(), java.util.List.of(new QuestionManagement.NewQuestion("Who else knew?", null)))
			.get(0);
		MvcTestResult unreadable = post(this.client, id, "time", "until", "in a week");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains(
					"id=\"until-error\">Give the day as a date like 2027-01-31: a day after today that you can keep.</p>",
					"value=\"in a week\"", "aria-describedby=\"until-hint until-error\"")
			.doesNotContain("id=\"words-error\"");
		String today = this.questions.today(this.client.id()).toString();
		assertThat(post(this.client, id, "time", "until", today)).bodyText()
			.contains("id=\"until-error\">Choose a day after today and within 90 days, one you can keep.</p>",
					"value=\"" + today + "\"");
		assertThat(post(this.client, id, "answer", "words", "x".repeat(4001))).bodyText()
			.contains("id=\"words-error\">Keep it under 4000 characters.</p>", ">" + "x".repeat(4001) + "</textarea>")
			.doesNotContain("id=\"until-error\"");
		assertThat(this.questions.question(this.client.id(), id).entries()).isEmpty();

		assertThat(post(this.client, id, "answer", "words", "Only my brother."))
			.hasRedirectedUrl("/repair/questions/" + id.value());
		assertThat(post(this.client, id, "correct", "words", " ")).bodyText()
			.contains("id=\"correction-error\">Write something first.</p>", "aria-describedby=\"correction-error\"");
		assertThat(post(this.partner, id, "more", "followUp", "")).bodyText()
			.contains("id=\"followUp-error\">Write something first.</p>");
		assertThat(post(this.partner, id, "more", "followUp", "Did she know?"))
			.hasRedirectedUrl("/repair/questions/" + id.value());
		assertThat(this.questions.question(this.client.id(), id).entries()).hasSize(2);
	}

	@Test
	void aResponseThatBreaksARuleIsRefusedBesideItAndAVersionSharedWithNoOneNamesNothing() {
		Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
		words.put(StatementPart.WHAT_HAPPENED, "I hid the messages from you.");
		StatementManagement.Saved saved = this.statements.save(this.client.id(), null, words);
		String share = "/repair/statements/" + saved.statement().value() + "/versions/1/share";
		assertThat(this.mvc.post()
			.uri(share)
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("with", "EVERYONE")).hasStatus(404);
		assertThat(this.statements.version(this.client.id(), saved.statement(), 1).frozen()).isFalse();
		assertThat(this.mvc.post()
			.uri(share)
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("with", "PARTNER")).hasStatus3xxRedirection();
		VersionView v1 = this.statements.version(this.client.id(), saved.statement(), 1);

		MvcTestResult tooLong = respond(v1, "y".repeat(4001));
		assertThat(tooLong).hasStatusOk();
		assertThat(tooLong).bodyText()
			.contains("id=\"words-error\">Keep it under 4000 characters.</p>", ">" + "y".repeat(4001) + "</textarea>",
					"aria-describedby=\"words-error\"");
		assertThat(respond(v1, "Thank you for naming it.")).hasRedirectedUrl("/repair/shared/" + v1.id());
	}

	@Test
	void theStatementEditorKeepsEachPartAndShowsTheRuleBesideItsPart() {
		MvcTestResult refused = this.mvc.post()
			.uri("/repair/statements/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("action", "save")
			.param("responsibility", "It was my choice.")
			.exchange();
		assertThat(refused).hasStatusOk();
		assertThat(refused).bodyText().contains("id=\"whathappened-error\"", ">It was my choice.</textarea>");
		assertThat(this.statements.statements(this.client.id())).isEmpty();
	}

	private MvcTestResult ask(String[] questions, String[] importances) {
		return this.mvc.post()
			.uri("/repair/questions")
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("question", questions)
			.param("importance", importances)
			.exchange();
	}

	private MvcTestResult post(Person person, QuestionId id, String action, String field, String value) {
		return this.mvc.post()
			.uri("/repair/questions/{id}/{action}", id.value(), action)
			.with(this.people.signedIn(person))
			.with(csrf())
			.param(field, value)
			.exchange();
	}

	private MvcTestResult respond(VersionView version, String words) {
		return this.mvc.post()
			.uri("/repair/shared/{id}/respond", version.id())
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("words", words)
			.exchange();
	}

}
