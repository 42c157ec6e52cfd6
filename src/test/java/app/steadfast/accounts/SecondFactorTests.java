package app.steadfast.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
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
 * Two-step sign-in: staff need an authenticator code (or a passkey) after the password
 * and reach no other page until they give it; codes work once and are throttled; recovery
 * codes work once and are kept hashed; secrets are sealed at rest; clients may turn the
 * app on and off themselves; every change is audited.
 */
@SteadfastTest
class SecondFactorTests {

	private static final Pattern CODES = Pattern.compile("<code>([a-z0-9]{5}-[a-z0-9]{5})</code>");

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

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
	void aTherapistsPasswordAloneOpensNothingButTheCodePage() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		MvcTestResult password = passwordStep(therapist.email());
		assertThat(password).hasRedirectedUrl("/login/code");
		Cookie half = TestPeople.sessionOf(password);
		for (String page : List.of("/", "/care", "/consultations", "/accounts/security", "/accounts/password")) {
			assertThat(this.mvc.get().uri(page).cookie(half)).as(page).hasRedirectedUrl("/login/code");
		}
		assertThat(this.mvc.get().uri("/login/code").cookie(half)).bodyText().contains("One more step");

		MvcTestResult wrong = code(half,
				"000000".equals(TestPeople.totpCode(Instant.now().getEpochSecond() / 30)) ? "111111" : "000000");
		assertThat(wrong).hasStatusOk();
		assertThat(wrong).bodyText().contains("t match. Type the newest code");
		assertThat(this.mvc.get().uri("/care").cookie(half)).hasRedirectedUrl("/login/code");

		String right = TestPeople.nextCode(therapist.email());
		MvcTestResult done = code(half, right);
		assertThat(done.getResponse().getRedirectedUrl()).isIn("/", "http://localhost/care");
		Cookie session = TestPeople.sessionOf(done);
		assertThat(session.getValue()).as("a new session id after the second step").isNotEqualTo(half.getValue());
		assertThat(this.mvc.get().uri("/care").cookie(session)).hasStatusOk();

