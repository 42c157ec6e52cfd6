package app.steadfast.path;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.checkins.JournalPrompt;
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
 * Her own path, as the partner who was hurt walks it: each step with its article and one
 * exercise whose answer is kept, sealed, in her journal; done once answered, the next one
 * on her Today until all are done. Linked or not, nothing of it reaches him, another
 * partner or a therapist, whatever she shares of her journal. The admin edits a step and
 * she reads his words; a restart keeps them.
 */
@SteadfastTest
class HerPathTests {

	static final String FIRST = "what-happened-to-you";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CoupleManagement couple;

	@Autowired
	SharingManagement sharing;

	@Autowired
	JournalManagement journal;

	@Autowired
	ShippedPathSteps shipped;

	@Autowired
	PathManagement path;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void sheWalksAStepAnswersItsExerciseAndSeesItDoneAndInHerJournal() throws Exception {
		Person her = this.people.withRole(Role.PARTNER);
		assertThat(get(her, "/")).hasStatusOk()
			.bodyText()
			.contains("Your path: step 1 of 6", "Understanding what happened to you", "href=\"/path/" + FIRST + "\"",
					"Start your path");
		assertThat(get(her, "/couple")).hasStatusOk().bodyText().contains("Open your path", "href=\"/path\"");
		assertThat(get(her, "/path")).hasStatusOk()
			.bodyText()
			.contains("0 of 6 done", "Start with step 1: Understanding what happened to you",
					"What you need to know, and how to ask", "Your boundaries", "Looking after yourself",
					"When to bring in a therapist", "Deciding whether, and when, to invite your partner",
					"Leave this site now");

		assertThat(get(her, "/path/" + FIRST)).hasStatusOk()
			.bodyText()
			.contains("Step 1 of 6", "<h1>Understanding what happened to you</h1>",
					"href=\"/articles/for-the-partner-who-was-betrayed\"", "For the partner who was hurt",
					"What has changed for you since you found out?", "Keep my answer", "Leave this site now",
					"Next: <a href=\"/path/what-you-need-to-know\"");

		// Nothing written: a message beside the field, and nothing done.
		assertThat(answer(her, FIRST, "   ")).hasStatusOk()
			.bodyText()
			.contains("id=\"body-error\"", "Write a few words first", "Leave this site now");
		assertThat(this.journal.answeredSteps(her.id())).isEmpty();

		String words = "I stopped sleeping. " + UUID.randomUUID();
		assertThat(answer(her, FIRST, words)).hasRedirectedUrl("/path/" + FIRST);
		assertThat(get(her, "/path/" + FIRST)).hasStatusOk()
			.bodyText()
			.contains("Done", "You answered this", words, "Save changes");
		assertThat(get(her, "/path")).bodyText()
			.contains("1 of 6 done", "Next: step 2, What you need to know, and how to ask");
		assertThat(get(her, "/")).bodyText()
			.contains("Your path: step 2 of 6", "Take the next step")
			.doesNotContain("Your path: step 1 of 6");
		assertThat(get(her, "/checkins/journal")).bodyText()
			.contains(words, "What has changed for you since you found out?", "from your path");

		// Sealed at rest: the row names the step and the prompt, never her words.
		List<String> stored = this.jdbc
			.sql("SELECT body FROM journal_entry WHERE owner_id = :her AND path_step = :step")
			.param("her", her.id().value())
			.param("step", FIRST)
			.query(String.class)
			.list();
		assertThat(stored).singleElement().satisfies((body) -> assertThat(body).doesNotContain("sleeping"));

		// A second answer changes the first: still one entry, with the new words.
		String again = "Sleeping a little better now. " + UUID.randomUUID();
		assertThat(answer(her, FIRST, again)).hasRedirectedUrl("/path/" + FIRST);
		assertThat(this.journal.stepAnswers(her.id())).containsOnlyKeys(FIRST)
			.hasEntrySatisfying(FIRST, (entry) -> assertThat(entry.body()).isEqualTo(again));
	}

	@Test
	void whenEveryStepIsDoneHerTodayNoLongerOffersIt() {
		Person her = this.people.withRole(Role.PARTNER);
		for (PathManagement.StepSummary step : steps(her)) {
			assertThat(answer(her, step.key(), "My answer to " + step.title())).hasRedirectedUrl("/path/" + step.key());
		}
		assertThat(get(her, "/path")).bodyText().contains("You’ve done all 6 steps");
		assertThat(get(her, "/")).hasStatusOk().bodyText().doesNotContain("Your path: step");
	}

