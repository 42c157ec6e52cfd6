package app.steadfast.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(SecurityBaselineTests.Failing.class)
class SecurityBaselineTests {

	@RestController
	static class Failing {

		@GetMapping("/test-only/failure")
		String fail() {
			throw new IllegalStateException("secret internal detail 7f3a");
		}

		/** A real address that no module's rule names: deny by default must hold. */
		@GetMapping("/unruled/page")
		String unruled() {
			return "served without a rule";
		}

		@Bean
		ModuleAccess failingRules() {
			return () -> List.of(AccessRule.everyone("/test-only/**"));
		}

	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ResourceUrlProvider resourceUrls;

	@Autowired
	List<FilterRegistrationBean<?>> filterRegistrations;

	@Autowired
	org.springframework.web.servlet.FlashMapManager flashMapManager;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	@BeforeEach
	void setUp() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void aNulCharacterInAFormIsDroppedNotAnErrorPage() {
		// PostgreSQL refuses NUL in text; before the filter both of these answered 500
		// there.
		assertThat(this.mvc.post()
			.uri("/accounts/forgot")
			.with(csrf())
			.param("email", "some\u0000one@example.org")
			.exchange()
			.getResponse()
			.getStatus()).isLessThan(500);
		assertThat(this.mvc.post()
			.uri("/login")
			.with(csrf())
			.param("email", "no\u0000body@example.org")
			.param("password", "wrong\u0000password")).hasRedirectedUrl("/login?error");
	}

