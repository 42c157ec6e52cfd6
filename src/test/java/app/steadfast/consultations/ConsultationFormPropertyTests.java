package app.steadfast.consultations;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.BeforeProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The public form fed random and hostile input: very long text, control characters, mixed
 * scripts, HTML, SQL and template fragments. It never answers with a server error, and
 * markup he typed is never echoed as markup, neither back to him nor to staff.
 */
// jqwik runs this class, not JUnit Jupiter: the Spring context (shared with the other
// @SteadfastTest classes) is injected by hand before each property.
@SteadfastTest
@Tag("database")
class ConsultationFormPropertyTests {

	private static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"</textarea><script>alert(2)</script>", "'; DROP TABLE consultation; --", "' OR '1'='1", "\u0000",
			"a\u0000b", "\u202Eevil\u202C", "Zoë 山田 محمد Иван 🙂 שלום", "${7*7}", "[[${7*7}]]",
			"__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "%00%0d%0a", "\r\nBcc: victim@example.org",
			"x@example.org\r\nSubject: hi", "\uD800", "\uDFFF lone", "\t\n\r", "javascript:alert(1)", "&lt;b&gt;",
			"<!--", "]]>", "\\", "NULL", "null", " ");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person therapist;

	@BeforeProperty
	void springContext() throws Exception {
		new TestContextManager(getClass()).prepareTestInstance(this);
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.therapist = this.people.withRole(Role.THERAPIST);
	}

	@Property(tries = 120)
	void hostileInputNeverBreaksTheFormAndIsNeverEchoedAsMarkup(@ForAll("text") String name,
			@ForAll("emails") String email, @ForAll("text") String phone, @ForAll("choice") String contactBy,
			@ForAll("choice") String time, @ForAll("choice") String topic, @ForAll("text") String message,
			@ForAll("choice") String consent) throws Exception {
		String marker = UUID.randomUUID().toString();
		MvcTestResult result = this.mvc.post().uri("/consultation").with(csrf()).with((request) -> {
			request.setRemoteAddr(RequestSamples.freshAddress());
			return request;
		})
			.param("name", name)
			.param("email", email)
			.param("phone", phone)
			.param("contactBy", contactBy)
			.param("times", time, "WEEKDAY_EVENING")
			.param("topics", topic)
			.param("message", marker + message)
			.param("consent", consent)
			.exchange();
		int status = result.getResponse().getStatus();
		assertThat(status).as("never a server error").isIn(200, 302);
		assertNoMarkup(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		if (status == 302) {
			assertStoredSafely(marker);
		}
	}

	@Property(tries = 80)
	void hostileTextInAnOtherwiseValidRequestIsStoredCleanAndShownEscaped(@ForAll("text") String name,
			@ForAll("text") String message) throws Exception {
		String marker = UUID.randomUUID().toString();
		String cleanName = ConsultationForm.line(name);
		boolean acceptable = !cleanName.isEmpty() && cleanName.length() <= 80
				&& ConsultationForm.text(marker + message).length() <= ConsultationForm.MESSAGE_LIMIT;
		MvcTestResult result = RequestSamples.valid()
			.with("name", name)
			.with("email", "")
			.with("contactBy", "PHONE_CALL")
			.with("message", marker + message)
			.send(this.mvc);
		Statistics.label("stored").collect(acceptable);
		Statistics.label("stored").coverage((coverage) -> coverage.check(true).percentage((p) -> p > 30));
		assertNoMarkup(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
		if (!acceptable) {
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			return;
		}
		assertThat(result).hasRedirectedUrl("/consultation?received");
		assertStoredSafely(marker);
	}

	private void assertStoredSafely(String marker) throws Exception {
		String id = this.jdbc.sql("SELECT id FROM consultation ORDER BY received_at DESC, id LIMIT 1")
			.query(String.class)
			.single();
		String stored = this.jdbc.sql("SELECT name FROM consultation WHERE id = CAST(:id AS UUID)")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored.codePoints().noneMatch(Character::isISOControl)).as("no control characters stored").isTrue();
		MvcTestResult page = this.mvc.get()
			.uri("/consultations/" + id)
			.with(this.people.signedIn(this.therapist))
			.exchange();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String body = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).as("the staff page shows the message he sent").contains(marker);
		assertNoMarkup(body);
		assertNoMarkup(this.mvc.get()
			.uri("/consultations?show=all")
			.with(this.people.signedIn(this.therapist))
			.exchange()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	@Provide
	Arbitrary<String> text() {
		Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(200);
		Arbitrary<String> veryLong = Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(20_000);
		Arbitrary<String> hostile = Arbitraries.of(HOSTILE);
		Arbitrary<String> mixed = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('\u0400', '\u04FF')
			.withCharRange('\u0600', '\u06FF')
			.withCharRange('\u4E00', '\u4E50')
			.withChars('<', '>', '"', '\'', '&', ';', '-', ' ')
			.ofMaxLength(60);
		Arbitrary<String> plausible = Arbitraries.of("Daniel", "+1 (555) 010-2030", "Ravi K.", "555 0100 22");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, hostile), net.jqwik.api.Tuple.of(3, plausible),
				net.jqwik.api.Tuple.of(2, anything), net.jqwik.api.Tuple.of(2, mixed),
				net.jqwik.api.Tuple.of(1, veryLong), net.jqwik.api.Tuple.of(2,
						Arbitraries.oneOf(hostile, mixed).list().ofMaxSize(4).map((parts) -> String.join("", parts))));
	}

	@Provide
	Arbitrary<String> emails() {
		return Arbitraries
			.oneOf(Arbitraries.of("", "him@example.org", "Him@Example.ORG", "a@b", "x@example.org\r\nBcc: y@z.org",
					"\"quoted local\"@example.org", "zoë@example.org", "<script>@example.org"), text());
	}

	@Provide
	Arbitrary<String> choice() {
		return Arbitraries.oneOf(Arbitraries.of("EMAIL", "PHONE_CALL", "TEXT_MESSAGE", "WEEKDAY_MORNING", "ANY_TIME",
				"REBUILDING_TRUST", "NOT_SURE", "yes", "YES", ""), Arbitraries.of(HOSTILE));
	}

	private static void assertNoMarkup(String body) {
		assertThat(body).doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.doesNotContain("</textarea><script>")
			.doesNotContain("\u202E");
	}

}
