package app.steadfast.proof;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.FreshDatabase;
import app.steadfast.TestPeople;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.CheckInId;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.consultations.ConsultationId;
import app.steadfast.conversations.PlanId;
import app.steadfast.conversations.TalkId;
import app.steadfast.conversations.TopicId;
import app.steadfast.library.ArticleId;
import app.steadfast.proof.AccessMatrixTests.Request;
import app.steadfast.repair.QuestionId;
import app.steadfast.repair.StatementId;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Ids in addresses are read by their module's converter, and an id that cannot be read
 * answers exactly what an id that names nothing answers: 404 with the same page, never a
 * 400. Walks every address whose variables are typed (ids, dates, numbers, kinds), from
 * the handler mappings, as someone whose role may use it, on a real server (so the page
 * is the one a browser gets).
 */
@Tag("database")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@FreshDatabase
class MalformedIdTests {

	/** Not a UUID, a number, and an encoded space (which reads as no value at all). */
	static final List<String> MALFORMED = List.of("not-a-uuid", "123", "%20");

	/** The path variables that are no id: a slug, a tag, a phrase card's key, a file. */
	static final Set<String> TEXT_VARIABLES = Set.of("slug", "tag", "key", "name");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	@Qualifier("mvcConversionService")
	ConversionService conversions;

	@LocalServerPort
	int port;

	private final AntPathMatcher paths = new AntPathMatcher();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyModulesIdConverterIsPickedUpAndNoIdIsTakenAsText() {
		String value = UUID.randomUUID().toString();
		for (Class<?> type : List.of(AccountId.class, ConsultationId.class, CheckInId.class, ArticleId.class,
				PlanId.class, TalkId.class, TopicId.class, QuestionId.class, StatementId.class, CommitmentId.class)) {
			assertThat(this.conversions.convert(value, type)).as(type.getSimpleName())
				.hasFieldOrPropertyWithValue("value", UUID.fromString(value));
		}
		Set<String> textVariables = new TreeSet<>();
		for (Map.Entry<String, HandlerMethod> endpoint : Endpoints.of(this.mappings).entrySet()) {
			for (MethodParameter parameter : endpoint.getValue().getMethodParameters()) {
				if (parameter.hasParameterAnnotation(PathVariable.class)
						&& parameter.getParameterType() == String.class) {
					textVariables.add(name(parameter));
				}
			}
		}
		assertThat(textVariables).isSubsetOf(TEXT_VARIABLES);
	}

	@Test
	void aMalformedIdInAPageAddressAnswersTheSame404PageAsAMissingOne() throws Exception {
		ProofWorld world = AccessMatrixTests.world(this.context);
		Map<String, String> table = AccessMatrixTests.table();
		Map<Person, Cookie> sessions = new HashMap<>();
		List<String> problems = new ArrayList<>();
		int pages = 0;
		int checked = 0;
		for (Map.Entry<String, HandlerMethod> endpoint : Endpoints.of(this.mappings).entrySet()) {
			String key = endpoint.getKey();
			Set<String> typed = typedVariables(endpoint.getValue());
			if (!key.startsWith("GET ") || typed.isEmpty()) {
				continue;
			}
			pages++;
			Person caller = AccessMatrixTests.firstAllowed(table.get(key), world);
			Cookie session = sessions.computeIfAbsent(caller,
					(person) -> TestPeople.signInThroughForms(this.mvc, person.email()));
			String pattern = key.substring("GET ".length());
			Request missing = Requests.withRandomIds(key, world);
			HttpResponse<String> expected = get(missing.path(), missing.params(), session);
			if (expected.statusCode() != 404 || !expected.body().contains("We couldn't find that page")) {
				problems.add(key + " with a missing id answered " + expected.statusCode());
				continue;
			}
			for (String path : malformed(pattern, missing.path(), typed)) {
				HttpResponse<String> answer = get(path, missing.params(), session);
				checked++;
				if (answer.statusCode() != 404) {
					problems.add(path + " answered " + answer.statusCode());
				}
				else if (!samePage(answer.body(), expected.body())) {
					problems.add(path + " answered another page than " + missing.path());
				}
			}
		}
		System.out.printf("Malformed ids: %d pages, %d malformed addresses checked against a missing id%n", pages,
				checked);
		assertThat(problems).isEmpty();
		assertThat(pages).isGreaterThan(20);
	}

