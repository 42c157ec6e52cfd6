package app.steadfast.proof;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.steadfast.HostileInput;
import app.steadfast.SteadfastTest;
import app.steadfast.accounts.Person;
import app.steadfast.library.ArticleManagement;
import app.steadfast.repair.StatementManagement;
import app.steadfast.repair.StatementPart;
import app.steadfast.safety.RiskLanguage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Suite 3 of the proof (hostile input; the output encoding half is in
 * {@link SentinelWalkthroughTests}): every field of every form and every query parameter,
 * named by the handler methods and their form classes, gets seeded hostile text (markup,
 * SQL, template expressions, lone surrogates, control characters, path traversal, huge
 * numbers, malformed dates, 100,000 characters), sent by someone the access table lets
 * in: never a 500, and no page afterwards holds live markup. The parsers (Markdown, the
 * excuse check, the risk detector, search) take hundreds of samples each without failing.
 */
@SteadfastTest
@app.steadfast.FreshDatabase
class HostileInputTests {

	static final long SEED = 20261127L;

	/** Changes the practice's name and lines for every test sharing the context. */
	static final Set<String> LEFT_ALONE = Set.of("POST /admin/settings");

	/** The hostile fragments as live tags (escaped, they are harmless text). */
	static final List<String> LIVE_MARKUP = List.of("<script>alert", "<img src=x onerror", "<svg onload",
			"<iframe src=//evil", "href=\"javascript:", "<object data=x", "<style>*{}");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ArticleManagement articles;

	@Autowired
	StatementManagement statements;

	@Autowired
	RiskLanguage risk;

	@Test
	void everyFormFieldAndQueryParameterSurvivesHostileInput() throws Exception {
		ProofWorld world = new ProofWorld(this.context);
		Map<String, String> table = AccessMatrixTests.table();
		List<String> fragments = HostileInput.each();
		List<String> seeded = HostileInput.samples(SEED, 400);
		List<String> failures = new ArrayList<>();
		int inputs = 0;
		int fields = 0;
		int next = 0;
		for (Map.Entry<String, HandlerMethod> endpoint : Endpoints.of(this.mappings).entrySet()) {
			String key = endpoint.getKey();
			if (LEFT_ALONE.contains(key)) {
				continue;
			}
			AccessMatrixTests.Request base = Requests.of(key, world);
			Set<String> names = new LinkedHashSet<>(base.params().keySet());
			names.addAll(fieldsOf(endpoint.getValue()));
			if (names.isEmpty()) {
				continue;
			}
			Person caller = firstAllowed(table.get(key), world);
			boolean anonymous = caller == null;
			for (String field : names) {
				fields++;
				// A fixed fragment in turn (so every one is used), and a seeded sample.
				List<String> values = List.of(fragments.get(next++ % fragments.size()),
						seeded.get(next % seeded.size()));
				for (String value : values) {
					AccessMatrixTests.Request request = key.startsWith("POST ") ? Requests.of(key, world) : base;
					Map<String, List<String>> params = new LinkedHashMap<>(request.params());
					params.put(field, List.of(value));
					MockHttpServletResponse response = perform(request, params, anonymous ? null : caller, world);
					request.restore().run();
					inputs++;
					if (response.getStatus() >= 500) {
						failures.add(key + " field " + field + " answered " + response.getStatus() + " to sample "
								+ describe(value));
					}
				}
			}
		}
		// Nothing written above shows as live markup on the pages that show it.
		List<String> live = new ArrayList<>();
		int pages = 0;
		for (String key : Endpoints.of(this.mappings).keySet()) {
			if (!key.startsWith("GET ") || key.endsWith(".pdf") || key.endsWith("/export")) {
				continue;
			}
			AccessMatrixTests.Request request = Requests.of(key, world);
			for (Person caller : List.of(world.client, world.partner, world.therapist, world.admin)) {
				MockHttpServletResponse response = perform(request, request.params(), caller, world);
				if (response.getStatus() == 200) {
					pages++;
					String html = response.getContentAsString().toLowerCase(Locale.ROOT);
					LIVE_MARKUP.stream()
						.filter(html::contains)
						.forEach((m) -> live.add(key + " as " + caller.role() + " holds " + m));
				}
			}
		}
		System.out.printf(
				"Hostile input: %d inputs into %d fields and query parameters; %d pages checked for live " + "markup%n",
				inputs, fields, pages);
		assertThat(failures).as("server errors " + this.unresolved).isEmpty();
		assertThat(live).as("stored script").isEmpty();
		assertThat(fields).isGreaterThan(150);
	}