	@Test
	void linkedOrNotNothingOfHerPathReachesHimAnotherPartnerOrATherapist() {
		Person him = this.people.client();
		Person her = this.people.withRole(Role.PARTNER);
		Person other = this.people.withRole(Role.PARTNER);
		Person therapist = this.people.withRole(Role.THERAPIST);
		new TestCouples(this.jdbc, this.couple).link(him, her);
		String words = "Only mine to read " + UUID.randomUUID();
		assertThat(answer(her, "boundaries", words)).hasRedirectedUrl("/path/boundaries");
		UUID entry = this.journal.stepAnswers(her.id()).get("boundaries").id();

		// Even with her journal shared with him and granted to a therapist.
		this.couple.share(her.id(), Category.JOURNAL, true);
		this.sharing.grant(her.id(), therapist.id(), Category.JOURNAL, GrantKind.THERAPIST, null);
		assertThat(this.journal.entries(him.id(), her.id())).noneMatch((e) -> e.id().equals(entry));
		assertThat(this.journal.entries(therapist.id(), her.id())).noneMatch((e) -> e.id().equals(entry));
		assertThat(get(him, "/checkins/shared")).bodyText().doesNotContain(words);

		for (Person stranger : List.of(him, other)) {
			assertThat(get(stranger, "/checkins/journal/" + entry + "/edit")).hasStatus(404);
			assertThat(this.mvc.post()
				.uri("/checkins/journal/" + entry + "/edit")
				.with(this.people.signedIn(stranger))
				.with(csrf())
				.param("body", "Overwritten")).hasStatus(404);
		}
		// His path and the therapist's do not exist; hers is hers alone.
		assertThat(get(him, "/path")).hasStatus(403);
		assertThat(get(him, "/path/boundaries")).hasStatus(403);
		assertThat(get(therapist, "/path/boundaries")).hasStatus(403);
		assertThat(get(other, "/path/boundaries")).hasStatusOk().bodyText().doesNotContain(words, "You answered this");
		assertThat(get(other, "/path")).bodyText().contains("0 of 6 done");
		assertThat(get(her, "/path/boundaries")).bodyText().contains(words);
		assertThat(get(her, "/couple")).bodyText().contains("Open your path");
		assertThat(get(him, "/couple")).bodyText().doesNotContain("Open your path", "href=\"/path\"");
	}

	@Test
	void sharingDecidesHerPathAnswersAreHersAloneEvenInAJournalSheSharesWithHimAndGrantsATherapist() {
		Person him = this.people.client();
		Person her = this.people.withRole(Role.PARTNER);
		Person therapist = this.people.withRole(Role.THERAPIST);
		new TestCouples(this.jdbc, this.couple).link(him, her);
		String answer = "My path answer " + UUID.randomUUID();
		String entry = "A journal entry I share " + UUID.randomUUID();
		assertThat(answer(her, "what-you-need-to-know", answer)).hasRedirectedUrl("/path/what-you-need-to-know");
		UUID answerId = this.journal.stepAnswers(her.id()).get("what-you-need-to-know").id();
		UUID entryId = this.journal.write(her.id(), JournalPrompt.values()[0], entry).id();
		this.couple.share(her.id(), Category.JOURNAL, true);
		this.sharing.grant(her.id(), therapist.id(), Category.JOURNAL, GrantKind.THERAPIST, null);

		// The journal she shares reaches him and the therapist; the answer on her path
		// does not.
		for (Person reader : List.of(him, therapist)) {
			assertThat(this.journal.entries(reader.id(), her.id())).extracting((e) -> e.id()).containsExactly(entryId);
			assertThat(this.journal.find(reader.id(), entryId).body()).isEqualTo(entry);
			assertThatThrownBy(() -> this.journal.find(reader.id(), answerId)).isInstanceOf(NotFound.class);
			assertThat(this.sharing.maySee(reader.id(), her.id(), Category.PATH_ANSWERS, answerId.toString()))
				.isFalse();
		}
		assertThat(get(him, "/checkins/shared")).hasStatusOk().bodyText().contains(entry).doesNotContain(answer);
		// No one can be granted her path answers, by any screen.
		assertThatThrownBy(() -> this.sharing.grant(her.id(), him.id(), Category.PATH_ANSWERS, GrantKind.PARTNER, null))
			.isInstanceOf(IllegalArgumentException.class);
		// Her therapist's journal page exists only for clients (the man doing the work):
		// hers is not found.
		assertThat(get(therapist, "/care/clients/" + her.id().value() + "/journal")).hasStatus(404);
		// She reads both in her own journal.
		assertThat(this.journal.entries(her.id(), her.id())).extracting((e) -> e.id()).contains(entryId, answerId);
	}

