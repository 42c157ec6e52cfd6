package app.steadfast.accounts;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An admin deactivates a therapist: the therapist's session (kept in the database, so on
 * every node) is refused on its next request, and signing in again fails.
 */
@SteadfastTest
class StaffDeactivationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Test
	void aDeactivatedTherapistsSessionIsRejectedOnTheNextRequest() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person therapist = people.withRole(Role.THERAPIST);
		Cookie session = TestPeople.signInThroughForms(this.mvc, therapist.email());
		assertThat(this.mvc.get().uri("/care").cookie(session)).hasStatusOk();

		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/deactivate", therapist.id().value())
			.with(people.signedIn(therapist))
			.with(csrf())).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/deactivate", admin.id().value())
			.with(people.signedIn(admin))
			.with(csrf())).hasRedirectedUrl("/admin/staff");
		assertThat(this.accounts.deactivatedStaff()).doesNotContain(admin.id());
		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/deactivate", therapist.id().value())
			.with(people.signedIn(admin))
			.with(csrf())).hasRedirectedUrl("/admin/staff");

		MvcTestResult next = this.mvc.get().uri("/care").cookie(session).exchange();
		assertThat(next).hasStatus(302);
		assertThat(next.getResponse().getRedirectedUrl()).contains("/login");
		assertThat(signIn(therapist).getResponse().getRedirectedUrl()).contains("/login?error");
		assertThat(this.mvc.get().uri("/admin/staff").with(people.signedIn(admin))).bodyText().contains("Deactivated");
		assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'ACCOUNT_DEACTIVATED' AND subject_id = (SELECT alias FROM audit_alias WHERE account_id = :id)")
			.param("id", therapist.id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private MvcTestResult signIn(Person person) {
		return this.mvc.post()
			.uri("/login")
			.with(csrf())
			.param("email", person.email())
			.param("password", TestPeople.PASSWORD)
			.exchange();
	}

}
