package app.steadfast.repair;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
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
 * The accountability statement: every save a version, the excuse check on the page (with
 * and without htmx), comparing, sharing that freezes a version, the partner's audited
 * reads and response, and who gets a 404.
 */
@SteadfastTest
class StatementTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	StatementManagement statements;

	@Autowired
	SharingManagement sharing;

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
	void everySaveIsANewVersionAndTheWordsAreSealedAtRest() {
		StatementManagement.Saved first = this.statements.save(this.client.id(), null,
				words("I lied to you about the trip to Denver.", "It was my choice."));
		StatementManagement.Saved second = this.statements.save(this.client.id(), first.statement(),
				words("I lied to you about the trip to Denver and the hotel.", "It was my choice."));
		assertThat(first.number()).isEqualTo(1);
		assertThat(second.number()).isEqualTo(2);
		List<VersionView> versions = this.statements.versions(this.client.id(), first.statement());
		assertThat(versions).extracting(VersionView::number).containsExactly(1, 2);
		assertThat(versions.get(0).text(StatementPart.WHAT_HAPPENED))
			.isEqualTo("I lied to you about the trip to Denver.");
		assertThat(this.jdbc.sql("SELECT words FROM statement_part WHERE version_id = :id")
			.param("id", versions.get(0).id())
			.query(String.class)
			.list()).isNotEmpty().noneMatch((w) -> w.contains("Denver") || w.contains("choice"));

		var comparison = this.statements.compare(this.client.id(), first.statement(), 1, 2);
		assertThat(comparison.get(StatementPart.WHAT_HAPPENED)).containsExactly(
				new Diff.Piece(Diff.Kind.SAME, "I lied to you about the trip to "),
				new Diff.Piece(Diff.Kind.REMOVED, "Denver."), new Diff.Piece(Diff.Kind.ADDED, "Denver and the hotel."));
		assertThat(comparison.get(StatementPart.RESPONSIBILITY))
			.containsExactly(new Diff.Piece(Diff.Kind.SAME, "It was my choice."));
	}

	@Test
	void whatHappenedComesFirstAndPartsHaveALimit() {
		assertThatThrownBy(() -> this.statements.save(this.client.id(), null, words("  ", "It was my choice.")))
			.isInstanceOf(InvalidRepairInput.class)
			.extracting("field")
			.isEqualTo("whathappened");
		assertThatThrownBy(() -> this.statements.save(this.client.id(), null, words("x".repeat(4001), "")))
			.isInstanceOf(InvalidRepairInput.class);
		MvcTestResult page = this.mvc.post()
			.uri("/repair/statements/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("action", "save")
			.param("responsibility", "Nobody made me do it.")
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Start with what happened, in a sentence or two.", "Nobody made me do it.", "whathappened-error");
	}

	@Test
	void theExcuseCheckRunsOnTheSamePageWithAndWithoutHtmx() {
		MvcTestResult page = this.mvc.post()
			.uri("/repair/statements/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("action", "check")
			.param("whathappened", "I'm sorry, but you were never home.")
			.exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("<h1>Your accountability statement</h1>", "A “but” that cancels the apology", "Blame-shifting",
					"Try instead:");
		MvcTestResult fragment = this.mvc.post()
			.uri("/repair/statements/new")
			.header("HX-Request", "true")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("whathappened", "It just happened.")
			.exchange();
		assertThat(fragment).bodyText()
			.contains("id=\"excuse-check\"", "Hiding who did it")
			.doesNotContain("<h1>", "<html");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM statement WHERE owner_id = :me")
			.param("me", this.client.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachPartsFindingsShowUnderItsOwnFieldAtTheSentenceTheyCameFrom() throws Exception {
		MvcTestResult page = this.mvc.post()
			.uri("/repair/statements/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("action", "check")
			.param("whathappened", "I lied to you for eight months about where I was.")
			.param("regret", "I hate what I did. Sorry if you were hurt.")
			.exchange();
		assertThat(page).hasStatusOk();
		String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		int field = html.indexOf("<textarea id=\"regret\"");
		int findings = html.indexOf("id=\"check-regret\"");
		int nextPart = html.indexOf("for=\"differently\"");
		assertThat(field).isPositive();
		assertThat(findings).as("the findings come right after the field they are about").isGreaterThan(field);
		assertThat(nextPart).as("and before the next part").isGreaterThan(findings);
		String regret = html.substring(findings, nextPart);
		assertThat(regret)
			.contains("Conditional apology", "Sorry if", "you were hurt.", "Try instead:",
					"apologise for their feelings")
			.as("only the sentence the mark came from is quoted")
			.doesNotContain("I hate what I did");
		assertThat(html.substring(html.indexOf("id=\"check-whathappened\""), html.indexOf("for=\"responsibility\"")))
			.doesNotContain("Conditional apology");
		assertThat(html).doesNotContain("(s)")
			.containsPattern("(No places|1 place|[0-9]+ places) to look at again, "
					+ "(no signs of ownership yet|1 sign of ownership|[0-9]+ signs of ownership)\\.");
	}

	@Test
	void theEmptyEditorSaysWhereTheFindingsWillShow() {
		assertThat(this.mvc.get().uri("/repair/statements/new").with(this.people.signedIn(this.client))).hasStatusOk()
			.bodyText()
			.contains("id=\"check-whathappened\"", "the check shows what it sees under each part",
					"hx-post=\"/repair/statements/new?only=regret\"", "hx-trigger=\"input changed delay:700ms\"");
	}

	@Test
	void anHtmxCheckAnswersTheFindingsOfThePartHeIsTypingInAndTheCounts() {
		MvcTestResult fragment = this.mvc.post()
			.uri("/repair/statements/new?only=regret")
			.header("HX-Request", "true")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("whathappened", "It just happened.")
			.param("regret", "Sorry if you were hurt.")
			.exchange();
		assertThat(fragment).hasStatusOk()
			.bodyText()
			.contains("Conditional apology", "id=\"excuse-check\" hx-swap-oob=\"innerHTML\"",
					"2 places to look at again")
			.doesNotContain("<h1>", "id=\"check-whathappened\"", "Hiding who did it");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM statement WHERE owner_id = :me")
			.param("me", this.client.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void countsReadAsPeopleSayThem() {
		assertThat(Review.summary(0, 0)).isEqualTo("No places to look at again, no signs of ownership yet.");
		assertThat(Review.summary(1, 1)).isEqualTo("1 place to look at again, 1 sign of ownership.");
		assertThat(Review.summary(3, 2)).isEqualTo("3 places to look at again, 2 signs of ownership.");
		MvcTestResult saved = this.mvc.post()
			.uri("/repair/statements/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("action", "save")
			.param("whathappened", "I lied to you. Sorry if you were hurt.")
			.exchange();
		assertThat((String) saved.getMvcResult().getFlashMap().get("saved"))
			.contains("The check marked 1 place to look at again.");
		assertThat(this.mvc.get().uri("/repair").with(this.people.signedIn(this.client))).bodyText()
			.contains("1 version, last saved")
			.doesNotContain("(s)");
	}

	@Test
	void savingThroughThePageKeepsAVersionAndShowsRiskResourcesWithoutBlocking() {
		MvcTestResult saved = this.mvc.post()
			.uri("/repair/statements/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("action", "save")
			.param("whathappened", "I lied to you for a year. Some days I want to die.")
			.exchange();
		assertThat(saved).hasStatus3xxRedirection();
		assertThat(saved.getMvcResult().getFlashMap().get("crisis")).isEqualTo(true);
		StatementSummary summary = this.statements.statements(this.client.id()).get(0);
		assertThat(summary.versions()).isEqualTo(1);
		assertThat(this.mvc.get()
			.uri("/repair/statements/{id}", summary.id().value())
			.with(this.people.signedIn(this.client))).bodyText()
			.contains("I lied to you for a year.", "Version 1", "Ownership");
	}

	@Test
	void aSharedVersionIsFrozenAndHisPartnerReadsAndRespondsAudited() {
		StatementManagement.Saved first = this.statements.save(this.client.id(), null,
				words("I hid the messages from you.", "I chose it."));
		VersionView v1 = this.statements.version(this.client.id(), first.statement(), 1);
		// Not shared yet: his partner gets a 404, like a missing page.
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/repair/statements/{id}/versions/1/share", first.statement().value())
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("with", "PARTNER")).hasStatus3xxRedirection();
		assertThat(this.statements.version(this.client.id(), first.statement(), 1).frozen()).isTrue();
		this.statements.save(this.client.id(), first.statement(), words("I hid the messages from you for months.", ""));

		long readsBefore = reads(this.partner);
		assertThat(this.mvc.get().uri("/repair/shared").with(this.people.signedIn(this.partner))).bodyText()
			.contains("version 1")
			.doesNotContain("version 2");
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.bodyText()
			.contains("I hid the messages from you.", "I chose it.")
			.doesNotContain("for months");
		assertThat(reads(this.partner)).isGreaterThan(readsBefore);

		assertThat(this.mvc.post()
			.uri("/repair/shared/{id}/respond", v1.id())
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("words", "   ")).bodyText().contains("Write your response first.");
		assertThat(this.mvc.post()
			.uri("/repair/shared/{id}/respond", v1.id())
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("words", "Thank you for naming the messages. I need to know who else knew."))
			.hasRedirectedUrl("/repair/shared/" + v1.id())
			.flash()
			.containsEntry("saved",
					"Your response is saved. Your partner will see it once you share statements with them.");
		// Her response is part of what she shares as statements: it reaches him once she
		// shares them, and her page says so until then.
		assertThat(this.statements.version(this.client.id(), first.statement(), 1).responses()).isEmpty();
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.bodyText()
			.contains("You aren't sharing statements with your partner right now", "who else knew");
		this.couple.share(this.partner.id(), Category.STATEMENTS, true);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.bodyText()
			.doesNotContain("sharing statements with your partner right now");
		VersionView reread = this.statements.version(this.client.id(), first.statement(), 1);
		assertThat(reread.parts()).isEqualTo(v1.parts());
		assertThat(reread.responses()).extracting(VersionView.Response::words)
			.containsExactly("Thank you for naming the messages. I need to know who else knew.");
		assertThat(this.jdbc.sql("SELECT words FROM statement_response").query(String.class).list())
			.noneMatch((w) -> w.contains("who else knew"));
	}

	@Test
	void anotherClientAnUnlinkedPartnerAPartnerWithoutShareAndAPausedLinkGet404() {
		StatementManagement.Saved saved = this.statements.save(this.client.id(), null, words("I lied.", ""));
		VersionView v1 = this.statements.version(this.client.id(), saved.statement(), 1);
		Person other = this.people.client();
		Person stranger = this.people.withRole(Role.PARTNER);
		for (String path : List.of("/repair/statements/" + saved.statement().value(),
				"/repair/statements/" + saved.statement().value() + "/versions/1",
				"/repair/statements/" + saved.statement().value() + "/compare")) {
			assertThat(this.mvc.get().uri(path).with(this.people.signedIn(other))).hasStatus(404);
		}
		assertThat(this.mvc.post()
			.uri("/repair/statements/{id}/versions/1/share", saved.statement().value())
			.with(this.people.signedIn(other))
			.with(csrf())
			.param("with", "PARTNER")).hasStatus(404);
		assertThatThrownBy(() -> this.statements.save(other.id(), saved.statement(), words("Mine now", "")))
			.isInstanceOf(NotFound.class);

		// Shared with the partner through a grant but this version was never shared: 404.
		this.sharing.grant(this.client.id(), this.partner.id(), Category.STATEMENTS, GrantKind.PARTNER, null);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		this.statements.share(this.client.id(), saved.statement(), 1, Audience.PARTNER);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatusOk();
		// An unlinked partner, even with a stray grant, and another client: 404.
		this.sharing.grant(this.client.id(), stranger.id(), Category.STATEMENTS, GrantKind.PARTNER, null);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(stranger)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(other))).hasStatus(403);
		// Sharing turned off by him at /couple: her next request gets 404.
		this.couple.share(this.client.id(), Category.STATEMENTS, false);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		this.couple.share(this.client.id(), Category.STATEMENTS, true);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatusOk();
		// Her safety pause: nothing of his reaches her.
		this.couples.pause(this.partner, true);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		// He is not refused (a refusal would tell him); what he shares waits for the
		// pause
		// to end.
		this.statements.share(this.client.id(), saved.statement(), 1, Audience.PARTNER);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		this.couples.pause(this.partner, false);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatusOk();
	}

	@Test
	void aTherapistReadsOnlyVersionsSharedWithATherapistUnderAGrant() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		StatementManagement.Saved saved = this.statements.save(this.client.id(), null, words("I lied.", ""));
		VersionView v1 = this.statements.version(this.client.id(), saved.statement(), 1);
		assertThatThrownBy(() -> this.statements.share(this.client.id(), saved.statement(), 1, Audience.THERAPIST))
			.isInstanceOf(InvalidRepairInput.class);
		this.sharing.grant(this.client.id(), therapist.id(), Category.STATEMENTS, GrantKind.THERAPIST, null);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(therapist)))
			.hasStatus(404);
		this.statements.share(this.client.id(), saved.statement(), 1, Audience.THERAPIST);
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(therapist))).bodyText()
			.contains("I lied.")
			.doesNotContain("Your response");
		// Shared with the therapist only: the partner still sees nothing.
		assertThat(this.mvc.get().uri("/repair/shared/{id}", v1.id()).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/repair/shared/{id}/respond", v1.id())
			.with(this.people.signedIn(therapist))
			.with(csrf())
			.param("words", "Noted")).hasStatus(404);
	}

	@Test
	void hostileWordsAreShownAsTextAndMarkedWithoutBreakingThePage() {
		for (String hostile : app.steadfast.HostileInput.samples(13L, 12)) {
			String words = hostile.substring(0, Math.min(hostile.length(), 3000)) + " I'm sorry, but <b>no</b>.";
			MvcTestResult page = this.mvc.post()
				.uri("/repair/statements/new")
				.with(this.people.signedIn(this.client))
				.with(csrf())
				.param("action", "check")
				.param("whathappened", words)
				.exchange();
			assertThat(page).hasStatusOk();
			assertThat(page).bodyText().doesNotContain("<script>alert(1)", "<b>no</b>", "<img src=x");
		}
	}

	private long reads(Person viewer) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE actor_id = (SELECT alias FROM audit_alias WHERE account_id = :me) AND category = 'STATEMENTS'")
			.param("me", viewer.id().value())
			.query(Long.class)
			.single();
	}

	private static Map<StatementPart, String> words(String whatHappened, String responsibility) {
		Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
		words.put(StatementPart.WHAT_HAPPENED, whatHappened);
		words.put(StatementPart.RESPONSIBILITY, responsibility);
		return words;
	}

}