	@Test
	void anUnknownStepIsNotFoundAndAVisitorIsSentToSignIn() {
		Person her = this.people.withRole(Role.PARTNER);
		assertThat(get(her, "/path/no-such-step")).hasStatus(404);
		assertThat(answer(her, "no-such-step", "Words")).hasStatus(404);
		assertThat(this.mvc.get().uri("/path")).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.get().uri("/path/" + FIRST)).hasStatus3xxRedirection().redirectedUrl().contains("/login");
		assertThat(this.mvc.post().uri("/path/" + FIRST).with(csrf()).param("body", "Words")).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("/login");
	}

	@Test
	void theAdminEditsAStepSheReadsHisWordsAndARestartKeepsThem() {
		Person admin = this.people.withRole(Role.ADMIN);
		Person her = this.people.withRole(Role.PARTNER);
		assertThat(get(admin, "/admin/path")).hasStatusOk()
			.bodyText()
			.contains("Your boundaries", "Boundaries after trust breaks", "As shipped");
		assertThat(get(admin, "/admin/path/boundaries")).hasStatusOk()
			.bodyText()
			.contains("value=\"boundaries-after-trust-breaks\"", "Name one boundary");
		try {
			// A blank title and an article that is not published: messages, words kept.
			assertThat(edit(admin, "", "boundaries-after-trust-breaks", "Typed prompt kept?")).hasStatusOk()
				.bodyText()
				.contains("id=\"title-error\"", "Give the step a title.", "Typed prompt kept?");
			assertThat(edit(admin, "Lines of your own", "no-such-article", "Typed prompt kept?")).hasStatusOk()
				.bodyText()
				.contains("id=\"articleSlug-error\"", "No published article has this address", "Lines of your own");

			assertThat(edit(admin, "Lines of your own", "boundaries-after-trust-breaks",
					"Which line matters most to you this month?"))
				.hasRedirectedUrl("/admin/path/boundaries");
			assertThat(get(her, "/path/boundaries")).bodyText()
				.contains("<h1>Lines of your own</h1>", "Which line matters most to you this month?",
						"Edited words for her.");
			assertThat(get(admin, "/admin/path")).bodyText().contains("Edited here");

			// Her answer keeps the prompt as she was asked it.
			assertThat(answer(her, "boundaries", "No talks after ten.")).hasRedirectedUrl("/path/boundaries");
			assertThat(this.journal.stepAnswers(her.id()).get("boundaries").asked())
				.isEqualTo("Which line matters most to you this month?");

			this.shipped.run(null);
			assertThat(get(her, "/path/boundaries")).bodyText().contains("<h1>Lines of your own</h1>");
			assertThat(get(admin, "/admin/path")).hasStatus(200);
			assertThat(get(her, "/path")).bodyText().contains("Lines of your own");
			// The editor is the admin's alone.
			assertThat(get(her, "/admin/path")).hasStatus(403);
		}
		finally {
			// Un-edited, the step follows its shipped file again at the next start.
			this.jdbc.sql("UPDATE path_step SET edited_at = NULL WHERE step_key = 'boundaries'").update();
			this.shipped.run(null);
		}
		assertThat(get(her, "/path/boundaries")).bodyText().contains("<h1>Your boundaries</h1>");
	}

	@Test
	void herExportHoldsHerAnswersAndDeletingHerAccountRemovesThem() throws Exception {
		Person her = this.people.withRole(Role.PARTNER);
		String words = "For my export " + UUID.randomUUID();
		assertThat(answer(her, "looking-after-yourself", words)).hasRedirectedUrl("/path/looking-after-yourself");

		MvcTestResult export = this.mvc.get().uri("/insights/export").with(this.people.signedIn(her)).exchange();
		assertThat(export).hasStatusOk();
		String json = null;
		try (ZipInputStream zip = new ZipInputStream(
				new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("journal.json")) {
					json = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		assertThat(json).contains(words, "looking-after-yourself", "Pick one small thing you can do for yourself");

		assertThat(this.mvc.post()
			.uri("/accounts/delete")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("understood", "yes")
			.param("password", TestPeople.PASSWORD)).hasRedirectedUrl("/login?deleted");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE owner_id = :her")
			.param("her", her.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	private List<PathManagement.StepSummary> steps(Person her) {
		return this.path.overview(her.id()).steps();
	}

	private MvcTestResult get(Person person, String uri) {
		return this.mvc.get().uri(uri).with(this.people.signedIn(person)).exchange();
	}

	private MvcTestResult answer(Person her, String key, String body) {
		return this.mvc.post()
			.uri("/path/" + key)
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("body", body)
			.exchange();
	}

	private MvcTestResult edit(Person admin, String title, String article, String prompt) {
		return this.mvc.post()
			.uri("/admin/path/boundaries")
			.with(this.people.signedIn(admin))
			.with(csrf())
			.param("position", "3")
			.param("title", title)
			.param("articleSlug", article)
			.param("prompt", prompt)
			.param("body", "Edited words for her.")
			.param("action", "save")
			.exchange();
	}

}
