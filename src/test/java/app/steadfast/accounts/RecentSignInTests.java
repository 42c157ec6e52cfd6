package app.steadfast.accounts;

import java.time.Duration;
import java.time.Instant;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.Role;
import jakarta.servlet.http.Cookie;
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
 * Sensitive changes (password, sign-in factors, granting access) and taking data out need
 * a sign-in within the last ten minutes; otherwise he confirms his password and returns
 * to what he was doing with what he had typed. Taking access back never waits.
 */
@SteadfastTest
class RecentSignInTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Instant longAgo = Instant.now().minus(Duration.ofMinutes(11));

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void everySensitiveAddressAsksForConfirmationAfterTenMinutes() {
		Person client = this.people.client();
		for (String page : new String[] { "/insights/export", "/insights/data", "/accounts/security",
				"/accounts/password" }) {
			assertThat(this.mvc.get().uri(page).with(this.people.signedInAt(client, this.longAgo))).as(page)
				.hasRedirectedUrl("/accounts/confirm");
			assertThat(this.mvc.get().uri(page).with(this.people.signedIn(client))).as(page).hasStatusOk();
		}
		assertThat(post("/couple/sharing", client).param("category", "CHECKINS").param("share", "true"))
			.hasRedirectedUrl("/accounts/confirm");
		assertThat(post("/accounts/security/authenticator", client)).hasRedirectedUrl("/accounts/confirm");
		assertThat(post("/accounts/password", client).param("currentPassword", TestPeople.PASSWORD)
			.param("newPassword", "a-much-newer-password-1")).hasRedirectedUrl("/accounts/confirm");
		Person admin = this.people.withRole(Role.ADMIN);
		assertThat(this.mvc.post()
			.uri("/admin/care/break-glass")
			.with(this.people.signedInAt(admin, this.longAgo))
			.with(csrf())).hasRedirectedUrl("/accounts/confirm");
	}

	@Test
	void takingAccessBackNeverWaits() {
		Person client = this.people.client();
		MvcTestResult stop = post("/couple/sharing", client).param("category", "CHECKINS")
			.param("share", "false")
			.exchange();
		assertThat(stop.getResponse().getRedirectedUrl()).isNotEqualTo("/accounts/confirm");
		assertThat(post("/care/grants", client).param("category", "CHECKINS").param("share", "off"))
			.hasRedirectedUrl("/care/grants");
	}

	@Test
	void afterConfirmingHisPasswordHeSendsTheGrantHeHadStartedWithItsChoicesKept() throws Exception {
		Person admin = this.people.withRole(Role.ADMIN);
		Person therapist = this.people.withRole(Role.THERAPIST);
		Person client = this.people.client();
		this.consultations.reassign(admin.id(), client.id(), therapist.id());

		MvcTestResult asked = post("/care/grants", client).param("category", "CHECKINS")
			.param("share", "on")
			.exchange();
		assertThat(asked).hasRedirectedUrl("/accounts/confirm");
		Cookie session = TestPeople.sessionOf(asked);
		assertThat(granted(client)).isZero();

		MvcTestResult page = this.mvc.get()
			.uri("/accounts/confirm")
			.cookie(session)
			.with(this.people.signedInAt(client, this.longAgo))
			.exchange();
		assertThat(page).bodyText().contains("What you were doing is kept");

		MvcTestResult wrong = this.mvc.post()
			.uri("/accounts/confirm")
			.cookie(session)
			.with(this.people.signedInAt(client, this.longAgo))
			.with(csrf())
			.param("password", "not-my-password")
			.exchange();
		assertThat(wrong).hasStatusOk();
		assertThat(wrong).bodyText().contains("your password. Try again");

		MvcTestResult confirmed = this.mvc.post()
			.uri("/accounts/confirm")
			.cookie(session)
			.with(this.people.signedInAt(client, this.longAgo))
			.with(csrf())
			.param("password", TestPeople.PASSWORD)
			.exchange();
		assertThat(confirmed).hasRedirectedUrl("/accounts/confirm/continue");
		Cookie proved = TestPeople.sessionOf(confirmed);

		MvcTestResult carryOn = this.mvc.get().uri("/accounts/confirm/continue").cookie(proved).exchange();
		String html = carryOn.getResponse().getContentAsString();
		assertThat(html).contains("action=\"/care/grants\"")
			.contains("name=\"category\" value=\"CHECKINS\"")
			.contains("name=\"share\" value=\"on\"")
			.contains("Finish what you were doing");
		assertThat(granted(client)).isZero();

		assertThat(this.mvc.post()
			.uri("/care/grants")
			.cookie(proved)
			.with(csrf())
			.param("category", "CHECKINS")
			.param("share", "on")).hasRedirectedUrl("/care/grants");
		assertThat(granted(client)).isEqualTo(1);
	}

	@Test
	void aPageHeAskedForOpensAgainAfterConfirmingAndPasswordsAreNeverKept() throws Exception {
		Person client = this.people.client();
		MvcTestResult asked = this.mvc.get()
			.uri("/insights/export")
			.with(this.people.signedInAt(client, this.longAgo))
			.exchange();
		Cookie session = TestPeople.sessionOf(asked);
		MvcTestResult confirmed = this.mvc.post()
			.uri("/accounts/confirm")
			.cookie(session)
			.with(this.people.signedInAt(client, this.longAgo))
			.with(csrf())
			.param("password", TestPeople.PASSWORD)
			.exchange();
		Cookie proved = TestPeople.sessionOf(confirmed);
		assertThat(this.mvc.get().uri("/accounts/confirm/continue").cookie(proved))
			.hasRedirectedUrl("/insights/export");
		assertThat(this.mvc.get().uri("/insights/export").cookie(proved)).hasStatusOk();

		MvcTestResult password = post("/accounts/password", client).param("currentPassword", TestPeople.PASSWORD)
			.param("newPassword", "a-much-newer-password-1")
			.exchange();
		Cookie other = TestPeople.sessionOf(password);
		// What waits in his session (in the database) holds no password.
		java.util.List<byte[]> attributes = this.jdbc.sql("""
				SELECT a.attribute_bytes FROM spring_session_attributes a
				JOIN spring_session s ON s.primary_id = a.session_primary_id WHERE s.session_id = :id
				""").param("id", decode(other.getValue())).query((rs, n) -> rs.getBytes(1)).list();
		assertThat(attributes).isNotEmpty();
		for (byte[] bytes : attributes) {
			assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
				.doesNotContain("a-much-newer-password-1")
				.doesNotContain(TestPeople.PASSWORD);
		}
		MvcTestResult again = this.mvc.post()
			.uri("/accounts/confirm")
			.cookie(other)
			.with(this.people.signedInAt(client, this.longAgo))
			.with(csrf())
			.param("password", TestPeople.PASSWORD)
			.exchange();
		String html = this.mvc.get()
			.uri("/accounts/confirm/continue")
			.cookie(TestPeople.sessionOf(again))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Passwords and codes you typed were not kept")
			.doesNotContain(TestPeople.PASSWORD)
			.doesNotContain("a-much-newer-password-1");
	}

	private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder post(String uri,
			Person person) {
		return this.mvc.post().uri(uri).with(this.people.signedInAt(person, this.longAgo)).with(csrf());
	}

	private long granted(Person client) {
		return this.jdbc.sql("SELECT COUNT(*) FROM share_grant WHERE owner_id = :id AND revoked_at IS NULL")
			.param("id", client.id().value())
			.query(Long.class)
			.single();
	}

	private static String decode(String cookie) {
		return new String(java.util.Base64.getDecoder().decode(cookie));
	}

}
