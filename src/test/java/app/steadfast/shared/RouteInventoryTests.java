package app.steadfast.shared;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mapped endpoint has exactly one explicit access rule, and nothing outside a short
 * public list answers an anonymous visitor with 200.
 */
@SteadfastTest
class RouteInventoryTests {

	/**
	 * The pages a visitor may open without signing in. The installable app's manifest and
	 * service worker, and the three pages the worker keeps for use offline (what works
	 * offline, the pause tool, name it), are public because the worker fetches them
	 * without a sign-in and keeps them for everyone on the device: they hold no one's
	 * data ({@code InstallableAppTests} proves each is the same for every viewer).
	 */
	static final Set<String> PUBLIC = Set.of("/", "/login", "/signup", "/signup/sent", "/signup/confirm", "/setup",
			"/accounts/forgot", "/accounts/reset", "/crisis", "/crisis/now", "/error", "/articles", "/articles/{slug}",
			"/articles/tag/{tag}", "/search", "/feed.xml", "/sitemap.xml", "/consultation", "/couple/join",
			"/couple/accept", "/leave", "/manifest.webmanifest", "/sw.js", "/offline", "/offline/pause",
			"/offline/name-it");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	List<ModuleAccess> modules;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	record Endpoint(String method, String pattern, String handler) {
	}

	@Test
	void everyEndpointMatchesExactlyOneRule() {
		List<AccessRule> rules = this.modules.stream().flatMap((m) -> m.rules().stream()).toList();
		List<String> problems = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			MockHttpServletRequest request = new MockHttpServletRequest(endpoint.method(), sample(endpoint.pattern()));
			List<AccessRule> matching = rules.stream()
				.filter((rule) -> SecurityConfiguration.matcher(rule).matches(request))
				.toList();
			if (matching.size() != 1) {
				problems.add(endpoint + " matches " + matching.size() + " rules: " + matching);
			}
		}
		assertThat(problems).isEmpty();
		assertThat(endpoints()).hasSizeGreaterThan(15);
	}

	@Test
	void noEndpointOutsideThePublicListAnswersAnAnonymousVisitorWith200() {
		List<String> open = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			String path = sample(endpoint.pattern());
			MvcTestResult result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.request(HttpMethod.valueOf(endpoint.method()), path)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()));
			int status = result.getResponse().getStatus();
			if (status == 200 && !PUBLIC.contains(endpoint.pattern())) {
				open.add(endpoint + " answered 200");
			}
			if (!PUBLIC.contains(endpoint.pattern())) {
				assertThat(status).as(endpoint.toString()).isIn(302, 401, 403, 404);
			}
		}
		assertThat(open).isEmpty();
	}

	@Test
	void everyRoleOutsideARulesRolesIsRefused() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Map<Role, Person> byRole = new java.util.EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			byRole.put(role, people.withRole(role));
		}
		List<AccessRule> rules = this.modules.stream().flatMap((m) -> m.rules().stream()).toList();
		int checked = 0;
		for (Endpoint endpoint : endpoints()) {
			String path = sample(endpoint.pattern());
			MockHttpServletRequest probe = new MockHttpServletRequest(endpoint.method(), path);
			AccessRule rule = rules.stream()
				.filter((r) -> SecurityConfiguration.matcher(r).matches(probe))
				.findFirst()
				.orElseThrow();
			if (rule.everyone() || rule.roles().isEmpty()) {
				continue;
			}
			for (Role role : Role.values()) {
				if (rule.roles().contains(role)) {
					continue;
				}
				MvcTestResult result = this.mvc
					.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
						.request(HttpMethod.valueOf(endpoint.method()), path)
						.with(people.signedIn(byRole.get(role)))
						.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
							.csrf()));
				assertThat(result.getResponse().getStatus()).as(endpoint + " as " + role).isEqualTo(403);
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(10);
	}

	/**
	 * An address nothing serves answers 404 to everyone, also under a module's pattern
	 * (the page that helps him find his way is the container's error page, shown on a
	 * real server in SecurityBaselineTests).
	 */
	@Test
	void anAddressNothingServesAnswers404ToEveryone() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		List<String> missing = List.of("/no/such/page", "/checkins/no-such-page", "/admin/no-such-page",
				"/care/clients/no/such/page", "/couple/no-such-page");
		for (String path : missing) {
			assertThat(this.mvc.get().uri(path)).as(path + " for a stranger").hasStatus(404);
			for (Role role : Role.values()) {
				assertThat(this.mvc.get().uri(path).with(people.signedIn(people.withRole(role))))
					.as(path + " as " + role)
					.hasStatus(404);
			}
		}
		// A form sent there by someone signed in: refused as not found, not as forbidden.
		assertThat(this.mvc.post()
			.uri("/no/such/page")
			.with(people.signedIn(people.client()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.hasStatus(404);
		// Without its CSRF token too (a served address answers 403 then).
		assertThat(this.mvc.post().uri("/no/such/page")).hasStatus(404);
	}

	/** A real address still asks a stranger to sign in, and refuses the wrong role. */
	@Test
	void aRealProtectedAddressStillAsksAStrangerToSignIn() {
		assertThat(this.mvc.get().uri("/checkins")).hasStatus(302).redirectedUrl().endsWith("/login");
		assertThat(this.mvc.get().uri("/admin/staff")).hasStatus(302).redirectedUrl().endsWith("/login");
		assertThat(this.mvc.get().uri("/checkins/00000000-0000-0000-0000-000000000000/edit")).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		assertThat(this.mvc.get().uri("/admin/staff").with(people.signedIn(people.client()))).hasStatus(403);
		// Served with another method only: refused, not missing.
		assertThat(this.mvc.get().uri("/couple/end")).hasStatus(302).redirectedUrl().endsWith("/login");
		assertThat(this.mvc.get()
			.uri("/admin/staff/00000000-0000-0000-0000-000000000000/role")
			.with(people.signedIn(people.client()))).hasStatus(403);
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			if (!entry.getValue().getBeanType().getPackageName().startsWith("app.steadfast")) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
						: methods) {
					endpoints.add(new Endpoint(method.name(), pattern, entry.getValue().getShortLogMessage()));
				}
			}
		}
		return endpoints;
	}

	/** A concrete path for a pattern: each variable becomes a plausible value. */
	static String sample(String pattern) {
		return pattern.replaceAll("\\{[^}]+\\}", "00000000-0000-0000-0000-000000000000");
	}

}
