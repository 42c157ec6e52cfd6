package app.steadfast.repair;

import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Partner questions: asked, answered, needs time (and overdue), "I need more",
 * corrections on record, deletion only by her, the safety pause, audited reads and who
 * gets a 404.
 */
@SteadfastTest
class QuestionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	QuestionManagement questions;

	@Autowired
	CoupleManagement couple;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	TestCouples couples;

	Person client;

	Person partner;

	@BeforeEach
	void linkedCouple() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.couples = new TestCouples(this.jdbc, this.couple);
		this.client = this.people.client();
		this.partner = this.people.withRole(Role.PARTNER);
		this.couples.link(this.client, this.partner);
	}

	@Test
	void sheAsksSeveralHeAnswersSheNeedsMoreHeCorrectsAndEverythingStaysOnRecord() {
		assertThat(this.mvc.post()
			.uri("/repair/questions")
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("question", "Who else knew?", "", "Did you see her after March?")
			.param("importance", "HIGH", "", "")).hasRedirectedUrl("/repair/questions");
		QuestionManagement.Board board = this.questions.board(this.client.id());
		assertThat(board.questions()).hasSize(2)
			.allMatch((q) -> q.status() == QuestionStatus.ASKED && q.ageDays() == 0);
		QuestionView who = board.questions()
			.stream()
			.filter((q) -> q.words().equals("Who else knew?"))
			.findFirst()
			.orElseThrow();
		assertThat(who.importance()).isEqualTo(Importance.HIGH);

		MvcTestResult open = this.mvc.get()
			.uri("/repair/questions/{id}", who.id().value())
			.with(this.people.signedIn(this.client))
			.exchange();
		assertThat(open).bodyText()
			.contains("Who else knew?", "Name it before you answer",
					"/checkins/quick?back=/repair/questions/" + who.id().value());

		assertThat(answer("answer", who, "Only my brother.")).hasRedirectedUrl("/repair/questions/" + who.id().value());
		assertThat(this.questions.question(this.client.id(), who.id()).status()).isEqualTo(QuestionStatus.ANSWERED);
		// A second answer is refused: he corrects instead.
		assertThat(answer("answer", who, "Nobody")).bodyText().contains("add a correction");

		assertThat(this.mvc.post()
			.uri("/repair/questions/{id}/more", who.id().value())
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("followUp", "Did your brother ever meet her?")).hasStatus3xxRedirection();
		assertThat(this.questions.question(this.client.id(), who.id()).status()).isEqualTo(QuestionStatus.NEEDS_MORE);

		assertThat(answer("correct", who, "My brother and my friend Tom knew. I left Tom out before."))
			.hasStatus3xxRedirection();
		QuestionView after = this.questions.question(this.partner.id(), who.id());
		assertThat(after.status()).isEqualTo(QuestionStatus.ANSWERED);
		assertThat(after.entries()).extracting(QuestionView.Entry::kind)
			.containsExactly(QuestionView.EntryKind.ANSWER, QuestionView.EntryKind.NEED_MORE,
					QuestionView.EntryKind.CORRECTION);
		assertThat(after.entries().get(2).replaces()).isEqualTo("Only my brother.");
		assertThat(
				this.mvc.get().uri("/repair/questions/{id}", who.id().value()).with(this.people.signedIn(this.partner)))
			.bodyText()
			.contains("Only my brother.", "Correction", "My brother and my friend Tom knew.",
					"Corrects the earlier answer");

		// Sealed at rest.
		assertThat(this.jdbc.sql("SELECT words FROM question_entry WHERE question_id = :id")
			.param("id", who.id().value())
			.query(String.class)
			.list()).noneMatch((w) -> w != null && (w.contains("brother") || w.contains("Tom")));
		assertThat(this.jdbc.sql("SELECT words FROM partner_question WHERE id = :id")
			.param("id", who.id().value())
			.query(String.class)
			.single()).doesNotContain("knew");
		// Her reads are audited.
		assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor_id = (SELECT alias FROM audit_alias WHERE account_id = :me) AND category = 'QUESTIONS'")
			.param("me", this.partner.id().value())
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void heNeedsTimeWithADateAndPastItBothSeeItOverdue() {
		QuestionId id = this.questions
			.ask(this.partner.id(), List.of(new QuestionManagement.NewQuestion("Why did you keep going?", null)))
			.get(0);
		assertThat(answer("time", id, "")).bodyText().contains("Choose a day after today");
		assertThat(answer("time", id, this.questions.today(this.client.id()).toString())).bodyText()
			.contains("Choose a day after today");
		assertThat(answer("time", id, this.questions.today(this.client.id()).plusDays(91).toString())).bodyText()
			.contains("within 90 days");
		assertThat(answer("time", id, this.questions.today(this.client.id()).plusDays(3).toString()))
			.hasStatus3xxRedirection();
		QuestionView waiting = this.questions.question(this.client.id(), id);
		assertThat(waiting.status()).isEqualTo(QuestionStatus.NEEDS_TIME);
		assertThat(waiting.overdue()).isFalse();

		// Time passes (fixture): asked ten days ago, the committed date two days ago.
		this.jdbc
			.sql("UPDATE partner_question SET asked_at = asked_at - INTERVAL '10' DAY, "
					+ "needs_time_until = :until WHERE id = :id")
			.param("until", this.questions.today(this.client.id()).minusDays(2))
			.param("id", id.value())
			.update();
		QuestionView overdue = this.questions.question(this.partner.id(), id);
		assertThat(overdue.overdue()).isTrue();
		assertThat(overdue.ageDays()).isEqualTo(10);
		for (Person who : List.of(this.client, this.partner)) {
			assertThat(this.mvc.get().uri("/repair/questions").with(this.people.signedIn(who))).bodyText()
				.contains("Overdue: answer was promised by", "Waiting 10 days");
		}
		assertThat(answer("answer", id, "Because I didn't want to stop.")).hasStatus3xxRedirection();
		QuestionView answered = this.questions.question(this.client.id(), id);
		assertThat(answered.overdue()).isFalse();
		assertThat(answered.ageDays()).isZero();
	}

	@Test
	void onlySheDeletesHerQuestionAndNobodyElseReachesIt() {
		QuestionId id = this.questions
			.ask(this.partner.id(), List.of(new QuestionManagement.NewQuestion("Where were you on Friday?", null)))
			.get(0);
		Person other = this.people.client();
		Person stranger = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.post()
			.uri("/repair/questions/{id}/delete", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())).hasStatus(404);
		for (Person outsider : List.of(other, stranger)) {
			assertThat(this.mvc.get().uri("/repair/questions/{id}", id.value()).with(this.people.signedIn(outsider)))
				.hasStatus(404);
			assertThat(this.mvc.post()
				.uri("/repair/questions/{id}/answer", id.value())
				.with(this.people.signedIn(outsider))
				.with(csrf())
				.param("words", "Nothing")).hasStatus(404);
		}
		// She cannot answer her own question, and he cannot ask for more.
		assertThatThrownBy(() -> this.questions.answer(this.partner.id(), id, "Me")).isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/repair/questions/not-a-uuid").with(this.people.signedIn(this.client)))
			.hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/repair/questions/{id}/delete", id.value())
			.with(this.people.signedIn(this.partner))
			.with(csrf())).hasRedirectedUrl("/repair/questions");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM partner_question WHERE id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * During her pause he keeps the question she asked before and answers it as before
	 * (hiding it would tell him); his answer reaches her only when the pause ends. A
	 * question she asks during it is kept for her, never shown to him, and sent when the
	 * pause ends.
	 */
	@Test
	void herSafetyPauseSendsNothingNewEitherWayAndHeNeverLearnsWhy() {
		QuestionId id = this.questions
			.ask(this.partner.id(), List.of(new QuestionManagement.NewQuestion("Are you still in touch?", null)))
			.get(0);
		this.couples.pause(this.partner, true);
		MvcTestResult his = this.mvc.get().uri("/repair/questions").with(this.people.signedIn(this.client)).exchange();
		// He is not told: what she asked before stays, as when she turns her shares off.
		assertThat(his).bodyText()
			.contains("Are you still in touch?")
			.doesNotContain("paused", "safety answers", "afraid", "unsafe");
		assertThat(this.mvc.get().uri("/repair").with(this.people.signedIn(this.client))).bodyText()
			.doesNotContain("paused", "safety answers");
		assertThat(this.mvc.get().uri("/repair/questions/{id}", id.value()).with(this.people.signedIn(this.client)))
			.hasStatusOk();
		assertThat(this.mvc.post()
			.uri("/repair/questions/{id}/answer", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("words", "No, not since March.")).hasStatus3xxRedirection();
		// Nothing of his reaches her while her pause holds.
		assertThat(this.mvc.get().uri("/repair/questions").with(this.people.signedIn(this.partner))).bodyText()
			.doesNotContain("Are you still in touch?", "No, not since March.");
		assertThat(this.mvc.get().uri("/repair/questions/{id}", id.value()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		QuestionId later = this.questions
			.ask(this.partner.id(), List.of(new QuestionManagement.NewQuestion("One more?", null)))
			.get(0);
		assertThat(this.questions.board(this.client.id()).questions()).extracting(QuestionView::words)
			.containsExactly("Are you still in touch?");
		assertThat(this.questions.board(this.partner.id()).questions()).singleElement()
			.satisfies((q) -> assertThat(q.held()).isTrue());

		this.couples.pause(this.partner, false);
		assertThat(this.questions.board(this.client.id()).questions()).extracting(QuestionView::id)
			.containsExactlyInAnyOrder(id, later);
		assertThat(this.questions.question(this.partner.id(), id).entries()).extracting(QuestionView.Entry::words)
			.containsExactly("No, not since March.");
	}

	private MvcTestResult answer(String action, QuestionId id, String value) {
		return this.mvc.post()
			.uri("/repair/questions/{id}/{action}", id.value(), action)
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param(action.equals("time") ? "until" : "words", value)
			.exchange();
	}

	private MvcTestResult answer(String action, QuestionView question, String value) {
		return answer(action, question.id(), value);
	}

}