	@Test
	void theParsersTakeHostileTextWithoutFailing() {
		List<String> samples = new ArrayList<>(HostileInput.each());
		samples.addAll(HostileInput.samples(SEED + 1, 300));
		for (String text : samples) {
			String html = this.articles.preview(text).toLowerCase(Locale.ROOT);
			assertThat(html).as(describe(text))
				.doesNotContain("<script", "<img", "<iframe", "<svg", "<object", "<style", "href=\"javascript:");
			Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
			for (StatementPart part : StatementPart.values()) {
				words.put(part, text);
			}
			assertThatCode(() -> this.statements.review(words)).as(describe(text)).doesNotThrowAnyException();
			assertThatCode(() -> this.risk.check(text)).as(describe(text)).doesNotThrowAnyException();
			assertThatCode(() -> this.articles.search(text)).as(describe(text)).doesNotThrowAnyException();
		}
		// A template expression in an article stays text.
		assertThat(this.articles.preview("${7*7} [[${7*7}]] __${7*7}__")).contains("${7*7}").doesNotContain("49");
		int searched = 0;
		for (String q : HostileInput.samples(SEED + 2, 60)) {
			MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get("/search").param("q", q))
				.getResponse();
			assertThat(response.getStatus()).as(describe(q)).isLessThan(500);
			searched++;
		}
		System.out.printf("Parsers: %d samples each through Markdown, the excuse check, the risk detector and "
				+ "search; %d searches through the page%n", samples.size(), searched);
	}

	/** The names a handler binds: its request parameters and its form's fields. */
	static Set<String> fieldsOf(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : param.value();
				if (name.isEmpty()) {
					name = parameter.getParameterName();
				}
				if (name != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
					names.add(name);
				}
			}
			if (parameter.hasParameterAnnotation(ModelAttribute.class) && parameter.getParameterType().isRecord()) {
				for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
					names.add(component.getName());
				}
			}
		}
		return names;
	}

	private static Person firstAllowed(String codes, ProofWorld world) {
		List<Person> callers = AccessMatrixTests.callers(world);
		for (int i : new int[] { 0, 1, 3, 5, 7 }) {
			char code = codes.charAt(i * 2);
			if (code == '2' || code == '3' || code == 'A') {
				return callers.get(i);
			}
		}
		return world.client;
	}

	private MockHttpServletResponse perform(AccessMatrixTests.Request request, Map<String, List<String>> params,
			Person caller, ProofWorld world) throws Exception {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders
			.request(HttpMethod.valueOf(request.method()), request.path())
			.with(csrf())
			.with((r) -> {
				int n = AccessMatrixTests.addresses.incrementAndGet();
				r.setRemoteAddr("10.66." + (n / 250 % 250) + "." + (n % 250 + 1));
				return r;
			});
		params.forEach((k, v) -> builder.param(k, v.toArray(String[]::new)));
		request.headers().forEach(builder::header);
		if (caller != null) {
			builder.with(world.as(caller));
		}
		var result = this.mvc.perform(builder);
		if (result.getUnresolvedException() != null) {
			// What a real server would answer with its error page.
			Throwable cause = result.getUnresolvedException();
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			this.unresolved.add(request.method() + " " + request.path() + ": " + cause);
			MockHttpServletResponse failed = new MockHttpServletResponse();
			failed.setStatus(500);
			return failed;
		}
		return result.getResponse();
	}

	final List<String> unresolved = new ArrayList<>();

	private static String describe(String value) {
		String shown = value.length() > 60 ? value.substring(0, 60) + "… (" + value.length() + " chars)" : value;
		StringBuilder escaped = new StringBuilder();
		shown.codePoints()
			.forEach((c) -> escaped.append((c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) ? String.format("\\u%04x", c)
					: new String(Character.toChars(c))));
		return escaped.toString();
	}

}
