package app.steadfast.checkins;

import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
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

@SteadfastTest
class JournalTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JournalManagement journal;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
	}

	@Test
	void heWritesWithAPromptAndTheEntryIsEncryptedAtRest() {
		MvcTestResult empty = write("PULLED_AWAY", "   ");
		assertThat(empty).hasStatusOk();
		assertThat(empty).bodyText()
			.contains("id=\"body-error\"", "Write a few words first.", "value=\"PULLED_AWAY\" checked");

		assertThat(write("PULLED_AWAY", "I went quiet on Tuesday when the bank letter came."))
			.hasRedirectedUrl("/checkins/journal");
		assertThat(this.mvc.get().uri("/checkins/journal").with(this.people.signedIn(this.client))).bodyText()
			.contains("I went quiet on Tuesday", "When did I pull away this week");
		String raw = this.jdbc.sql("SELECT body FROM journal_entry WHERE owner_id = :owner")
			.param("owner", this.client.id().value())
			.query(String.class)
			.single();
		assertThat(raw).doesNotContain("Tuesday", "bank");
	}

	@Test
	void entriesArePrivateUnlessTheJournalIsShared() {
		UUID entry = this.journal.write(this.client.id(), null, "Something only I should read.").id();
		Person partner = this.people.withRole(Role.PARTNER);
		Person other = this.people.client();
		assertThatThrownBy(() -> this.journal.find(partner.id(), entry)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.journal.entries(partner.id(), this.client.id())).isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/checkins/journal/{id}/edit", entry).with(this.people.signedIn(other)))
			.hasStatus(404);

		// Sharing check-ins does not share the journal.
		this.sharing.grant(this.client.id(), partner.id(), Category.CHECKINS, GrantKind.PARTNER, null);
		assertThatThrownBy(() -> this.journal.find(partner.id(), entry)).isInstanceOf(NotFound.class);
		this.sharing.grant(this.client.id(), partner.id(), Category.JOURNAL, GrantKind.PARTNER, null);
		assertThat(this.journal.find(partner.id(), entry).body()).isEqualTo("Something only I should read.");
	}

	@Test
	void aJournalEntryWithRiskLanguageIsSavedAndLeadsToCrisisResources() {
		MvcTestResult saved = write("", "Some nights I think everyone would be better off without me.");
		assertThat(saved).hasRedirectedUrl("/checkins/journal");
		assertThat(saved.getMvcResult().getFlashMap().get("crisis")).isEqualTo(true);
		assertThat(this.journal.entries(this.client.id(), this.client.id())).hasSize(1);
		MvcTestResult calm = write("", "I kept the promise about dinner and it felt good.");
		assertThat(calm.getMvcResult().getFlashMap().get("crisis")).isEqualTo(false);
	}

	@Test
	void heEditsAndDeletesHisEntries() {
		UUID entry = this.journal.write(this.client.id(), null, "First draft.").id();
		assertThat(this.mvc.post()
			.uri("/checkins/journal/{id}/edit", entry)
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("prompt", "DEFENDED")
			.param("body", "Second thoughts.")).hasRedirectedUrl("/checkins/journal");
		assertThat(this.journal.find(this.client.id(), entry).body()).isEqualTo("Second thoughts.");
		assertThat(this.journal.find(this.client.id(), entry).prompt()).isEqualTo(JournalPrompt.DEFENDED);

		assertThat(this.mvc.post()
			.uri("/checkins/journal/{id}/delete", entry)
			.with(this.people.signedIn(this.client))
			.with(csrf())).hasRedirectedUrl("/checkins/journal");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE id = :id")
			.param("id", entry)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPromptThatIsNoneOfTheListIsAMessageBesideItWithHisWordsKept() {
		MvcTestResult unreadable = write("WHO_CARES", "What I wrote stays here.");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"prompt-error\">Choose one of the prompts, or none.</p>",
					">What I wrote stays here.</textarea>")
			.doesNotContain("id=\"body-error\"");
		assertThat(this.journal.entries(this.client.id(), this.client.id())).isEmpty();

		UUID entry = this.journal.write(this.client.id(), JournalPrompt.DEFENDED, "First draft.").id();
		MvcTestResult rewritten = this.mvc.post()
			.uri("/checkins/journal/{id}/edit", entry)
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("prompt", "42")
			.param("body", "Second thoughts.")
			.exchange();
		assertThat(rewritten).hasStatusOk();
		assertThat(rewritten).bodyText()
			.contains("id=\"prompt-error\">Choose one of the prompts, or none.</p>", ">Second thoughts.</textarea>");
		MvcTestResult emptied = this.mvc.post()
			.uri("/checkins/journal/{id}/edit", entry)
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("prompt", "PULLED_AWAY")
			.param("body", " ")
			.exchange();
		assertThat(emptied).bodyText()
			.contains("id=\"body-error\">Write a few words first. A sentence is enough.</p>",
					"value=\"PULLED_AWAY\" checked");
		assertThat(this.journal.find(this.client.id(), entry).body()).isEqualTo("First draft.");

		// A prompt asked for in a link that is none of the list opens the page with none.
		assertThat(this.mvc.get().uri("/checkins/journal?prompt=NOPE").with(this.people.signedIn(this.client)))
			.hasStatusOk()
			.bodyText()
			.contains("value=\"\" checked")
			.doesNotContain("prompt-error");
		assertThat(this.mvc.get().uri("/checkins/journal?prompt=DEFENDED").with(this.people.signedIn(this.client)))
			.bodyText()
			.contains("value=\"DEFENDED\" checked");
		assertThat(write("", "No prompt, just this.")).hasRedirectedUrl("/checkins/journal");
	}

	private MvcTestResult write(String prompt, String body) {
		return this.mvc.post()
			.uri("/checkins/journal")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("prompt", prompt)
			.param("body", body)
			.exchange();
	}

}
