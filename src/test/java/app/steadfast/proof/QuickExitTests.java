package app.steadfast.proof;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.Person;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a partner sees carries the quick exit, and the exit signs her out and leaves
 * for a neutral page, with or without script.
 */
@SteadfastTest
class QuickExitTests {

	/** The exit as the layout writes it: a form that works without script. */
	static final Pattern EXIT_FORM = Pattern.compile(
			"<form class=\"quick-exit-bar\" method=\"post\" action=\"/leave\"\\s+data-quick-exit=\"https://www.weather.gov/\">");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Every GET address of the application, opened by a linked partner (sharing on and
	 * off): each page she gets carries the exit form.
	 */
	@Test
	void everyPageAPartnerCanOpenCarriesTheQuickExit() throws Exception {
		ProofWorld world = AccessMatrixTests.world(this.context);
		List<String> missing = new ArrayList<>();
		List<String> pages = new ArrayList<>();
		for (String endpoint : Endpoints.of(this.mappings).keySet()) {
			// The exit's own plain page is where she lands once she has left.
			if (!endpoint.startsWith("GET ") || endpoint.equals("GET /leave")) {
				continue;
			}
			AccessMatrixTests.Request request = Requests.of(endpoint, world);
			for (boolean sharing : List.of(true, false)) {
				world.partnerSharing(sharing);
				MockHttpServletResponse response;
				try {
					response = open(request, world.partner, world);
				}
				finally {
					world.partnerSharing(true);
				}
				String type = String.valueOf(response.getContentType());
				if (response.getStatus() != 200 || !type.startsWith("text/html")) {
					continue;
				}
				pages.add(endpoint);
				if (!EXIT_FORM.matcher(response.getContentAsString()).find()) {
					missing.add(endpoint + (sharing ? "" : " (sharing off)"));
				}
			}
		}
		System.out.printf("Quick exit: %d partner pages checked%n", pages.size());
		assertThat(missing).as("partner pages without the quick exit").isEmpty();
		assertThat(pages).contains("GET /couple/intake", "GET /couple/safety", "GET /couple", "GET /checkins",
				"GET /repair/questions", "GET /insights", "GET /crisis", "GET /articles");
		assertThat(pages.size()).isGreaterThan(40);
	}

	@Test
	void onlyAPartnersPagesCarryIt() throws Exception {
		ProofWorld world = AccessMatrixTests.world(this.context);
		for (Person someone : new Person[] { null, world.client, world.therapist, world.admin }) {
			AccessMatrixTests.Request home = Requests.of("GET /", world);
			assertThat(open(home, someone, world).getContentAsString()).doesNotContain("quick-exit", "/leave");
		}
		assertThat(open(Requests.of("GET /", world), world.partner, world).getContentAsString())
			.containsPattern(EXIT_FORM);
	}

	/**
	 * Without script the form posts: she is signed out at once (her session is gone from
	 * the database), even with no CSRF token, and sent on to the plain page, which moves
	 * on to the neutral site and names nothing.
	 */
	@Test
	void theExitSignsHerOutAndLeavesForTheNeutralPage() throws Exception {
		ProofWorld world = AccessMatrixTests.world(this.context);
		Person partner = world.people.withRole(app.steadfast.shared.Role.PARTNER);
		Cookie session = TestPeople.signInThroughForms(this.mvc, partner.email());
		assertThat(this.mvc.get().uri("/couple/intake").cookie(session)).hasStatusOk();
		assertThat(sessions(session)).isEqualTo(1);

		MvcTestResult leave = this.mvc.post().uri("/leave").cookie(session).exchange();

		assertThat(leave).hasStatus(303).hasRedirectedUrl("/leave");
		assertThat(sessions(session)).as("her session in the database").isZero();
		assertThat(this.mvc.get().uri("/couple/intake").cookie(session)).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		MvcTestResult plain = this.mvc.get().uri("/leave").exchange();
		assertThat(plain).hasStatusOk();
		assertThat(plain).bodyText()
			.contains("http-equiv=\"refresh\" content=\"0; url=https://www.weather.gov/\"")
			.doesNotContain("Steadfast", "Madrega", "partner", "crisis");
	}

	private long sessions(Cookie cookie) {
		String id = new String(Base64.getDecoder().decode(cookie.getValue()));
		return this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse open(AccessMatrixTests.Request request, Person caller, ProofWorld world)
			throws Exception {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.get(request.path());
		request.params().forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
		request.headers().forEach(builder::header);
		if (caller != null) {
			builder.with(world.as(caller));
		}
		return this.mvc.perform(builder).getResponse();
	}

}