	@Test
	void aMalformedIdInAFormsAddressAnswers404() throws Exception {
		ProofWorld world = AccessMatrixTests.world(this.context);
		Map<String, String> table = AccessMatrixTests.table();
		List<String> problems = new ArrayList<>();
		int forms = 0;
		for (Map.Entry<String, HandlerMethod> endpoint : Endpoints.of(this.mappings).entrySet()) {
			String key = endpoint.getKey();
			Set<String> typed = typedVariables(endpoint.getValue());
			if (!key.startsWith("POST ") || typed.isEmpty()) {
				continue;
			}
			forms++;
			Person caller = AccessMatrixTests.firstAllowed(table.get(key), world);
			String pattern = key.substring("POST ".length());
			// Everything else in the request is valid: the id alone decides the answer.
			Request valid = Requests.of(key, world);
			for (String path : malformed(pattern, valid.path(), typed)) {
				MockHttpServletRequestBuilder builder = MockMvcRequestBuilders
					.request(HttpMethod.POST, URI.create(path))
					.with(csrf())
					.with(world.as(caller));
				valid.params().forEach((name, list) -> builder.param(name, list.toArray(String[]::new)));
				MockHttpServletResponse response = this.mvc.perform(builder).getResponse();
				if (response.getStatus() != 404) {
					problems.add("POST " + path + " answered " + response.getStatus());
				}
			}
			valid.restore().run();
		}
		System.out.printf("Malformed ids: %d forms checked%n", forms);
		assertThat(problems).isEmpty();
		assertThat(forms).isGreaterThan(30);
	}

	@Test
	void aMalformedQueryParameterKeepsItsOwnAnswer() {
		ProofWorld world = AccessMatrixTests.world(this.context);
		// Only addresses are read as ids here; a form's or a query's number is its own.
		assertThat(this.mvc.get().uri("/checkins/summary?weeks=many").with(world.as(world.client))).hasStatus(400);
	}

	/**
	 * The names of the handler's path variables that are read as something other than
	 * text.
	 */
	private static Set<String> typedVariables(HandlerMethod handler) {
		Set<String> names = new LinkedHashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(PathVariable.class) && parameter.getParameterType() != String.class) {
				names.add(name(parameter));
			}
		}
		return names;
	}

	private static String name(MethodParameter parameter) {
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		return !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
	}

	/**
	 * The address with one typed variable at a time malformed, in each way, and every
	 * other variable as in the given address.
	 */
	private List<String> malformed(String pattern, String path, Set<String> typed) {
		Map<String, String> values = this.paths.extractUriTemplateVariables(pattern, path);
		List<String> paths = new ArrayList<>();
		for (String variable : typed) {
			for (String malformed : MALFORMED) {
				String filled = pattern;
				for (Map.Entry<String, String> value : values.entrySet()) {
					filled = filled.replace("{" + value.getKey() + "}",
							value.getKey().equals(variable) ? malformed : value.getValue());
				}
				paths.add(filled);
			}
		}
		return paths;
	}

	private HttpResponse<String> get(String path, Map<String, List<String>> params, Cookie session) throws Exception {
		String query = params.entrySet()
			.stream()
			.flatMap((p) -> p.getValue()
				.stream()
				.map((v) -> p.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&"));
		URI uri = URI.create("http://localhost:" + this.port + path + (query.isEmpty() ? "" : "?" + query));
		return this.http.send(HttpRequest.newBuilder(uri)
			.header("Accept", "text/html")
			.header("Cookie", session.getName() + "=" + session.getValue())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The same page, but for the CSRF token, which is masked anew for every answer. */
	private static boolean samePage(String one, String other) {
		return withoutTokens(one).equals(withoutTokens(other));
	}

	private static String withoutTokens(String html) {
		return html.replaceAll("(name=\"csrf-token\" content=\")[^\"]*", "$1")
			.replaceAll("(name=\"_csrf\" value=\")[^\"]*", "$1");
	}

}
