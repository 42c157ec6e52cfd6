package app.steadfast.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestDatabases;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.Person;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Suites 3 (output encoding), 6 (the database dump) and 8 (the log) of the proof, over
 * one walkthrough: sign-up, sign-ins (one with a wrong password), a password reset, the
 * staff and partner invitations, then a sentinel
 * {@code <script>steadfast-sentinel-N</script>} in every free-text field of every form
 * (and of every record the fixture makes). Afterwards every page that can show them is
 * opened by the client, his partner, his therapist and the admin: the raw HTML never
 * holds a sentinel unescaped. A full dump of the database holds none of the confidential
 * sentinels, and the application log holds no sentinel, no password and no token.
 */
@SteadfastTest
@app.steadfast.FreshDatabase
@ExtendWith(OutputCaptureExtension.class)
class SentinelWalkthroughTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	/** The form fields that take a person's own words. */
	static final Set<String> FREE_TEXT = Set.of("trigger", "responseNote", "body", "note", "text", "task", "learned",
			"helped", "nextTime", "about", "mayNeed", "validation", "wontSayOther", "newTopic", "name", "words",
			"followUp", "question", "ownWords", "offer", "brings", "hopes", "plan", "reason", "message", "title", "why",
			"whatGotInTheWay", "summary", "displayName", "author", "tags");

	/**
	 * Fields that are not confidential by design, so stored as written: the public
	 * articles, the steps of the partner's path (practice-authored), the names people go
	 * by, the name on a consultation request.
	 */
	static final Set<String> PUBLIC_FIELDS = Set.of("POST /admin/articles/new", "POST /admin/articles/{id}",
			"POST /admin/articles/preview", "POST /admin/path/{key}", "displayName", "POST /consultation name");

	/** Forms the walkthrough leaves alone: they end the world it walks through. */
	static final Set<String> LEFT_ALONE = Set.of("POST /admin/settings", "POST /accounts/delete", "POST /couple/end");

	static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_%\\-]+)");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final AtomicInteger counter = new AtomicInteger();

	final List<String> confidential = new ArrayList<>();

	final List<String> open = new ArrayList<>();

	@Test
	void sentinelsAreEscapedOnEveryPageAndAppearNeitherInTheDatabaseNorInTheLog(CapturedOutput output)
			throws Exception {
		List<String> secrets = new ArrayList<>();
		ProofWorld world = new ProofWorld(this.context);
		world.words = (text) -> sentinel(true);

		// Sign-up, sign-ins, a reset, and the three invitations, through the forms.
		String email = TestPeople.uniqueEmail("walk");
		String first = "first-" + UUID.randomUUID() + "-pass";
		String wrong = "wrong-" + UUID.randomUUID() + "-pass";
		String second = "second-" + UUID.randomUUID() + "-pass";
		secrets.addAll(List.of(first, wrong, second, TestPeople.PASSWORD));
		assertThat(this.mvc.post()
			.uri("/signup")
			.with(csrf())
			.param("email", email)
			.param("displayName", sentinel(false))
			.param("password", first)
			.param("path", "DOING_THE_WORK")).hasStatus3xxRedirection();
		String confirmation = awaitToken(email);
		secrets.add(confirmation);
		assertThat(this.mvc.post()
			.uri("/signup/confirm")
			.with(csrf())
			.param("token", confirmation)
			.param("password", first)).hasRedirectedUrl("/?welcome");
		assertThat(signIn(email, wrong)).hasRedirectedUrl("/login?error");
		assertThat(signIn(email, first)).hasRedirectedUrl("/");
		assertThat(this.mvc.post().uri("/accounts/forgot").with(csrf()).param("email", email)).hasStatusOk();
		String reset = awaitToken(email);
		secrets.add(reset);
		assertThat(this.mvc.post().uri("/accounts/reset").with(csrf()).param("token", reset).param("password", second))
			.hasStatus3xxRedirection();
		assertThat(signIn(email, second)).hasRedirectedUrl("/");
		String staffEmail = TestPeople.uniqueEmail("walk-staff");
		assertThat(this.mvc.post()
			.uri("/admin/staff")
			.with(world.as(world.admin))
			.with(csrf())
			.param("email", staffEmail)
			.param("displayName", sentinel(false))
			.param("role", "THERAPIST")).hasStatus3xxRedirection();
		secrets.add(awaitToken(staffEmail));
		Person single = world.people.client();
		String partnerEmail = TestPeople.uniqueEmail("walk-partner");
		assertThat(
				this.mvc.post().uri("/couple/invite").with(world.as(single)).with(csrf()).param("email", partnerEmail))
			.hasStatus3xxRedirection();
		secrets.add(awaitToken(partnerEmail));

		// A sentinel in every free-text field of every form, sent by the first person
		// the access table lets in.
		Map<String, String> table = AccessMatrixTests.table();
		List<String> forms = new ArrayList<>();
		for (String endpoint : Endpoints.of(this.mappings).keySet()) {
			if (!endpoint.startsWith("POST ") || LEFT_ALONE.contains(endpoint)) {
				continue;
			}
			AccessMatrixTests.Request request = Requests.of(endpoint, world);
			Map<String, List<String>> params = new LinkedHashMap<>(request.params());
			boolean any = false;
			for (String field : params.keySet()) {
				if (FREE_TEXT.contains(field) || field.equals(field.toLowerCase(java.util.Locale.ROOT))
						&& endpoint.contains("/statements") && !field.equals("action")) {
					boolean publicField = PUBLIC_FIELDS.contains(endpoint) || PUBLIC_FIELDS.contains(field)
							|| PUBLIC_FIELDS.contains(endpoint + " " + field);
					params.put(field, List.of(sentinel(!publicField)));
					any = true;
				}
			}
			if (!any) {
				continue;
			}
			Person caller = AccessMatrixTests.firstAllowed(table.get(endpoint), world);
			MockHttpServletResponse response = perform(HttpMethod.POST, request.path(), params, request.headers(),
					caller, world);
			request.restore().run();
			forms.add(endpoint);
			assertThat(response.getStatus()).as(endpoint + " with sentinels").isLessThan(500);
		}

		// Every page, as everyone who may see the words.
		Pattern escapedOrNot = Pattern.compile("steadfast-(sentinel|public)-(\\d+)");
		Set<String> seen = new TreeSet<>();
		List<String> unescaped = new ArrayList<>();
		int pages = 0;
		int occurrences = 0;
		for (String endpoint : Endpoints.of(this.mappings).keySet()) {
			if (!endpoint.startsWith("GET ") || endpoint.endsWith(".pdf") || endpoint.endsWith("/export")) {
				continue;
			}
			AccessMatrixTests.Request request = Requests.of(endpoint, world);
			for (Person caller : new Person[] { null, world.client, world.partner, world.therapist, world.admin }) {
				MockHttpServletResponse response = perform(HttpMethod.GET, request.path(), request.params(),
						request.headers(), caller, world);
				if (response.getStatus() != 200) {
					continue;
				}
				pages++;
				String html = response.getContentAsString();
				Matcher matcher = escapedOrNot.matcher(html);
				while (matcher.find()) {
					occurrences++;
					seen.add(matcher.group());
				}
				if (html.contains("<script>steadfast-")) {
					unescaped.add(endpoint + " as " + ((caller != null) ? caller.role() : "anonymous"));
				}
			}
		}
		int written = this.confidential.size() + this.open.size();
		System.out.printf(
				"Output encoding: %d forms with %d sentinels written; %d pages opened, %d sentinel occurrences checked, "
						+ "%d of the sentinels seen on some page, %d unescaped%n",
				forms.size(), written, pages, occurrences, seen.size(), unescaped.size());
		assertThat(unescaped).as("pages showing a sentinel unescaped").isEmpty();
		assertThat(seen).as("sentinels shown (escaped) somewhere").hasSizeGreaterThan(written / 3);

		// The database, dumped whole.
		String dump = String.join("\n", dump());
		List<String> inDump = this.confidential.stream().filter(dump::contains).toList();
		System.out.printf("Database dump: %d characters, %d confidential sentinels searched, %d found%n", dump.length(),
				this.confidential.size(), inDump.size());
		assertThat(inDump).as("confidential sentinels stored in the clear").isEmpty();
		assertThat(dump).contains(world.client.id().value().toString());

		// The log.
		String log = output.getAll();
		List<String> leaked = new ArrayList<>();
		for (String needle : this.confidential) {
			if (log.contains(needle)) {
				leaked.add("sentinel " + needle);
			}
		}
		for (String needle : this.open) {
			if (log.contains(needle)) {
				leaked.add("sentinel " + needle);
			}
		}
		for (String secret : secrets) {
			if (log.contains(secret)) {
				leaked.add("secret " + secret.substring(0, 6) + "…");
			}
		}
		if (log.contains("steadfast-sentinel-") || log.contains("steadfast-public-")) {
			leaked.add("a sentinel prefix");
		}
		System.out.printf("Log: %d characters, %d sentinels and %d passwords and tokens searched, %d found%n",
				log.length(), written, secrets.size(), leaked.size());
		assertThat(leaked).as("what the log holds").isEmpty();
		assertThat(log).as("the application's log was captured").contains("[steadfast]");
	}

	private String sentinel(boolean confidential) {
		int n = this.counter.incrementAndGet();
		String text = confidential ? "steadfast-sentinel-" + n : "steadfast-public-" + n;
		(confidential ? this.confidential : this.open).add(text);
		return "<script>" + text + "</script>";
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult signIn(String email, String password) {
		return this.mvc.post().uri("/login").with(csrf()).param("email", email).param("password", password).exchange();
	}

	private final Set<String> seen = new java.util.HashSet<>();

	/** The link of the next email to that address, skipping the ones seen already. */
	private String awaitToken(String to) {
		String[] token = { null };
		org.awaitility.Awaitility.await()
			.alias("a mail with a link to " + to)
			.atMost(java.time.Duration.ofSeconds(10))
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> {
				for (MimeMessage message : smtp.getReceivedMessages()) {
					if (message.getAllRecipients()[0].toString().equalsIgnoreCase(to)) {
						Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
						if (matcher.find() && this.seen.add(matcher.group(1))) {
							token[0] = matcher.group(1);
							return true;
						}
					}
				}
				return false;
			});
		return token[0];
	}

	private MockHttpServletResponse perform(HttpMethod method, String path, Map<String, List<String>> params,
			Map<String, String> headers, Person caller, ProofWorld world) throws Exception {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(method, path).with(csrf());
		params.forEach((k, v) -> builder.param(k, v.toArray(String[]::new)));
		headers.forEach(builder::header);
		builder.with((r) -> {
			r.setRemoteAddr("10.99." + (this.counter.get() % 250) + "." + (1 + this.counter.get() / 250 % 250));
			return r;
		});
		if (caller != null) {
			builder.with(world.as(caller));
		}
		return this.mvc.perform(builder).getResponse();
	}

	/** Every row of every table, as text. */
	private List<String> dump() {
		if (!TestDatabases.onPostgres()) {
			return this.jdbc.sql("SCRIPT").query((rs, i) -> rs.getString(1)).list();
		}
		List<String> tables = this.jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
					+ "AND table_type = 'BASE TABLE'")
			.query(String.class)
			.list();
		List<String> rows = new ArrayList<>();
		for (String table : tables) {
			rows.addAll(this.jdbc.sql("SELECT t::text FROM \"" + table + "\" t").query(String.class).list());
		}
		return rows;
	}

}
