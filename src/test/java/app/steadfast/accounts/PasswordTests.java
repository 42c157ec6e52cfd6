package app.steadfast.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Resetting a forgotten password by emailed link (through a real SMTP server in-process)
 * and changing a password while signed in.
 */
@SteadfastTest
class PasswordTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern LINK = Pattern
		.compile("http://localhost:8080(/accounts/reset\\?token=([A-Za-z0-9_-]+))");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResetLinkIsEmailedAndTheAnswerIsTheSameForAnUnknownAddress() throws Exception {
		String email = TestPeople.uniqueEmail("reset");
		this.accounts.signUp(email, "Noah", TestPeople.PASSWORD, null);

		MvcTestResult known = forgot(email);
		MvcTestResult unknown = forgot(TestPeople.uniqueEmail("unknown"));
		assertThat(known).hasStatusOk();
		assertThat(unknown).hasStatusOk();
		// The same page, word for word, but for the address typed and the form's CSRF
		// token.
		assertThat(mainOf(known).replace(email, "ADDRESS"))
			.isEqualTo(mainOf(unknown).replaceAll("unknown-[0-9a-f-]+@example.org", "ADDRESS"))
			.contains("If an account uses that address");

		List<MimeMessage> received = mailsTo(email, 1);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).contains("Reset your");
		assertThat(String.valueOf(received.get(0).getContent())).contains("30 minutes");
	}

	@Test
	void aResetLinkSetsANewPasswordOnceAndEndsEverySession() throws Exception {
		String email = TestPeople.uniqueEmail("once");
		this.accounts.signUp(email, "Ari", TestPeople.PASSWORD, null);
		Cookie oldSession = signIn(email, TestPeople.PASSWORD);

		forgot(email);
		String path = linkIn(mailsTo(email, 1).get(0)).group(1);
		String token = linkIn(mailsTo(email, 1).get(0)).group(2);
		assertThat(this.mvc.get().uri(path)).bodyText().contains("Choose a new password");

		MvcTestResult weak = reset(token, "12345678");
		assertThat(weak).hasStatusOk();
		assertThat(weak).bodyText().contains("id=\"password-error\"", "one of the most common ones");

		assertThat(reset(token, "a-brand-new-passphrase")).hasRedirectedUrl("/login?reset");
		assertThat(this.mvc.get().uri("/accounts/password").cookie(oldSession)).hasStatus(302);
		assertThat(signInResult(email, TestPeople.PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(signInResult(email, "a-brand-new-passphrase")).hasRedirectedUrl("/");

		assertThat(this.mvc.get().uri(path)).bodyText().contains("This link no longer works");
		assertThat(reset(token, "yet-another-passphrase")).bodyText().contains("This link no longer works");
		assertThat(signInResult(email, "yet-another-passphrase")).hasRedirectedUrl("/login?error");
	}

	@Test
	void anExpiredLinkNoLongerWorks() throws Exception {
		String email = TestPeople.uniqueEmail("expired");
		this.accounts.signUp(email, "Eli", TestPeople.PASSWORD, null);
		forgot(email);
		String token = linkIn(mailsTo(email, 1).get(0)).group(2);
		this.jdbc.sql("UPDATE password_token SET expires_at = :past WHERE token_hash = :hash")
			.param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
			.param("hash", PasswordTokens.hash(token))
			.update();
		assertThat(reset(token, "a-brand-new-passphrase")).bodyText().contains("This link no longer works");
		assertThat(signInResult(email, TestPeople.PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void aNewerLinkReplacesAnOlderOne() throws Exception {
		String email = TestPeople.uniqueEmail("twice");
		this.accounts.signUp(email, "Max", TestPeople.PASSWORD, null);
		forgot(email);
		mailsTo(email, 1);
		forgot(email);
		List<String> tokens = mailsTo(email, 2).stream().map((m) -> linkIn(m).group(2)).toList();
		assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
		assertThat(reset(tokens.get(0), "a-brand-new-passphrase")).bodyText().contains("This link no longer works");
		assertThat(reset(tokens.get(1), "a-brand-new-passphrase")).hasRedirectedUrl("/login?reset");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessionsOnly() {
		String email = TestPeople.uniqueEmail("change");
		this.accounts.signUp(email, "Ben", TestPeople.PASSWORD, null);
		Cookie laptop = signIn(email, TestPeople.PASSWORD);
		Cookie phone = signIn(email, TestPeople.PASSWORD);

		MvcTestResult wrong = change(phone, "not-my-password", "fresh-start-passphrase");
		assertThat(wrong).hasStatusOk();
		assertThat(wrong).bodyText().contains("id=\"currentPassword-error\"", "That isn&#39;t your current password.");

		MvcTestResult tooShort = change(phone, TestPeople.PASSWORD, "short");
		assertThat(tooShort).bodyText().contains("id=\"newPassword-error\"", "Use at least 8 characters");

		assertThat(change(phone, TestPeople.PASSWORD, "fresh-start-passphrase")).hasRedirectedUrl("/accounts/password");
		assertThat(this.mvc.get().uri("/accounts/password").cookie(phone)).hasStatusOk()
			.bodyText()
			.contains("Your password is changed.");
		assertThat(this.mvc.get().uri("/accounts/password").cookie(laptop)).hasStatus(302);
		assertThat(signInResult(email, "fresh-start-passphrase")).hasRedirectedUrl("/");
	}

	@Test
	void theChangePasswordPageIsOnlyForSignedInPeople() {
		assertThat(this.mvc.get().uri("/accounts/password")).hasStatus(302).hasRedirectedUrl("/login");
		assertThat(this.mvc.post()
			.uri("/accounts/password")
			.with(csrf())
			.param("currentPassword", "x")
			.param("newPassword", "fresh-start-passphrase")).hasStatus(302);
	}

	private MvcTestResult forgot(String email) {
		return this.mvc.post().uri("/accounts/forgot").with(csrf()).param("email", email).exchange();
	}

	/**
	 * The emails to that address once there are this many: they go out after the answer,
	 * and one from an earlier test may still land in this test's server.
	 */
	private static List<MimeMessage> mailsTo(String email, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> Arrays.stream(smtp.getReceivedMessages())
				.filter((m) -> recipient(m).equalsIgnoreCase(email))
				.toList(), (mails) -> mails.size() >= count);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MvcTestResult reset(String token, String password) {
		return this.mvc.post()
			.uri("/accounts/reset")
			.with(csrf())
			.param("token", token)
			.param("password", password)
			.exchange();
	}

	private MvcTestResult change(Cookie session, String current, String next) {
		return this.mvc.post()
			.uri("/accounts/password")
			.cookie(session)
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.exchange();
	}

	private MvcTestResult signInResult(String email, String password) {
		return this.mvc.post().uri("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr("192.0.2.20");
			return request;
		}).param("email", email).param("password", password).exchange();
	}

	private Cookie signIn(String email, String password) {
		return TestPeople.sessionOf(signInResult(email, password));
	}

	private static String mainOf(MvcTestResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		return body.substring(body.indexOf("<main"), body.indexOf("</main>"))
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "CSRF");
	}

	private static Matcher linkIn(MimeMessage message) {
		try {
			Matcher matcher = LINK.matcher(String.valueOf(message.getContent()));
			assertThat(matcher.find()).as("a reset link in the email").isTrue();
			return matcher;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
