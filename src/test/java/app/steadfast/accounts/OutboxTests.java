package app.steadfast.accounts;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.OutboxMessage;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Role;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox tells the admin who was sent what kind of email and when, never a link that
 * works: a reset or invitation kept there stays in its .eml file for its owner. No SMTP
 * server listens in this class, so mail is kept.
 */
@SteadfastTest
class OutboxTests {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	Postbox postbox;

	@Autowired
	Environment environment;

	@Test
	void theAdminSeesWhoWhenAndWhatKindButNoWorkingLinkOfSomeoneElses() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person admin = people.withRole(Role.ADMIN);
		Person client = people.client();
		this.mvc.post()
			.uri("/accounts/forgot")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.with((request) -> {
				request.setRemoteAddr("192.0.2.77");
				return request;
			})
			.param("email", client.email())
			.exchange();
		OutboxMessage kept = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.postbox.outbox().stream().filter((m) -> m.to().equals(client.email())).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();

		// The owner's own copy, in the folder on the server, holds a live link.
		Path file = Path.of(this.environment.getRequiredProperty("steadfast.mail.outbox")).resolve(kept.name());
		String token;
		try (InputStream in = Files.newInputStream(file)) {
			Matcher link = TOKEN
				.matcher(String.valueOf(new MimeMessage(Session.getInstance(new Properties()), in).getContent()));
			assertThat(link.find()).as("a reset link in the kept email").isTrue();
			token = link.group(1);
		}
		assertThat(this.mvc.get().uri("/accounts/reset?token={token}", token)).bodyText()
			.as("the kept link works")
			.contains("Choose a new password");

		String list = this.mvc.get()
			.uri("/admin/outbox")
			.with(people.signedIn(admin))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(client.email(), kept.subject()).doesNotContain(token);
		String message = this.mvc.get()
			.uri("/admin/outbox/{name}", kept.name())
			.with(people.signedIn(admin))
			.exchange()
			.getResponse()
			.getContentAsString();
		assertThat(message).contains(client.email(), kept.subject())
			.doesNotContain(token)
			.doesNotContain("token=")
			.doesNotContain("/accounts/reset?");
	}

}
