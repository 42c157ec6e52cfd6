package app.steadfast.accounts;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.OutboxMessage;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A new practice: the setup page creates the first admin once, then disappears. With no
 * mail server reachable, the invitation that admin sends waits in the outbox.
 */
@FreshDatabase
@SteadfastTest
class SetupPageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Postbox postbox;

	@Test
	void theSetupPageCreatesTheFirstAdminOnceAndThatAdminRunsThePractice() throws Exception {
		assertThat(this.mvc.get().uri("/setup")).hasStatusOk().bodyText().contains("Set up the practice");

		MvcTestResult invalid = setup("owner@madrega.example", "Dana", "letmein");
		assertThat(invalid).hasStatusOk();
		assertThat(invalid).bodyText().contains("id=\"password-error\"", "value=\"owner@madrega.example\"");
		assertThat(this.accounts.adminExists()).isFalse();

		assertThat(setup("owner@madrega.example", "Dana", "a-practice-of-our-own")).hasRedirectedUrl("/login?setup");
		assertThat(this.accounts.findByEmail("owner@madrega.example").orElseThrow().role()).isEqualTo(Role.ADMIN);

		assertThat(this.mvc.get().uri("/setup")).hasStatus(404);
		assertThat(setup("intruder@example.org", "Mallory", "another-practice-pass")).hasStatus(404);
		assertThat(this.accounts.findByEmail("intruder@example.org")).isEmpty();

		MvcTestResult signIn = this.mvc.post()
			.uri("/login")
			.with(csrf())
			.param("email", "owner@madrega.example")
			.param("password", "a-practice-of-our-own")
			.exchange();
		// An admin signs in with two steps; the first time, he sets up his app.
		assertThat(signIn).hasRedirectedUrl("/login/code");
		Cookie admin = TestPeople.setUpAuthenticator(this.mvc, TestPeople.sessionOf(signIn));
		assertThat(this.mvc.get().uri("/").cookie(admin)).bodyText().contains("Welcome, Dana", "Manage staff");

		// The only admin cannot demote themself.
		Person owner = this.accounts.findByEmail("owner@madrega.example").orElseThrow();
		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/role", owner.id().value())
			.cookie(admin)
			.with(csrf())
			.param("role", "THERAPIST")).hasRedirectedUrl("/admin/staff");
		assertThat(this.accounts.find(owner.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);

		// No SMTP server is listening here: the invitation is kept, and the admin sees
		// who it is for, never its link (that is the new staff member's alone).
		String staffEmail = TestPeople.uniqueEmail("staff");
		assertThat(this.mvc.post()
			.uri("/admin/staff")
			.cookie(admin)
			.with(csrf())
			.param("email", staffEmail)
			.param("displayName", "Sam")
			.param("role", "THERAPIST")).hasRedirectedUrl("/admin/staff");
		OutboxMessage kept = this.postbox.outbox()
			.stream()
			.filter((m) -> m.to().equals(staffEmail))
			.findFirst()
			.orElseThrow();
		assertThat(this.mvc.get().uri("/admin/outbox").cookie(admin)).bodyText().contains(staffEmail);
		assertThat(this.mvc.get().uri("/admin/outbox/{name}", kept.name()).cookie(admin)).bodyText()
			.contains(staffEmail)
			.doesNotContain("/accounts/reset?token=");
	}

	private MvcTestResult setup(String email, String name, String password) {
		return this.mvc.post()
			.uri("/setup")
			.with(csrf())
			.param("email", email)
			.param("displayName", name)
			.param("password", password)
			.exchange();
	}

}