		// The same code cannot open a second sign-in.
		Cookie again = TestPeople.sessionOf(passwordStep(therapist.email()));
		assertThat(code(again, right)).bodyText().contains("t match. Type the newest code");
		assertThat(actions(therapist)).contains("SECOND_FACTOR_FAILED", "SIGNED_IN");
	}

	@Test
	void aSignInIsAuditedOnlyOnceEveryFactorPassed() {
		Person admin = this.people.withRole(Role.ADMIN);
		Cookie half = TestPeople.sessionOf(passwordStep(admin.email()));
		assertThat(actions(admin)).as("after the password").contains("PASSWORD_ACCEPTED").doesNotContain("SIGNED_IN");
		code(half, "000000".equals(TestPeople.totpCode(Instant.now().getEpochSecond() / 30)) ? "111111" : "000000");
		assertThat(actions(admin)).as("after a wrong code")
			.contains("SECOND_FACTOR_FAILED")
			.doesNotContain("SIGNED_IN");

		code(half, TestPeople.nextCode(admin.email()));
		assertThat(actions(admin)).as("after the right code").containsOnlyOnce("SIGNED_IN");

		// A client's password is his whole sign-in.
		Person client = this.people.client();
		TestPeople.signInThroughForms(this.mvc, client.email());
		assertThat(actions(client)).containsOnlyOnce("SIGNED_IN").doesNotContain("PASSWORD_ACCEPTED");
	}

	@Test
	void wrongCodesAreThrottledEvenBeforeTheRightOne() {
		Person admin = this.people.withRole(Role.ADMIN);
		Cookie half = TestPeople.sessionOf(passwordStep(admin.email()));
		for (int i = 0; i < 5; i++) {
			code(half, "12345" + i);
		}
		MvcTestResult throttled = code(half, TestPeople.nextCode(admin.email()));
		assertThat(throttled).bodyText().contains("Too many wrong codes");
		assertThat(this.mvc.get().uri("/admin/staff").cookie(half)).hasRedirectedUrl("/login/code");
		assertThat(actions(admin)).contains("SECOND_FACTOR_THROTTLED");
	}

	@Test
	void aConfirmationSentAgainFindsTheAppSetUpAndNoErrorPage() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		assertThat(this.mvc.post()
			.uri("/accounts/security/authenticator/confirm")
			.with(this.people.signedIn(therapist))
			.with(csrf())
			.param("code", "000000")).hasRedirectedUrl("/accounts/security");
	}

	@Test
	void aClientTurnsTheAppOnWithRecoveryCodesThatWorkOnceAndAreKeptHashed() throws Exception {
		Person client = this.people.client();
		Cookie session = TestPeople.signInThroughForms(this.mvc, client.email());
		MvcTestResult setup = this.mvc.post()
			.uri("/accounts/security/authenticator")
			.cookie(session)
			.with(csrf())
			.exchange();
		String page = setup.getResponse().getContentAsString();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).isTrue();
		String base32 = secret.group(1).replace(" ", "");
		assertThat(page).contains("otpauth://totp/").contains("secret=" + base32);
		// Sealed at rest: the secret is not in the table in any readable form.
		String stored = this.jdbc.sql("SELECT secret FROM totp_enrolment WHERE account_id = :id")
			.param("id", client.id().value())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(base32).doesNotContain(secret.group(1));

		long step = Instant.now().getEpochSecond() / 30;
		MvcTestResult confirmed = this.mvc.post()
			.uri("/accounts/security/authenticator/confirm")
			.cookie(session)
			.with(csrf())
			.param("code", TestPeople.totpCode(base32, step))
			.exchange();
		Matcher found = CODES.matcher(confirmed.getResponse().getContentAsString());
		List<String> codes = found.results().map((m) -> m.group(1)).toList();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		List<String> hashes = this.jdbc.sql("SELECT code_hash FROM recovery_code WHERE account_id = :id")
			.param("id", client.id().value())
			.query(String.class)
			.list();
		assertThat(hashes).hasSize(10).allMatch((h) -> h.matches("[0-9a-f]{64}"));
		assertThat(String.join(",", hashes)).doesNotContain(codes.get(0).replace("-", ""));
		assertThat(actions(client)).contains("MFA_ENABLED");

		// From now on his password alone is not enough.
		MvcTestResult password = passwordStep(client.email());
		assertThat(password).hasRedirectedUrl("/login/code");
		Cookie half = TestPeople.sessionOf(password);
		MvcTestResult recovered = code(half, codes.get(3).toUpperCase());
		assertThat(recovered).hasRedirectedUrl("/accounts/security?recovery");
		assertThat(actions(client)).contains("RECOVERY_CODE_USED");
		Cookie second = TestPeople.sessionOf(passwordStep(client.email()));
		assertThat(code(second, codes.get(3))).bodyText().contains("t match. Type the newest code");

		// He turns it off: the password is enough again, and the codes are gone.
		Cookie fresh = TestPeople.sessionOf(recovered);
		assertThat(this.mvc.post().uri("/accounts/security/authenticator/off").cookie(fresh).with(csrf()))
			.hasRedirectedUrl("/accounts/security");
		assertThat(passwordStep(client.email())).hasRedirectedUrl("/");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE account_id = :id")
			.param("id", client.id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(actions(client)).contains("MFA_DISABLED");
	}

	@Test
	void staffCannotTurnTheirOnlySecondFactorOff() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		assertThat(this.mvc.post()
			.uri("/accounts/security/authenticator/off")
			.with(this.people.signedIn(therapist))
			.with(csrf())).flash().containsKey("notice");
		assertThat(passwordStep(therapist.email())).hasRedirectedUrl("/login/code");
		assertThat(actions(therapist)).doesNotContain("MFA_DISABLED");
	}

	@Test
	void aVisitorOnTheCodePageIsSentToSignIn() {
		assertThat(this.mvc.get().uri("/login/code")).hasRedirectedUrl("/login");
		assertThat(this.mvc.post().uri("/login/code").with(csrf()).param("code", "123456")).hasRedirectedUrl("/login");
	}

	private MvcTestResult passwordStep(String email) {
		return this.mvc.post()
			.uri("/login")
			.with(csrf())
			.param("email", email)
			.param("password", TestPeople.PASSWORD)
			.exchange();
	}

	private MvcTestResult code(Cookie session, String code) {
		return this.mvc.post().uri("/login/code").cookie(session).with(csrf()).param("code", code).exchange();
	}

	private List<String> actions(Person person) {
		UUID id = person.id().value();
		return this.jdbc.sql(
				"SELECT action FROM audit_event WHERE subject_id = (SELECT alias FROM audit_alias WHERE account_id = :id)")
			.param("id", id)
			.query(String.class)
			.list();
	}

}
