package app.steadfast.path;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.JournalManagement;
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
 * The admin adds steps to her path and removes them: each field of a new step is checked
 * with its message beside it and every word typed kept; a new step is on her path at
 * once; a removed one is gone from it for good (its shipped file does not bring it back
 * at the next start, its address is never used again), and nobody's answer to it is
 * touched: it stays in her journal. Only the admin may do either.
 */
@SteadfastTest
class PathStepsAdminTests {

	static final String ARTICLE = "boundaries-after-trust-breaks";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JournalManagement journal;

	@Autowired
	ShippedPathSteps shipped;

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
	void eachFieldOfANewStepIsCheckedBesideItAndWhatWasTypedIsKept() {
		Person admin = this.people.withRole(Role.ADMIN);
		String key = "talking-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			assertThat(get(admin, "/admin/path")).hasStatusOk()
				.bodyText()
				.contains("href=\"/admin/path/new\"", "Add a step");
			assertThat(get(admin, "/admin/path/new")).hasStatusOk()
				.bodyText()
				.contains("<h1>Add a step</h1>", "id=\"key\"", "value=\"7\"", "Add the step")
				.doesNotContain("Remove this step");

			// Everything blank: a message beside each field.
			assertThat(add(admin,
					Map.of("key", "", "position", "", "title", "", "articleSlug", "", "prompt", "", "body", "")))
				.hasStatusOk()
				.bodyText()
				.contains("id=\"key-error\"", "Give the step its address", "id=\"position-error\"",
						"id=\"title-error\"", "id=\"articleSlug-error\"", "id=\"prompt-error\"", "id=\"body-error\"");
			// A malformed address and place: their messages, the rest kept as typed.
			assertThat(add(admin, step("Not A Key!", "x", "Talking to friends", ARTICLE))).hasStatusOk()
				.bodyText()
				.contains("id=\"key-error\"", "Use lower-case letters", "id=\"position-error\"",
						"Use a whole number from 1.", "value=\"Not A Key!\"", "value=\"Talking to friends\"",
						"Who could you tell?", "Some words for this step.")
				.doesNotContain("id=\"title-error\"");
			// An address a step has, and one reserved for the editor.
			for (String taken : List.of("boundaries", "new")) {
				assertThat(add(admin, step(taken, "7", "Talking to friends", ARTICLE))).hasStatusOk()
					.bodyText()
					.contains("id=\"key-error\"", "value=\"" + taken + "\"", "value=\"Talking to friends\"");
			}
			// An article that is not published.
			assertThat(add(admin, step(key, "7", "Talking to friends", "no-such-article"))).hasStatusOk()
				.bodyText()
				.contains("id=\"articleSlug-error\"", "No published article has this address", "value=\"" + key + "\"");
			assertThat(count(key)).isZero();
			// The preview shows the text rendered and adds nothing.
			assertThat(add(admin,
					Map.of("key", key, "position", "7", "title", "Talking to friends", "articleSlug", ARTICLE, "prompt",
							"Who could you tell?", "body", "## A heading", "action", "preview")))
				.hasStatusOk()
				.bodyText()
				.contains("<h2>A heading</h2>");
			assertThat(count(key)).isZero();
		}
		finally {
			forget(key);
		}
	}

	@Test
	void anAddedStepIsOnHerPathAtOnceAndARemovedOneIsGoneForGoodWhileHerAnswerStays() {
		Person admin = this.people.withRole(Role.ADMIN);
		Person her = this.people.withRole(Role.PARTNER);
		String key = "talking-" + UUID.randomUUID().toString().substring(0, 8);
		String removed = "looking-after-yourself";
		try {
			assertThat(add(admin, step(key, "7", "Talking to friends", ARTICLE)))
				.hasRedirectedUrl("/admin/path/" + key);
			assertThat(get(admin, "/admin/path")).bodyText().contains("Talking to friends", "Added here");
			assertThat(get(her, "/path")).bodyText().contains("0 of 7 done", "Talking to friends");
			assertThat(get(her, "/path/" + key)).hasStatusOk()
				.bodyText()
				.contains("Step 7 of 7", "<h1>Talking to friends</h1>", "Who could you tell?");

			// She answers a shipped step; then the admin removes it.
			String words = "A bath on Sundays " + UUID.randomUUID();
			assertThat(answer(her, removed, words)).hasRedirectedUrl("/path/" + removed);
			assertThat(get(admin, "/admin/path/" + removed)).bodyText().contains("Remove this step");
			MvcTestResult removal = remove(admin, removed);
			assertThat(removal).hasRedirectedUrl("/admin/path");
			assertThat(removal).flash()
				.containsEntry("notice", "“Looking after yourself” is removed from the path. Anyone who answered it "
						+ "keeps the answer in their journal.");
			assertThat(get(admin, "/admin/path")).bodyText().doesNotContain("href=\"/admin/path/" + removed + "\"");

			// Gone from her path; her answer is still in her journal, with its question.
			assertThat(get(her, "/path")).bodyText()
				.contains("0 of 6 done", "Talking to friends")
				.doesNotContain("Looking after yourself");
			assertThat(this.journal.stepAnswers(her.id())).hasEntrySatisfying(removed,
					(entry) -> assertThat(entry.body()).isEqualTo(words));
			assertThat(get(her, "/checkins/journal")).bodyText()
				.contains(words, "Pick one small thing you can do for yourself");
			// Its page leads to her path; it takes no more answers.
			assertThat(get(her, "/path/" + removed)).hasRedirectedUrl("/path")
				.flash()
				.containsEntry("notice",
						"That step is no longer part of your path. What you wrote for it is still in your journal.");
			assertThat(answer(her, removed, "Another answer")).hasStatus(404);
			assertThat(this.journal.stepAnswers(her.id()).get(removed).body()).isEqualTo(words);
			assertThat(get(admin, "/admin/path/" + removed)).hasStatus(404);
			assertThat(remove(admin, removed)).hasStatus(404);

			// The next start does not bring the shipped step back, and its address stays
			// taken.
			this.shipped.run(null);
			assertThat(get(her, "/path")).bodyText().doesNotContain("Looking after yourself");
			assertThat(add(admin, step(removed, "4", "Looking after yourself", ARTICLE))).hasStatusOk()
				.bodyText()
				.contains("id=\"key-error\"", "had it before it was removed");

			// An added step is removed the same way; her path is as shipped but one.
			assertThat(remove(admin, key)).hasRedirectedUrl("/admin/path");
			assertThat(get(her, "/path")).bodyText().contains("0 of 5 done").doesNotContain("Talking to friends");
		}
		finally {
			forget(key);
			this.jdbc.sql("UPDATE path_step SET removed_at = NULL WHERE step_key = :key")
				.param("key", removed)
				.update();
		}
		assertThat(get(her, "/path")).bodyText().contains("1 of 6 done", "Looking after yourself");
	}

	@Test
	void onlyTheAdminAddsOrRemovesSteps() {
		Person admin = this.people.withRole(Role.ADMIN);
		String key = "talking-" + UUID.randomUUID().toString().substring(0, 8);
		try {
			for (Role role : List.of(Role.CLIENT, Role.PARTNER, Role.THERAPIST)) {
				Person someone = this.people.withRole(role);
				assertThat(get(someone, "/admin/path/new")).as(role + " new").hasStatus(403);
				assertThat(add(someone, step(key, "7", "Talking to friends", ARTICLE))).as(role + " add")
					.hasStatus(403);
				assertThat(remove(someone, "boundaries")).as(role + " remove").hasStatus(403);
			}
			assertThat(count(key)).isZero();
			assertThat(get(admin, "/admin/path/boundaries")).hasStatusOk();
			assertThat(this.mvc.get().uri("/admin/path/new")).hasStatus3xxRedirection()
				.redirectedUrl()
				.contains("/login");
			assertThat(this.mvc.post().uri("/admin/path/boundaries/remove").with(csrf())).hasStatus3xxRedirection()
				.redirectedUrl()
				.contains("/login");
			assertThat(remove(admin, "no-such-step")).hasStatus(404);
		}
		finally {
			forget(key);
		}
	}

	private Map<String, String> step(String key, String position, String title, String article) {
		return Map.of("key", key, "position", position, "title", title, "articleSlug", article, "prompt",
				"Who could you tell?", "body", "Some words for this step.");
	}

	private long count(String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM path_step WHERE step_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private void forget(String key) {
		this.jdbc.sql("DELETE FROM path_step WHERE step_key = :key").param("key", key).update();
	}

	private MvcTestResult get(Person person, String uri) {
		return this.mvc.get().uri(uri).with(this.people.signedIn(person)).exchange();
	}

	private MvcTestResult add(Person person, Map<String, String> fields) {
		var request = this.mvc.post().uri("/admin/path/new").with(this.people.signedIn(person)).with(csrf());
		fields.forEach(request::param);
		if (!fields.containsKey("action")) {
			request.param("action", "save");
		}
		return request.exchange();
	}

	private MvcTestResult remove(Person person, String key) {
		return this.mvc.post()
			.uri("/admin/path/" + key + "/remove")
			.with(this.people.signedIn(person))
			.with(csrf())
			.exchange();
	}

	private MvcTestResult answer(Person her, String key, String body) {
		return this.mvc.post()
			.uri("/path/" + key)
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("body", body)
			.exchange();
	}

}
