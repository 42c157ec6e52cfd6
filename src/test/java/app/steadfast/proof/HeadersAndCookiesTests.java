package app.steadfast.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.steadfast.SteadfastTest;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 4 of the proof: every GET endpoint, opened anonymously and by everyone around the
 * client, over HTTPS and plain HTTP; each answer carries the security headers, every
 * signed-in answer says no-store, and every session cookie set is HttpOnly, SameSite and
 * (over HTTPS) Secure.
 */
@SteadfastTest
class HeadersAndCookiesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyPageCarriesTheSecurityHeadersAndSafeCookies() throws Exception {
		ProofWorld world = AccessMatrixTests.world(this.context);
		List<Person> callers = AccessMatrixTests.callers(world);
		List<String> problems = new ArrayList<>();
		int responses = 0;
		int pages = 0;
		int signedInPages = 0;
		int cookies = 0;
		Map<String, String> table = AccessMatrixTests.table();
		for (Map.Entry<String, ?> endpoint : Endpoints.of(this.mappings).entrySet()) {
			if (!endpoint.getKey().startsWith("GET ")) {
				continue;
			}
			AccessMatrixTests.Request request = Requests.of(endpoint.getKey(), world);
			// Anonymous, and the first signed-in person the table lets in (the access
			// matrix checks the headers of every other answer).
			List<Person> who = new ArrayList<>();
			who.add(null);
			String codes = table.get(endpoint.getKey());
			for (int i = 1; i < callers.size(); i++) {
				if (codes != null && codes.charAt(i * 2) == '2') {
					who.add(callers.get(i));
					break;
				}
			}
			for (Person caller : who) {
				MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.get(request.path()).secure(true);
				request.params().forEach((k, v) -> builder.param(k, v.toArray(String[]::new)));
				if (caller != null) {
					builder.with(world.as(caller));
				}
				MockHttpServletResponse response = this.mvc.perform(builder).getResponse();
				responses++;
				String where = endpoint.getKey() + " as " + ((caller != null) ? caller.role() : "anonymous")
						+ " over https (" + response.getStatus() + ")";
				check(response, caller != null, where, problems);
				if (response.getStatus() == 200) {
					pages++;
					if (caller != null) {
						signedInPages++;
					}
				}
				for (String cookie : response.getHeaders("Set-Cookie")) {
					cookies++;
					cookie(cookie, true, where, problems);
				}
			}
		}
		// A session cookie is set where a session starts: sign-in page and a form.
		for (String path : List.of("/login", "/signup", "/consultation", "/accounts/forgot")) {
			for (boolean https : List.of(true, false)) {
				MockHttpServletResponse response = this.mvc.perform(MockMvcRequestBuilders.get(path).secure(https))
					.getResponse();
				List<String> set = response.getHeaders("Set-Cookie");
				assertThat(set).as("a session starts at " + path).anyMatch((c) -> c.startsWith("STEADFAST_SESSION="));
				for (String cookie : set) {
					cookies++;
					cookie(cookie, https, path, problems);
				}
			}
		}
		System.out.printf(
				"Headers and cookies: %d responses checked (%d pages with 200, %d of them signed in), %d cookies%n",
				responses, pages, signedInPages, cookies);
		assertThat(problems).isEmpty();
		assertThat(signedInPages).isGreaterThan(60);
	}

	/**
	 * The headers every answer carries, and no-store on every signed-in page; the access
	 * matrix runs it on each of its answers too.
	 */
	static void check(MockHttpServletResponse response, boolean signedIn, String where, List<String> problems) {
		headers(response, where, problems);
		if (signedIn && response.getStatus() == 200) {
			String cache = String.valueOf(response.getHeader("Cache-Control"));
			if (!cache.contains("no-store")) {
				problems.add(where + ": Cache-Control " + cache);
			}
		}
	}

	private static void headers(MockHttpServletResponse response, String where, List<String> problems) {
		String csp = response.getHeader("Content-Security-Policy");
		if (csp == null || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")
				|| !csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'self'")) {
			problems.add(where + ": Content-Security-Policy " + csp);
		}
		if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
			problems.add(where + ": X-Content-Type-Options " + response.getHeader("X-Content-Type-Options"));
		}
		if (!"DENY".equals(response.getHeader("X-Frame-Options"))) {
			problems.add(where + ": X-Frame-Options " + response.getHeader("X-Frame-Options"));
		}
		String referrer = String.valueOf(response.getHeader("Referrer-Policy"));
		if (!List.of("same-origin", "no-referrer", "strict-origin-when-cross-origin", "strict-origin")
			.contains(referrer)) {
			problems.add(where + ": Referrer-Policy " + referrer);
		}
	}

	private static void cookie(String cookie, boolean https, String where, List<String> problems) {
		String flags = cookie.toLowerCase(java.util.Locale.ROOT);
		if (!flags.contains("httponly")) {
			problems.add(where + ": cookie without HttpOnly: " + cookie);
		}
		if (!flags.contains("samesite=lax") && !flags.contains("samesite=strict")) {
			problems.add(where + ": cookie without SameSite Lax or Strict: " + cookie);
		}
		if (https && !flags.contains("secure")) {
			problems.add(where + ": cookie over HTTPS without Secure: " + cookie);
		}
	}

}