	@Test
	void everyResponseCarriesAStrictContentSecurityPolicyAndReferrerPolicy() {
		MvcTestResult home = this.mvc.get().uri("/").exchange();
		assertThat(home).hasStatusOk();
		String csp = home.getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
				"frame-ancestors 'none'");
		assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
		assertThat(home.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(home.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(home.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void signedInPagesAreNeverStored() {
		var person = this.people.client();
		MvcTestResult page = this.mvc.get().uri("/accounts/password").with(this.people.signedIn(person)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLax() {
		MvcTestResult signup = this.mvc.get().uri("/signup").exchange();
		String cookie = signup.getResponse().getHeader("Set-Cookie");
		assertThat(cookie).startsWith("STEADFAST_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(cookie).doesNotContain("Secure");
	}

	@Test
	void theSessionCookieIsSecureOverHttps() {
		MvcTestResult signup = this.mvc.get().uri("https://localhost/signup").secure(true).exchange();
		assertThat(signup.getResponse().getHeader("Set-Cookie")).contains("Secure");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		MvcTestResult result = this.mvc.post()
			.uri("/signup")
			.param("email", TestPeople.uniqueEmail("csrf"))
			.param("displayName", "No token")
			.param("password", TestPeople.PASSWORD)
			.exchange();
		assertThat(result).hasStatus(403);
		assertThat(this.accounts.findByEmail(result.getRequest().getParameter("email"))).isEmpty();
	}

	@Test
	void anHtmxRequestMaySendTheCsrfTokenAsAHeader() {
		var person = this.people.client();
		MvcTestResult result = this.mvc.post()
			.uri("/accounts/password")
			.with(this.people.signedIn(person))
			.with(csrf().asHeader())
			.header("HX-Request", "true")
			.param("currentPassword", "wrong-password-here")
			.param("newPassword", "another-good-password")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText().contains("That isn&#39;t your current password.");
	}

	@Test
	void signedInPagesCarryTheCsrfTokenForHtmx() {
		var person = this.people.client();
		assertThat(this.mvc.get().uri("/").with(this.people.signedIn(person))).bodyText()
			.contains("name=\"csrf-token\"", "name=\"csrf-header\" content=\"X-CSRF-TOKEN\"");
	}

	@Test
	void aFailureShowsTheGenericPageWithoutInternals() throws Exception {
		// A real server, so the container's error handling renders the page.
		URI failure = URI.create("http://localhost:" + this.port + "/test-only/failure");
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(failure).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Something went wrong on our side")
			.doesNotContain("secret internal detail", "IllegalStateException", "at app.steadfast", "Whitelabel");
		HttpResponse<String> json = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(failure).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).isEqualTo(500);
		assertThat(json.body()).doesNotContain("secret internal detail", "IllegalStateException", "trace");
	}

	@Test
	void aMissingPageOnTheRealServerShowsNoInternals() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/accounts/reset?token=x"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("This link no longer works");
	}

	@Test
	void aRealAddressWithoutAnAccessRuleIsStillDenied() throws Exception {
		assertThat(this.mvc.get().uri("/unruled/page")).hasStatus(302).redirectedUrl().endsWith("/login");
		for (Role role : Role.values()) {
			MvcTestResult result = this.mvc.get()
				.uri("/unruled/page")
				.with(this.people.signedIn(this.people.withRole(role)))
				.exchange();
			assertThat(result).as(role.name()).hasStatus(403);
			assertThat(result.getResponse().getContentAsString()).doesNotContain("served without a rule");
		}
	}

	@Test
	void anAddressNothingServesShowsAPageThatHelpsHimFindHisWay() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/no/such/page"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(page.body()).contains("We couldn't find that page", "href=\"/\"", "href=\"/articles\"",
				"href=\"/crisis\"", "href=\"tel:988\"", "href=\"/consultation\"");
	}

	@Test
	void aMissingObjectAnswers404WithTheFriendlyPage() {
		var admin = this.people.withRole(Role.ADMIN);
		MvcTestResult result = this.mvc.get()
			.uri("/admin/outbox/20261127T100000000Z-00000000-0000-0000-0000-000000000000.eml")
			.with(this.people.signedIn(admin))
			.exchange();
		assertThat(result).hasStatus(404);
	}

	@Test
	void aSignedInPersonWithoutTheRoleIsForbidden() {
		var client = this.people.client();
		assertThat(this.mvc.get().uri("/admin/staff").with(this.people.signedIn(client))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/audit").with(this.people.signedIn(client))).hasStatus(403);
		assertThat(this.mvc.get().uri("/admin/outbox").with(this.people.signedIn(client))).hasStatus(403);
	}

	@Test
	void healthTellsAnonymousVisitorsOnlyTheStatus() {
		MvcTestResult health = this.mvc.get().uri("/actuator/health").exchange();
		assertThat(health).hasStatusOk();
		assertThat(health).bodyText().contains("\"status\":\"UP\"").doesNotContain("components", "db", "diskSpace");
		// Not exposed: nothing serves it.
		assertThat(this.mvc.get().uri("/actuator/env")).hasStatus(404);
	}

	@Test
	void everyPageLinksToCrisisResources() {
		var person = this.people.client();
		assertThat(this.mvc.get().uri("/")).bodyText().contains("href=\"/crisis\"", "href=\"tel:988\"");
		assertThat(this.mvc.get().uri("/login")).bodyText().contains("href=\"/crisis\"");
		assertThat(this.mvc.get().uri("/").with(this.people.signedIn(person))).bodyText()
			.contains("href=\"/crisis\"", "href=\"tel:988\"");
	}

	/** The menu offers each person the links of their role, and nobody else's. */
	@Test
	void theMenuFollowsWhoIsSignedIn() {
		assertThat(this.mvc.get().uri("/")).bodyText()
			.contains("href=\"/login\"", "href=\"/signup\"")
			.doesNotContain("href=\"/checkins\"", "href=\"/care\"", "href=\"/admin/staff\"", "csrf-token");
		assertThat(this.mvc.get().uri("/articles").with(this.people.signedIn(this.people.client()))).bodyText()
			.contains("href=\"/checkins\"", "csrf-token")
			.doesNotContain("href=\"/signup\"", "href=\"/care\"", "href=\"/consultations\"", "href=\"/admin/staff\"");
		assertThat(this.mvc.get().uri("/articles").with(this.people.signedIn(this.people.withRole(Role.THERAPIST))))
			.bodyText()
			.contains("href=\"/care\"", "href=\"/consultations\"")
			.doesNotContain("href=\"/checkins\"", "href=\"/admin/staff\"");
		assertThat(this.mvc.get().uri("/articles").with(this.people.signedIn(this.people.withRole(Role.ADMIN))))
			.bodyText()
			.contains("href=\"/admin/staff\"", "href=\"/consultations\"")
			.doesNotContain("href=\"/checkins\"", "href=\"/care\"");
	}

	@Test
	void oneTimeMessagesAreBoundedPerSession() {
		assertThat(this.flashMapManager).isInstanceOf(BoundedFlashMaps.Manager.class);
	}

	@Test
	void assetsAreServedFromThisHostOnly() throws Exception {
		String home = this.mvc.get().uri("/").exchange().getResponse().getContentAsString();
		assertThat(home).doesNotContainPattern("(src|href)=\"https?://");
		assertThat(this.mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
		assertThat(this.mvc.get().uri("/css/steadfast.css")).hasStatusOk();
	}

	/**
	 * Static files come from their four folders only, cached for a week: a link to a page
	 * is never looked up on the classpath as a possible static file (that cost 60% of a
	 * page's CPU under load).
	 */
	@Test
	void staticFilesComeFromTheirFoldersOnly() {
		assertThat(this.resourceUrls.getHandlerMap().keySet()).containsExactlyInAnyOrder("/css/**", "/js/**",
				"/images/**", "/webjars/**");
		for (String file : List.of("/css/steadfast.css", "/js/steadfast.js", "/images/favicon.svg",
				"/webjars/htmx.org/dist/htmx.min.js")) {
			MvcTestResult answer = this.mvc.get().uri(file).exchange();
			assertThat(answer).as(file).hasStatusOk();
			assertThat(answer.getResponse().getHeader("Cache-Control")).as(file).isEqualTo("max-age=604800");
		}
		assertThat(this.resourceUrls.getForLookupPath("/checkins")).isNull();
		assertThat(
				this.filterRegistrations.stream().map((registration) -> (Object) registration.getFilter().getClass()))
			.isNotEmpty()
			.doesNotContain(ResourceUrlEncodingFilter.class);
	}

}
