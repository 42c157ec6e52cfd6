package app.steadfast.shared;

import java.net.http.HttpResponse;

import app.steadfast.TestPeople;
import app.steadfast.WebClient;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's own answers on a real server: a form larger than the server reads
 * (Tomcat's limit, 2 MB), and error pages a partner sees. Each is the app's page, with
 * the security headers, and nothing goes wrong on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OversizedFormTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Test
	void aSignedInPersonWhoseFormIsTooLargeGetsTheAppsPageWithItsHeaders(CapturedOutput output) {
		String base = "http://127.0.0.1:" + this.port;
		WebClient browser = signedIn(base, new TestPeople(this.accounts, this.jdbc, this.details).client());
		String token = browser.csrfFrom(base + "/checkins/journal");

		HttpResponse<String> answer = browser.postForPage(base + "/checkins/journal", "_csrf", token, "body",
				"I kept writing. ".repeat(200_000));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertSecurityHeaders(answer);
		assertThat(answer.body())
			.contains("That was too long to send", "none of it was saved", "href=\"/crisis\"", "data-history-back",
					"Sign out")
			.doesNotContain("Apache Tomcat", "Payload Too Large");
		// Still signed in, and nothing was saved.
		assertThat(browser.get(base + "/checkins/journal").body()).doesNotContain("I kept writing.");
		assertThat(output.getAll()).doesNotContain(" ERROR ", "TemplateProcessingException", "cannot be found on null",
				"I kept writing.");
	}

	@Test
	void aTooLargeFormFromSomeoneNotSignedInGetsTheSamePage(CapturedOutput output) {
		String base = "http://127.0.0.1:" + this.port;
		WebClient browser = new WebClient();
		String token = browser.csrfFrom(base + "/consultation");

		HttpResponse<String> answer = browser.postForPage(base + "/consultation", "_csrf", token, "name", "Sam",
				"message", "Please call me. ".repeat(200_000));

		assertThat(answer.statusCode()).isEqualTo(413);
		assertSecurityHeaders(answer);
		assertThat(answer.body()).contains("That was too long to send");
		assertThat(output.getAll()).doesNotContain(" ERROR ", "cannot be found on null", "Please call me.");
	}

	/** Error pages come from the container's error dispatch: they carry the exit too. */
	@Test
	void aPartnersErrorPagesCarryTheQuickExit(CapturedOutput output) {
		String base = "http://127.0.0.1:" + this.port;
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		WebClient partner = signedIn(base, people.withRole(Role.PARTNER));
		for (String path : new String[] { "/admin/staff", "/no/such/page", "/commitments" }) {
			HttpResponse<String> page = partner.getPage(base + path);
			assertThat(page.statusCode()).as(path).isIn(403, 404);
			assertThat(page.body()).as(path).contains("action=\"/leave\"", "Leave this site now");
		}
		WebClient client = signedIn(base, people.client());
		assertThat(client.getPage(base + "/admin/staff").body()).doesNotContain("/leave");
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	private static WebClient signedIn(String base, Person person) {
		WebClient browser = new WebClient();
		assertThat(WebClient.location(browser.signIn(base, person.email(), TestPeople.PASSWORD)))
			.doesNotContain("error");
		return browser;
	}

	private static void assertSecurityHeaders(HttpResponse<String> answer) {
		assertThat(answer.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(answer.headers().firstValue("Referrer-Policy")).contains("same-origin");
	}

}
