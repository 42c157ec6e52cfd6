package app.steadfast.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Sign-up and the forgotten-password form cannot tell whether an address has an account:
 * the same answer for both, throttled like sign-in, and the request itself does none of
 * the work that depends on the account (a password hash, a token, an email). That work is
 * held here until the test lets it run, so "what the request did" is observed without a
 * timing race; the password encoder is the real one, counted.
 */
@SteadfastTest
@Import(AccountEnumerationTests.Held.class)
class AccountEnumerationTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HeldWork held;

	@Autowired
	Counted counted;

	@BeforeEach
	void nothingHeld() {
		this.held.runAll();
	}

	@Test
	void signUpAnswersTheSameForANewAndAnExistingAddressAndDoesTheWorkAfterTheAnswer() throws Exception {
		String taken = TestPeople.uniqueEmail("taken");
		Person owner = this.accounts.signUp(taken, "First", TestPeople.PASSWORD, null);
		String fresh = TestPeople.uniqueEmail("fresh");
		int hashes = this.counted.calls.get();

		MvcTestResult existing = signUp(taken.toUpperCase(), "Second", "another-good-passphrase", nextAddress());
		MvcTestResult unused = signUp(fresh, "Second", "another-good-passphrase", nextAddress());

		assertThat(existing.getResponse().getStatus()).isEqualTo(unused.getResponse().getStatus()).isEqualTo(302);
		assertThat(existing.getResponse().getRedirectedUrl()).isEqualTo(unused.getResponse().getRedirectedUrl())
			.isEqualTo("/signup/sent");
		assertThat(existing.getResponse().getContentAsString()).isEqualTo(unused.getResponse().getContentAsString());
		assertThat(this.mvc.get().uri("/signup/sent")).bodyText().contains("Check your email");

		// Nothing that depends on the account happened while the request was answered.
		assertThat(this.counted.calls.get()).as("password hashes during the requests").isEqualTo(hashes);
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(pendingFor(fresh)).isZero();
		assertThat(this.held.size()).isEqualTo(2);

		this.held.runAll();
		assertThat(this.counted.calls.get()).as("the new address's password is hashed afterwards")
			.isEqualTo(hashes + 1);
		assertThat(pendingFor(fresh)).isOne();
		MimeMessage toOwner = mailTo(taken);
		assertThat(toOwner.getSubject()).contains("Someone tried to create");
		assertThat(String.valueOf(toOwner.getContent())).contains("Hello First", "You already have one", "/login",
				"/accounts/forgot");
		assertThat(String.valueOf(mailTo(fresh).getContent())).contains("/signup/confirm?token=");
		Person unchanged = this.accounts.findByEmail(taken).orElseThrow();
		assertThat(unchanged.displayName()).isEqualTo("First");
		assertThat(unchanged.id()).isEqualTo(owner.id());
		assertThat(this.accounts.findByEmail(fresh)).as("made only once the link is followed").isEmpty();
	}

	@Test
	void theResetFormAnswersTheSameAndIssuesNoTokenWhileAnswering() throws Exception {
		String email = TestPeople.uniqueEmail("reset");
		Person person = this.accounts.signUp(email, "Noah", TestPeople.PASSWORD, null);
		String unknown = TestPeople.uniqueEmail("unknown");

		MvcTestResult known = forgot(email, nextAddress());
		MvcTestResult other = forgot(unknown, nextAddress());
		assertThat(known.getResponse().getStatus()).isEqualTo(other.getResponse().getStatus()).isEqualTo(200);
		assertThat(mainOf(known).replace(email, "ADDRESS")).isEqualTo(mainOf(other).replace(unknown, "ADDRESS"));
		assertThat(tokensOf(person)).as("tokens issued while answering").isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();

		this.held.runAll();
		assertThat(tokensOf(person)).isOne();
		assertThat(mailTo(email).getSubject()).contains("Reset your");
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void signUpAndResetAreThrottledPerAddressTypedAndPerNetworkAddressAlike() throws Exception {
		String email = TestPeople.uniqueEmail("many");
		for (int i = 0; i < 5; i++) {
			assertThat(forgot(email, nextAddress()).getResponse().getStatus()).isEqualTo(200);
			assertThat(signUp(email, "Many", "another-good-passphrase", nextAddress()))
				.hasRedirectedUrl("/signup/sent");
		}
		MvcTestResult reset = forgot(email, nextAddress());
		assertThat(reset).hasStatus(429);
		assertThat(reset).bodyText().contains("too many requests");
		MvcTestResult signUp = signUp(email, "Many", "another-good-passphrase", nextAddress());
		assertThat(signUp).hasStatus(429);
		assertThat(signUp).bodyText().contains("too many sign-up requests", "value=\"Many\"");

		// One network address spraying many addresses, whether they have accounts or not.
		String network = nextAddress();
		for (int i = 0; i < 20; i++) {
			String typed = (i % 2 == 0) ? TestPeople.uniqueEmail("spray")
					: this.accounts.signUp(TestPeople.uniqueEmail("real"), "Real", TestPeople.PASSWORD, null).email();
			assertThat(forgot(typed, network).getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(forgot(TestPeople.uniqueEmail("spray"), network)).hasStatus(429);
		this.held.runAll();
	}

	@Test
	void aNewAddressFinishesSigningUpThroughTheEmailedLinkWithItsPassword() throws Exception {
		String email = TestPeople.uniqueEmail("finish");
		signUp(email, "Marcus", TestPeople.PASSWORD, nextAddress());
		this.held.runAll();
		String link = String.valueOf(mailTo(email).getContent())
			.replaceAll("(?s).*(/signup/confirm\\?token=[A-Za-z0-9_-]+).*", "$1");
		String token = link.substring(link.indexOf('=') + 1);
		assertThat(this.mvc.get().uri(link)).bodyText().contains("Welcome, Marcus", "type the password you chose");

		MvcTestResult wrong = confirm(token, "not-the-password");
		assertThat(wrong).hasStatusOk();
		assertThat(wrong).bodyText().contains("id=\"password-error\"", "the password you chose");
		assertThat(this.accounts.findByEmail(email)).isEmpty();

		MvcTestResult done = confirm(token, TestPeople.PASSWORD);
		assertThat(done).hasRedirectedUrl("/?welcome");
		assertThat(this.mvc.get().uri("/?welcome").cookie(TestPeople.sessionOf(done))).bodyText()
			.contains("Welcome, Marcus", "Your account is ready.");
		assertThat(this.accounts.findByEmail(email)).isPresent();
		assertThat(confirm(token, TestPeople.PASSWORD)).bodyText().contains("This link no longer works");
	}

	private MvcTestResult confirm(String token, String password) {
		return this.mvc.post()
			.uri("/signup/confirm")
			.with(csrf())
			.param("token", token)
			.param("password", password)
			.exchange();
	}

	private MvcTestResult signUp(String email, String name, String password, String address) {
		return this.mvc.post().uri("/signup").with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		})
			.param("email", email)
			.param("displayName", name)
			.param("password", password)
			.param("path", "DOING_THE_WORK")
			.exchange();
	}

	private MvcTestResult forgot(String email, String address) {
		return this.mvc.post().uri("/accounts/forgot").with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).param("email", email).exchange();
	}

	private static String nextAddress() {
		int n = addresses.incrementAndGet();
		return "198.51." + (100 + n / 250 % 100) + "." + (n % 250 + 1);
	}

	private long pendingFor(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sign_up_request WHERE email = :email")
			.param("email", Account.normalise(email))
			.query(Long.class)
			.single();
	}

	private long tokensOf(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM password_token WHERE account_id = :id")
			.param("id", person.id().value())
			.query(Long.class)
			.single();
	}

	private static MimeMessage mailTo(String email) throws Exception {
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
				return message;
			}
		}
		throw new AssertionError("No email to " + email);
	}

	private static String mainOf(MvcTestResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		return body.substring(body.indexOf("<main"), body.indexOf("</main>"))
			.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "CSRF");
	}

	/** Work after the answer waits until the test runs it, on the test's thread. */
	static final class HeldWork extends AfterResponse {

		private final List<Runnable> queue = new ArrayList<>();

		@Override
		synchronized void run(Runnable work) {
			this.queue.add(work);
		}

		synchronized int size() {
			return this.queue.size();
		}

		void runAll() {
			List<Runnable> due;
			synchronized (this) {
				due = new ArrayList<>(this.queue);
				this.queue.clear();
			}
			due.forEach(Runnable::run);
		}

	}

	/** Counts the real encoder's hashing and checking. */
	static final class Counted {

		final AtomicInteger calls = new AtomicInteger();

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Held {

		@Bean
		@Primary
		HeldWork heldWork() {
			return new HeldWork();
		}

		@Bean
		Counted counted() {
			return new Counted();
		}

		@Bean
		static BeanPostProcessor countPasswordHashing(
				org.springframework.beans.factory.ObjectProvider<Counted> counted) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof PasswordEncoder encoder) || bean instanceof CountingEncoder) {
						return bean;
					}
					return new CountingEncoder(encoder, counted);
				}
			};
		}

	}

	record CountingEncoder(PasswordEncoder encoder,
			org.springframework.beans.factory.ObjectProvider<Counted> counted) implements PasswordEncoder {

		@Override
		public String encode(CharSequence raw) {
			this.counted.getObject().calls.incrementAndGet();
			return this.encoder.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.counted.getObject().calls.incrementAndGet();
			return this.encoder.matches(raw, encoded);
		}

		@Override
		public boolean upgradeEncoding(String encoded) {
			return this.encoder.upgradeEncoding(encoded);
		}

	}

}
