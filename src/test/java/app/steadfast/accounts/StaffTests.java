package app.steadfast.accounts;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Admins create staff accounts (the invitation goes out by email) and move them between
 * roles.
 */
@SteadfastTest
class StaffTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern LINK = Pattern.compile("(/accounts/reset\\?token=[A-Za-z0-9_-]+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person admin;

	@BeforeEach
	void admin() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.admin = this.people.withRole(Role.ADMIN);
	}

	@Test
	void anAdminCreatesATherapistWhoChoosesAPasswordThroughTheEmailedLink() throws Exception {
		String email = TestPeople.uniqueEmail("therapist");
		MvcTestResult created = this.mvc.post()
			.uri("/admin/staff")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("email", email)
			.param("displayName", "Dr. Rivera")
			.param("role", "THERAPIST")
			.exchange();
		assertThat(created).hasRedirectedUrl("/admin/staff");
		Person therapist = this.accounts.findByEmail(email).orElseThrow();
		assertThat(therapist.role()).isEqualTo(Role.THERAPIST);

		assertThat(smtp.getReceivedMessages()).hasSize(1);
		String text = String.valueOf(smtp.getReceivedMessages()[0].getContent());
		assertThat(text).contains("Hello Dr. Rivera", "7 days");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).isTrue();
		String token = link.group(1).substring(link.group(1).indexOf('=') + 1);

		assertThat(this.mvc.get().uri(link.group(1))).bodyText().contains("Choose your password");
		assertThat(this.mvc.post()
			.uri("/accounts/reset")
			.with(csrf())
			.param("token", token)
			.param("password", "listening-is-the-job")).hasRedirectedUrl("/login?reset");

		MvcTestResult signIn = this.mvc.post()
			.uri("/login")
			.with(csrf())
			.param("email", email)
			.param("password", "listening-is-the-job")
			.exchange();
		// A new staff member has no second factor yet: he sets up an app before anything
		// else opens.
		assertThat(signIn).hasRedirectedUrl("/login/code");
		Cookie half = TestPeople.sessionOf(signIn);
		assertThat(this.mvc.get().uri("/care").cookie(half)).hasRedirectedUrl("/login/code");
		assertThat(this.mvc.get().uri("/").cookie(half)).hasRedirectedUrl("/login/code");
		String setup = this.mvc.get().uri("/login/code").cookie(half).exchange().getResponse().getContentAsString();
		Matcher secret = java.util.regex.Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(setup);
		assertThat(secret.find()).as("the secret is shown as text").isTrue();
		assertThat(setup).contains("otpauth://totp/");
		long step = java.time.Instant.now().getEpochSecond() / 30;
		MvcTestResult enrolled = this.mvc.post()
			.uri("/login/code/setup")
			.cookie(half)
			.with(csrf())
			.param("code", TestPeople.totpCode(secret.group(1), step))
			.exchange();
		assertThat(enrolled).hasStatusOk();
		assertThat(enrolled).bodyText().contains("Your recovery codes");
		Cookie session = TestPeople.sessionOf(enrolled);
		assertThat(this.mvc.get().uri("/").cookie(session)).bodyText()
			.contains("Welcome, Dr. Rivera", "Your caseload starts empty");
		assertThat(actionsAbout(therapist)).contains(AuditAction.MFA_ENABLED);
		assertThat(actionsAbout(therapist)).contains(AuditAction.ACCOUNT_CREATED, AuditAction.PASSWORD_RESET);
	}

	@Test
	void theStaffListShowsStaffButNotClients() {
		Person client = this.people.client();
		MvcTestResult page = this.mvc.get().uri("/admin/staff").with(this.people.signedIn(this.admin)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText().contains(this.admin.email()).doesNotContain(client.email());
	}

	@Test
	void aStaffFormWithProblemsExplainsThemAndKeepsTheInput() {
		MvcTestResult result = this.mvc.post()
			.uri("/admin/staff")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("email", "not an email")
			.param("displayName", "")
			.param("role", "THERAPIST")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"email-error\"", "id=\"displayName-error\"", "value=\"not an email\"");
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void staffAccountsCannotBeClientsOrPartners() {
		MvcTestResult result = this.mvc.post()
			.uri("/admin/staff")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("email", TestPeople.uniqueEmail("nope"))
			.param("displayName", "Someone")
			.param("role", "PARTNER")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("Staff accounts are for therapists and admins.");
	}

	@Test
	void aRoleChangeIsAuditedAndEndsThePersonsSessions() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		Cookie session = TestPeople.signInThroughForms(this.mvc, therapist.email());

		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/role", therapist.id().value())
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("role", "ADMIN")).hasRedirectedUrl("/admin/staff");
		assertThat(this.accounts.find(therapist.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
		assertThat(this.mvc.get().uri("/").cookie(session)).bodyText().doesNotContain("Welcome,");
		assertThat(actionsAbout(therapist)).contains(AuditAction.ROLE_CHANGED);
	}

	@Test
	void aClientsRoleCannotBeChangedHereAndAnUnknownIdIsMissing() {
		Person client = this.people.client();
		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/role", client.id().value())
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("role", "ADMIN")).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/admin/staff/{id}/role", UUID.randomUUID())
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("role", "ADMIN")).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/admin/staff/not-an-id/role")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("role", "ADMIN")).hasStatus(404);
		assertThat(this.accounts.find(client.id()).orElseThrow().role()).isEqualTo(Role.CLIENT);
	}

	@Test
	void onlyAdminsManageStaff() {
		for (Role role : List.of(Role.CLIENT, Role.PARTNER, Role.THERAPIST)) {
			Person person = this.people.withRole(role);
			assertThat(this.mvc.get().uri("/admin/staff").with(this.people.signedIn(person))).hasStatus(403);
			assertThat(this.mvc.post()
				.uri("/admin/staff")
				.with(this.people.signedIn(person))
				.with(csrf())
				.param("email", TestPeople.uniqueEmail("sneaky"))
				.param("displayName", "Sneaky")
				.param("role", "ADMIN")).hasStatus(403);
		}
		assertThat(this.mvc.get().uri("/admin/staff")).hasStatus(302);
	}

	private List<AuditAction> actionsAbout(Person person) {
		return this.audit.about(person.id().value(), 50).stream().map(AuditRecord::action).toList();
	}

}
