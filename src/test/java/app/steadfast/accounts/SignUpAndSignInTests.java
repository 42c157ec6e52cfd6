package app.steadfast.accounts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SteadfastTest
class SignUpAndSignInTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern CONFIRM = Pattern
		.compile("http://localhost:8080(/signup/confirm\\?token=([A-Za-z0-9_-]+))");

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Test
	void aNewClientSignsUpThroughTheEmailedLinkAndIsThenSignedIn() throws Exception {
		String email = TestPeople.uniqueEmail("Signup").toUpperCase();
		MvcTestResult result = signUp(email, "  Marcus ", TestPeople.PASSWORD);
		assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/signup/sent");
		MimeMessage mail = mailTo(email.toLowerCase());
		Matcher link = CONFIRM.matcher(String.valueOf(mail.getContent()));
		assertThat(link.find()).as("a link to finish signing up").isTrue();
		assertThat(this.mvc.get().uri(link.group(1))).bodyText().contains("Welcome, Marcus");

		MvcTestResult done = this.mvc.post()
			.uri("/signup/confirm")
			.with(csrf())
			.param("token", link.group(2))
			.param("password", TestPeople.PASSWORD)
			.exchange();
		assertThat(done).hasRedirectedUrl("/?welcome");
		assertThat(this.mvc.get().uri("/?welcome").cookie(TestPeople.sessionOf(done))).bodyText()
			.contains("Welcome, Marcus", "Your account is ready.");
		Person person = this.accounts.findByEmail(email).orElseThrow();
		assertThat(person.displayName()).isEqualTo("Marcus");
		assertThat(person.role()).isEqualTo(Role.CLIENT);
		assertThat(person.email()).isEqualTo(email.toLowerCase());
		assertThat(actionsAbout(person)).contains(AuditAction.SIGNED_UP, AuditAction.SIGNED_IN);
	}

	@Test
	void theAccountGetsTheZoneHisBrowserNamedOrThePractices() throws Exception {
		assertThat(this.mvc.get().uri("/signup")).bodyText().contains("name=\"zone\"", "data-browser-zone");
		String sydney = TestPeople.uniqueEmail("sydney");
		String nowhere = TestPeople.uniqueEmail("nowhere");
		String without = TestPeople.uniqueEmail("without");
		assertThat(signUp(sydney, "Ari", TestPeople.PASSWORD, "Australia/Sydney")).hasRedirectedUrl("/signup/sent");
		assertThat(signUp(nowhere, "Sam", TestPeople.PASSWORD, "Nowhere/At_All")).hasRedirectedUrl("/signup/sent");
		assertThat(signUp(without, "Jo", TestPeople.PASSWORD)).hasRedirectedUrl("/signup/sent");
		assertThat(this.accounts.zone(confirmed(sydney).id())).isEqualTo(java.time.ZoneId.of("Australia/Sydney"));
		assertThat(this.accounts.zone(confirmed(nowhere).id())).isEqualTo(java.time.ZoneId.of("UTC"));
		assertThat(this.accounts.zone(confirmed(without).id())).isEqualTo(java.time.ZoneId.of("UTC"));
	}

	@Test
	void aCommonPasswordIsRefusedNextToItsFieldAndTheOtherInputIsKept() {
		String email = TestPeople.uniqueEmail("common");
		MvcTestResult result = signUp(email, "Dev", "Password1");
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"password-error\"", "one of the most common ones")
			.contains("value=\"" + email + "\"", "value=\"Dev\"");
		assertThat(this.accounts.findByEmail(email)).isEmpty();
	}

	@Test
	void passwordLengthIsEightToOneHundredTwentyEightWithoutCompositionRules() {
		assertThat(signUp(TestPeople.uniqueEmail("short"), "Al", "abc1234")).bodyText()
			.contains("Use at least 8 characters");
		assertThat(signUp(TestPeople.uniqueEmail("long"), "Al", "a".repeat(129))).bodyText()
			.contains("Use at most 128 characters");
		assertThat(signUp(TestPeople.uniqueEmail("lowercase"), "Al", "onlylowercaseletters")).hasStatus3xxRedirection();
		assertThat(signUp(TestPeople.uniqueEmail("max"), "Al", "b".repeat(128))).hasStatus3xxRedirection();
	}

	@Test
	void missingAndMalformedFieldsAreExplainedAndNothingIsCreated() {
		MvcTestResult result = signUp("not-an-email", "", TestPeople.PASSWORD);
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"email-error\"", "That doesn’t look like an email address.")
			.contains("id=\"displayName-error\"", "Tell us what to call you.")
			.contains("value=\"not-an-email\"");
		assertThat(this.accounts.findByEmail("not-an-email")).isEmpty();
	}

	@Test
	void anEmailInUseGetsTheSameAnswerItsOwnerIsToldAndNothingChanges() throws Exception {
		String email = TestPeople.uniqueEmail("taken");
		Person first = this.accounts.signUp(email, "First", TestPeople.PASSWORD, null);
		MvcTestResult second = signUp(email.toUpperCase(), "Second", "another-good-password");
		assertThat(second).hasRedirectedUrl("/signup/sent");
		assertThat(second.getResponse().getContentAsString()).doesNotContain("already");
		MimeMessage told = mailTo(email);
		assertThat(String.valueOf(told.getContent())).contains("You already have one", "/accounts/forgot");
		assertThat(this.accounts.findByEmail(email).orElseThrow().displayName()).isEqualTo("First");
		assertThat(actionsAbout(first)).contains(AuditAction.SIGN_UP_FOR_EXISTING_ACCOUNT);
	}

	@Test
	void signingInAndOutWorksAndAWrongPasswordGetsTheGenericAnswer() {
		String email = TestPeople.uniqueEmail("signin");
		this.accounts.signUp(email, "Ray", TestPeople.PASSWORD, null);

		MvcTestResult wrong = signIn(email, "not-the-password");
		assertThat(wrong).hasRedirectedUrl("/login?error");
		MvcTestResult unknown = signIn(TestPeople.uniqueEmail("nobody"), "not-the-password");
		assertThat(unknown).hasRedirectedUrl("/login?error");
		assertThat(this.mvc.get().uri("/login?error")).bodyText()
			.contains("That email and password don't match an account, or there have been too many tries.");

		MvcTestResult right = signIn(email, TestPeople.PASSWORD);
		assertThat(right).hasRedirectedUrl("/");
		Cookie session = TestPeople.sessionOf(right);
		assertThat(this.mvc.get().uri("/").cookie(session)).bodyText().contains("Welcome, Ray");

		MvcTestResult out = this.mvc.post().uri("/logout").cookie(session).with(csrf()).exchange();
		assertThat(out).hasRedirectedUrl("/login?signedout");
		assertThat(this.mvc.get().uri("/accounts/password").cookie(session)).hasStatus(302);
	}

	@Test
	void repeatedFailuresThrottleTheAccountEvenForTheRightPasswordWithTheSameAnswer() {
		String email = TestPeople.uniqueEmail("throttle");
		Person person = this.accounts.signUp(email, "Lee", TestPeople.PASSWORD, null);
		for (int i = 0; i < 5; i++) {
			assertThat(signIn(email, "wrong-guess-" + i, "10.0.0." + i)).hasRedirectedUrl("/login?error");
		}
		MvcTestResult throttled = signIn(email, TestPeople.PASSWORD, "10.0.1.1");
		assertThat(throttled).hasRedirectedUrl("/login?error");
		assertThat(actionsAbout(person)).contains(AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN_THROTTLED);
	}

	@Test
	void repeatedFailuresFromOneAddressThrottleThatAddress() {
		String address = "10.9.8.7";
		String email = TestPeople.uniqueEmail("victim");
		this.accounts.signUp(email, "Kai", TestPeople.PASSWORD, null);
		for (int i = 0; i < 20; i++) {
			signIn(TestPeople.uniqueEmail("spray"), "guess-" + i, address);
		}
		assertThat(signIn(email, TestPeople.PASSWORD, address)).hasRedirectedUrl("/login?error");
		assertThat(signIn(email, TestPeople.PASSWORD, "10.9.8.6")).hasRedirectedUrl("/");
	}

	@Test
	void theSignInPageAndSignUpPageSendASignedInPersonHome() {
		String email = TestPeople.uniqueEmail("home");
		this.accounts.signUp(email, "Jo", TestPeople.PASSWORD, null);
		Cookie session = TestPeople.sessionOf(signIn(email, TestPeople.PASSWORD));
		assertThat(this.mvc.get().uri("/login").cookie(session)).hasRedirectedUrl("/");
		assertThat(this.mvc.get().uri("/signup").cookie(session)).hasRedirectedUrl("/");
	}

	private MvcTestResult signUp(String email, String name, String password) {
		return signUp(email, name, password, null);
	}

	private MvcTestResult signUp(String email, String name, String password, String zone) {
		int n = addresses.incrementAndGet();
		var request = this.mvc.post().uri("/signup").with(csrf()).with((r) -> {
			// Sign-up requests are counted per network address: each its own.
			r.setRemoteAddr("198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
			return r;
		}).param("email", email).param("displayName", name).param("password", password).param("path", "DOING_THE_WORK");
		return (zone != null) ? request.param("zone", zone).exchange() : request.exchange();
	}

	private Person confirmed(String email) throws Exception {
		Matcher link = CONFIRM.matcher(String.valueOf(mailTo(email).getContent()));
		assertThat(link.find()).as("a link to finish signing up").isTrue();
		int n = addresses.incrementAndGet();
		assertThat(this.mvc.post().uri("/signup/confirm").with(csrf()).with((request) -> {
			// Wrong passwords are counted per network address: each its own.
			request.setRemoteAddr("198.18." + (n / 250 % 250) + "." + (n % 250 + 1));
			return request;
		}).param("token", link.group(2)).param("password", TestPeople.PASSWORD)).hasRedirectedUrl("/?welcome");
		return this.accounts.findByEmail(email).orElseThrow();
	}

	private MvcTestResult signIn(String email, String password) {
		// A documentation address (TEST-NET-1): the browser test signs in from 127.0.0.1.
		return signIn(email, password, "192.0.2.10");
	}

	private MvcTestResult signIn(String email, String password, String address) {
		return this.mvc.post().uri("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).param("email", email).param("password", password).exchange();
	}

	/**
	 * The email to that address: it goes out after the answer, and one from an earlier
	 * test may still land in this test's server.
	 */
	private static MimeMessage mailTo(String email) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(smtp.getReceivedMessages()).filter((m) -> {
				try {
					return m.getAllRecipients()[0].toString().equals(email);
				}
				catch (jakarta.mail.MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}).findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
	}

	private List<AuditAction> actionsAbout(Person person) {
		return this.audit.about(person.id().value(), 50).stream().map(AuditRecord::action).toList();
	}

}
