package app.steadfast.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import app.steadfast.SteadfastTest;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Suites 1 and 2 of the proof: every endpoint the handler mappings know, called by
 * everyone around one client, against one table of expectations. The URLs name real
 * objects of the client (or of his partner, for what she owns), so "another client" and
 * "therapist not granted" reach for someone else's record: those answer 404, never 403 or
 * 200.
 */
@SteadfastTest
@app.steadfast.FreshDatabase
class AccessMatrixTests {

	/** The callers, in the order of each row's columns. */
	static final List<String> CALLERS = List.of("anonymous", "client", "other client", "partner (sharing on)",
			"partner (sharing off)", "therapist (granted)", "therapist (not granted)", "admin",
			"partner (safety pause)");

	/**
	 * The expectations: method and pattern, then one code per caller in the order of
	 * {@link #CALLERS}. 2 = 200, C = 201 (created), 3 = a redirect (not to sign-in), A =
	 * allowed (200 or a redirect not to sign-in), L = a redirect to sign-in, F = 403, N =
	 * 404, X = refused (403 or 404).
	 */
	static final String TABLE = """
			# endpoint                                            | anon client other p-on p-off ther other-ther admin pause
			# Slugs, tags, card keys, signal kinds and weeks name no one's record: each caller
			# acts on his own (a week answers 404 where he wrote no line for it).
			# Forms that re-render with a message answer 2, forms that save answer 3.
			# A partner has the client's care pages: hers with a therapist of her own; the
			# proof world's partner has none, so they say how to find one, and her sessions,
			# homework and agenda are refused or not found as for a client without one.
			GET /                                                  | 2 2 2 2 2 2 2 2 2
			GET /accounts/confirm                                  | L A A A A A A A A
			GET /accounts/confirm/continue                         | L A A A A A A A A
			GET /accounts/security                                 | L 2 2 2 2 2 2 2 2
			GET /accounts/delete                                   | L 2 2 2 2 F F F 2
			GET /accounts/forgot                                   | 2 2 2 2 2 2 2 2 2
			GET /accounts/password                                 | L 2 2 2 2 2 2 2 2
			GET /accounts/reset                                    | 2 2 2 2 2 2 2 2 2
			GET /accounts/settings                                 | L 2 2 2 2 2 2 2 2
			GET /admin/articles                                    | L F F F F F F 2 F
			GET /admin/articles/new                                | L F F F F F F 2 F
			GET /admin/articles/{id}                               | L F F F F F F 2 F
			GET /admin/audit                                       | L F F F F F F 2 F
			GET /admin/care                                        | L F F F F F F 2 F
			GET /admin/outbox                                      | L F F F F F F 2 F
			GET /admin/outbox/{name}                               | L F F F F F F 2 F
			GET /admin/path                                        | L F F F F F F 2 F
			GET /admin/path/new                                    | L F F F F F F 2 F
			GET /admin/path/{key}                                  | L F F F F F F 2 F
			GET /admin/settings                                    | L F F F F F F 2 F
			GET /admin/staff                                       | L F F F F F F 2 F
			GET /articles                                          | 2 2 2 2 2 2 2 2 2
			GET /articles/tag/{tag}                                | 2 2 2 2 2 2 2 2 2
			GET /articles/{slug}                                   | 2 2 2 2 2 2 2 2 2
			GET /care                                              | L F F F F 2 2 F F
			GET /care/alerts                                       | L F F F F 2 2 F F
			GET /care/hours                                        | L F F F F 2 2 F F
			GET /care/schedule                                     | L F F F F 2 2 F F
			GET /care/sessions                                     | L 2 2 2 2 F F F 2
			GET /care/sessions/{id}/move                           | L 2 N N N F F F N
			GET /care/clients/{id}                                 | L F F F F 2 N F F
			GET /care/clients/{id}/checkins                        | L F F F F 2 N F F
			GET /care/clients/{id}/commitments                     | L F F F F 2 N F F
			GET /care/clients/{id}/insights                        | L F F F F 2 N F F
			GET /care/clients/{id}/journal                         | L F F F F 2 N F F
			GET /care/clients/{id}/messages                        | L F F F F 2 N F F
			GET /care/clients/{id}/notes                           | L F F F F 2 N F F
			GET /care/clients/{id}/notes/{noteId}                  | L F F F F 2 N F F
			GET /care/grants                                       | L 2 2 2 2 F F F 2
			GET /care/homework                                     | L 2 2 2 2 F F F 2
			GET /care/inbox                                        | L F F F F 2 2 F F
			GET /care/measures                                     | L 2 2 2 2 F F F 2
			GET /care/measures/{id}                                | L 2 N N N F F F N
			GET /care/messages                                     | L 2 N N N F F F N
			GET /care/office-hours                                 | L F F F F 2 2 F F
			GET /care/reads                                        | L 2 2 2 2 F F F 2
			GET /checkins                                          | L 2 2 2 2 F F F 2
			GET /checkins/calendar                                 | L 2 2 2 2 F F F 2
			GET /checkins/journal                                  | L 2 2 2 2 F F F 2
			GET /checkins/journal/{id}/edit                        | L 2 N N N F F F N
			GET /checkins/new                                      | L 2 2 2 2 F F F 2
			GET /checkins/quick                                    | L 2 2 2 2 F F F 2
			GET /checkins/shared                                   | L 2 2 2 2 F F F 2
			GET /checkins/summary                                  | L 2 2 2 2 F F F 2
			GET /checkins/{id}/edit                                | L 2 N N N F F F N
			GET /commitments                                       | L 2 2 F F F F F F
			GET /commitments/new                                   | L 2 2 F F F F F F
			GET /commitments/reliability                           | L 2 2 F F F F F F
			GET /commitments/settings                              | L 2 2 F F F F F F
			GET /commitments/shared                                | L 2 2 2 2 F F F 2
			GET /commitments/{id}/edit                             | L 2 N F F F F F F
			GET /commitments/{id}/record                           | L 2 N F F F F F F
			GET /consultation                                      | 2 2 2 2 2 2 2 2 2
			GET /consultation/invitation                           | N N N N N N N N N
			GET /consultations                                     | L F F F F 2 2 2 F
			GET /consultations/{id}                                | L F F F F 2 2 2 F
			GET /conversations                                     | L 2 2 F F F F F F
			GET /conversations/patterns                            | L 2 2 F F F F F F
			GET /conversations/pause                               | L 2 2 F F F F F F
			GET /conversations/phrases                             | L 2 2 F F F F F F
			GET /conversations/plans/new                           | L 2 2 F F F F F F
			GET /conversations/plans/{id}                          | L 2 N F F F F F F
			GET /conversations/plans/{id}/pause                    | L 2 N F F F F F F
			GET /conversations/shared                              | L 2 2 2 2 2 2 F 2
			GET /conversations/talks/new                           | L 2 2 F F F F F F
			GET /conversations/talks/{id}                          | L 2 N F F F F F F
			GET /conversations/topics                              | L 2 2 F F F F F F
			GET /couple                                            | L 2 2 2 2 F F F 2
			GET /couple/accept                                     | 2 2 2 2 2 2 2 2 2
			GET /couple/intake                                     | L 2 2 2 2 F F F 2
			GET /couple/invitation                                 | L F F 3 3 F F F 3
			GET /couple/join                                       | 2 2 2 2 2 2 2 2 2
			GET /couple/pulse                                      | L 2 3 2 2 F F F 2
			GET /couple/pulse/weeks                                | L 2 2 2 2 F F F 2
			GET /couple/reads                                      | L 2 2 2 2 F F F 2
			GET /couple/reassurance                                | L 2 2 2 2 F F F 2
			GET /couple/safety                                     | L F F 2 2 F F F 2
			GET /crisis                                            | 2 2 2 2 2 2 2 2 2
			GET /crisis/now                                        | 2 2 2 2 2 2 2 2 2
			GET /crisis/thanks                                     | L 2 2 2 2 2 2 2 2
			GET /feed.xml                                          | 2 2 2 2 2 2 2 2 2
			GET /insights                                          | L 2 2 2 2 F F F 2
			GET /insights/data                                     | L 2 2 2 2 F F F 2
			GET /insights/export                                   | L 2 2 2 2 F F F 2
			GET /insights/report                                   | L 2 2 2 2 F F F 2
			GET /insights/report.pdf                               | L 2 2 2 2 F F F 2
			GET /insights/review                                   | L 2 2 2 2 F F F 2
			GET /leave                                             | 2 2 2 2 2 2 2 2 2
			GET /login                                             | 2 3 3 3 3 3 3 3 3
			GET /login/code                                        | L A A A A A A A A
			GET /manifest.webmanifest                              | 2 2 2 2 2 2 2 2 2
			GET /offline                                           | 2 2 2 2 2 2 2 2 2
			GET /offline/name-it                                   | 2 2 2 2 2 2 2 2 2
			GET /offline/pause                                     | 2 2 2 2 2 2 2 2 2
			GET /path                                              | L F F 2 2 F F F 2
			GET /path/{key}                                        | L F F 2 2 F F F 2
			GET /repair                                            | L 2 2 2 2 F F F 2
			GET /repair/kept                                       | L F F 2 2 F F F 2
			GET /repair/questions                                  | L 2 2 2 2 F F F 2
			GET /repair/questions/{id}                             | L 2 N 2 2 F F F N
			GET /repair/shared                                     | L F F 2 2 2 2 F 2
			GET /repair/shared/{id}                                | L F F 2 N 2 N F N
			GET /repair/statements/new                             | L 2 2 F F F F F F
			GET /repair/statements/{id}                            | L 2 N F F F F F F
			GET /repair/statements/{id}/compare                    | L 2 N F F F F F F
			GET /repair/statements/{id}/versions/{number}          | L 2 N F F F F F F
			GET /search                                            | 2 2 2 2 2 2 2 2 2
			GET /setup                                             | N N N N N N N N N
			GET /signup                                            | 2 3 3 3 3 3 3 3 3
			GET /signup/confirm                                    | 2 2 2 2 2 2 2 2 2
			GET /signup/sent                                       | 2 2 2 2 2 2 2 2 2
			GET /sitemap.xml                                       | 2 2 2 2 2 2 2 2 2
			GET /sw.js                                             | 2 2 2 2 2 2 2 2 2
			POST /accounts/confirm                                 | L A A A A A A A A
			POST /accounts/security/authenticator                  | L A A A A A A A A
			POST /accounts/security/authenticator/confirm          | L A A A A A A A A
			POST /accounts/security/authenticator/off              | L A A A A A A A A
			POST /accounts/security/passkeys/remove                | L A A A A A A A A
			POST /accounts/security/recovery-codes                 | L A A A A A A A A
			POST /crisis/answer                                    | L 3 3 3 3 3 3 3 3
			POST /leave                                            | 3 3 3 3 3 3 3 3 3
			POST /login/code                                       | L A A A A A A A A
			POST /login/code/setup                                 | L A A A A A A A A
			POST /accounts/delete                                  | L 2 2 2 2 F F F 2
			POST /accounts/forgot                                  | 2 2 2 2 2 2 2 2 2
			POST /accounts/password                                | L 2 2 2 2 2 2 2 2
			POST /accounts/settings                                | L 2 2 2 2 2 2 2 2
			POST /accounts/reset                                   | 2 2 2 2 2 2 2 2 2
			POST /admin/articles/new                               | L F F F F F F 3 F
			POST /admin/articles/preview                           | L F F F F F F 2 F
			POST /admin/articles/{id}                              | L F F F F F F 3 F
			POST /admin/articles/{id}/publish                      | L F F F F F F 3 F
			POST /admin/articles/{id}/unpublish                    | L F F F F F F 3 F
			POST /admin/care/break-glass                           | L F F F F F F 2 F
			POST /admin/care/handover                              | L F F F F F F 3 F
			POST /admin/path/new                                   | L F F F F F F 3 F
			POST /admin/path/{key}                                 | L F F F F F F 3 F
			POST /admin/path/{key}/remove                          | L F F F F F F 3 F
			POST /admin/settings                                   | L F F F F F F 3 F
			POST /admin/staff                                      | L F F F F F F 3 F
			POST /admin/staff/{id}/deactivate                      | L F F F F F F 3 F
			POST /admin/staff/{id}/role                            | L F F F F F F 3 F
			POST /care/alerts/{id}/acknowledge                     | L F F F F 3 N F F
			POST /care/clients/{id}/homework                       | L F F F F 3 N F F
			POST /care/clients/{id}/measures                       | L F F F F 3 N F F
			POST /care/clients/{id}/measures/stop                  | L F F F F 3 N F F
			POST /care/clients/{id}/messages                       | L F F F F 3 N F F
			POST /care/clients/{id}/notes                          | L F F F F 3 N F F
			POST /care/clients/{id}/notes/{noteId}                 | L F F F F 3 N F F
			POST /care/clients/{id}/session                        | L F F F F 3 N F F
			POST /care/grants                                      | L 3 3 3 3 F F F 3
			POST /care/homework/{id}/done                          | L 3 N N N F F F N
			POST /care/measures/{id}                               | L 3 N N N F F F N
			# The decline is the partner's, of her own copy of his therapist's CSI-4.
			POST /care/measures/{id}/decline                       | L N N 3 3 F F F 3
			POST /care/messages                                    | L 3 N N N F F F N
			POST /care/office-hours                                | L F F F F 3 3 F F
			# Each therapist adds the same hours: the second time they overlap (2).
			POST /care/hours                                       | L F F F F A A F F
			POST /care/hours/off                                   | L F F F F 3 3 F F
			POST /care/hours/off/{id}/remove                       | L F F F F 3 N F F
			POST /care/hours/remove                                | L F F F F 3 N F F
			POST /care/hours/room                                  | L F F F F 3 3 F F
			POST /care/schedule/{id}/cancel                        | L F F F F 3 N F F
			# The other client has no therapist to book with.
			POST /care/sessions                                    | L 3 N N N F F F N
			POST /care/sessions/agenda                             | L 3 A 2 2 F F F 2
			POST /care/sessions/agenda/clear                       | L 3 3 3 3 F F F 3
			POST /care/sessions/{id}/cancel                        | L 3 N N N F F F N
			POST /care/sessions/{id}/move                          | L 3 N N N F F F N
			POST /checkins/journal                                 | L 3 3 3 3 F F F 3
			POST /checkins/kept                                    | L C C C C F F F C
			POST /checkins/journal/{id}/delete                     | L 3 N N N F F F N
			POST /checkins/journal/{id}/edit                       | L 3 N N N F F F N
			POST /checkins/new                                     | L 2 2 2 2 F F F 2
			POST /checkins/quick                                   | L 2 2 2 2 F F F 2
			POST /checkins/{id}/delete                             | L 3 N N N F F F N
			POST /checkins/{id}/edit                               | L 2 N N N F F F N
			POST /commitments/new                                  | L 3 3 F F F F F F
			POST /commitments/settings                             | L 2 2 F F F F F F
			POST /commitments/shared/{id}/{date}                   | L N N 3 N F F F N
			POST /commitments/{id}/edit                            | L 3 N F F F F F F
			POST /commitments/{id}/end                             | L 3 N F F F F F F
			POST /commitments/{id}/pause                           | L 3 N F F F F F F
			POST /commitments/{id}/record                          | L 3 N F F F F F F
			POST /commitments/{id}/resume                          | L 3 N F F F F F F
			POST /consultation                                     | 3 3 3 3 3 3 3 3 3
			POST /consultation/invitation                          | N N N N N N N N N
			POST /consultations/{id}/assign                        | L F F F F 3 3 3 F
			POST /consultations/{id}/close                         | L F F F F 3 3 3 F
			POST /consultations/{id}/contacted                     | L F F F F 3 3 3 F
			POST /consultations/{id}/invitation                    | L F F F F 3 3 3 F
			POST /consultations/{id}/note                          | L F F F F 3 3 3 F
			POST /consultations/{id}/schedule                      | L F F F F 3 3 3 F
			POST /conversations/pause/breathing                    | L 3 3 F F F F F F
			POST /conversations/phrases/new                        | L 3 3 F F F F F F
			POST /conversations/phrases/{key}                      | L 3 3 F F F F F F
			POST /conversations/phrases/{key}/reset                | L 3 3 F F F F F F
			POST /conversations/plans/new                          | L 3 3 F F F F F F
			POST /conversations/shared/{id}                        | L N N 3 N F F F N
			POST /conversations/talks/new                          | L 3 3 F F F F F F
			POST /conversations/topics/{id}/merge                  | L 3 N F F F F F F
			POST /conversations/topics/{id}/rename                 | L 3 N F F F F F F
			POST /couple/accept                                    | 2 2 2 2 2 2 2 2 2
			POST /couple/end                                       | L 3 N 3 3 F F F 3
			POST /couple/intake                                    | L 3 3 3 3 F F F 3
			POST /couple/invitation                                | L F F N N F F F N
			POST /couple/invite                                    | L N 3 F F F F F F
			POST /couple/join                                      | 2 2 2 2 2 2 2 2 2
			POST /couple/offer                                     | L 3 N F F F F F F
			POST /couple/offer/end                                 | L 3 3 F F F F F F
			POST /couple/pulse                                     | L 3 N 3 3 F F F 3
			POST /couple/reassurance/items                         | L 3 3 3 3 F F F 3
			POST /couple/reassurance/items/{id}/remove             | L 3 N N N F F F N
			POST /couple/reassurance/setting                       | L 3 3 3 3 F F F 3
			POST /couple/reassurance/signal                        | L F F 3 3 F F F N
			POST /couple/reassurance/signals/{id}/helped           | L 3 N 3 3 F F F 3
			POST /couple/requests                                  | L F F 3 3 F F F 3
			POST /couple/requests/{id}/withdraw                    | L F F 3 3 F F F 3
			POST /couple/sharing                                   | L 3 N 3 3 F F F 3
			POST /insights/review                                  | L 3 3 3 3 F F F 3
			POST /insights/review/day                              | L 3 3 3 3 F F F 3
			POST /insights/review/{week}/report                    | L 3 3 3 3 F F F 3
			POST /insights/signals/{kind}/dismiss                  | L 3 3 3 3 F F F 3
			POST /path/{key}                                       | L F F 3 3 F F F 3
			POST /repair/kept                                      | L F F 3 3 F F F 3
			POST /repair/kept/send                                 | L F F 3 3 F F F 3
			POST /repair/questions                                 | L N N 3 3 F F F 3
			POST /repair/questions/{id}/answer                     | L 3 N N N F F F N
			POST /repair/questions/{id}/correct                    | L 2 N N N F F F N
			POST /repair/questions/{id}/delete                     | L N N 3 3 F F F 3
			POST /repair/questions/{id}/more                       | L N N 2 2 F F F N
			POST /repair/questions/{id}/time                       | L 3 N N N F F F N
			POST /repair/shared/{id}/respond                       | L F F 3 N N N F N
			POST /repair/statements/new                            | L 3 3 F F F F F F
			POST /repair/statements/{id}                           | L 3 N F F F F F F
			POST /repair/statements/{id}/versions/{number}/share   | L 3 N F F F F F F
			POST /setup                                            | N N N N N N N N N
			POST /signup                                           | 3 3 3 3 3 3 3 3 3
			POST /signup/confirm                                   | 2 2 2 2 2 2 2 2 2
			""";

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	static final AtomicInteger addresses = new AtomicInteger();

	private static ProofWorld shared;

	private static ApplicationContext sharedFor;

	/** One world per application context: accounts cost a password hash each. */
	static synchronized ProofWorld world(ApplicationContext context) {
		if (shared == null || sharedFor != context) {
			shared = new ProofWorld(context);
			sharedFor = context;
		}
		return shared;
	}

	@Test
	void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
		long started = System.nanoTime();
		ProofWorld world = world(this.context);
		Map<String, String> table = table();
		Set<String> mapped = new TreeSet<>(Endpoints.of(this.mappings).keySet());
		List<String> problems = new ArrayList<>();
		Set<String> unlisted = new TreeSet<>(mapped);
		unlisted.removeAll(table.keySet());
		Set<String> stale = new TreeSet<>(table.keySet());
		stale.removeAll(mapped);
		List<Person> callers = callers(world);
		List<String> suggestions = new ArrayList<>();
		List<String> headerProblems = new ArrayList<>();
		int cells = 0;
		for (String endpoint : mapped) {
			String expected = table.get(endpoint);
			StringBuilder observed = new StringBuilder();
			// A page is read by everyone from one object; a form gets a fresh one each
			// time,
			// as a form may use its object up.
			Request page = endpoint.startsWith("GET ") ? Requests.of(endpoint, world) : null;
			for (int i = 0; i < callers.size(); i++) {
				Request request = (page != null) ? page : Requests.of(endpoint, world);
				boolean sharingOff = CALLERS.get(i).equals("partner (sharing off)");
				boolean pause = CALLERS.get(i).equals("partner (safety pause)");
				if (sharingOff) {
					world.partnerSharing(false);
				}
				if (pause) {
					world.safetyPause(true);
				}
				MockHttpServletResponse response;
				try {
					response = perform(request, callers.get(i), world);
				}
				finally {
					request.restore().run();
					if (sharingOff) {
						world.partnerSharing(true);
					}
					if (pause) {
						world.relinkIfEnded();
						world.safetyPause(false);
					}
				}
				HeadersAndCookiesTests.check(response, callers.get(i) != null,
						endpoint + " as " + CALLERS.get(i) + " (" + response.getStatus() + ")", headerProblems);
				char code = code(response);
				observed.append(code).append(' ');
				cells++;
				if (expected != null) {
					char want = expected.charAt(i * 2);
					if (!matches(want, code)) {
						problems.add(endpoint + " as " + CALLERS.get(i) + ": expected " + want + ", got " + code + " ("
								+ response.getStatus() + " " + response.getRedirectedUrl() + ")");
					}
				}
			}
			if (expected == null) {
				suggestions.add(String.format("%-55s| %s", endpoint, observed.toString().trim()));
			}
		}
		System.out.printf("Access matrix: %d endpoints x %d callers = %d calls checked in %d s%n", mapped.size(),
				callers.size(), cells, (System.nanoTime() - started) / 1_000_000_000);
		suggestions.forEach((s) -> System.out.println("UNLISTED " + s));
		assertThat(unlisted).as("endpoints missing from the table").isEmpty();
		assertThat(stale).as("table rows with no endpoint").isEmpty();
		assertThat(problems).as("cells that answered otherwise than the table").isEmpty();
		System.out.printf("Headers: %d answers of the matrix checked, %d problems%n", cells, headerProblems.size());
		assertThat(headerProblems).as("answers without the security headers").isEmpty();
	}

	/**
	 * Suite 2: every kind of id in a URL, when it belongs to someone else or to no one (a
	 * random UUID), answers 404 to a caller whose role may use the address.
	 */
	@Test
	void everyIdOfSomeoneElseOrOfNoOneAnswers404() throws Exception {
		ProofWorld world = world(this.context);
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (String endpoint : Endpoints.of(this.mappings).keySet()) {
			if (!endpoint.contains("{")) {
				continue;
			}
			boolean staffRecord = Requests.STAFF_RECORDS.stream().anyMatch(endpoint::contains);
			if (!staffRecord && Requests.NOT_AN_OBJECT.stream().anyMatch(endpoint::contains)) {
				continue;
			}
			// The practice's own records (staff accounts, articles, consultation
			// requests)
			// belong to no client: for them only an id that names nothing is checked, by
			// an
			// admin.
			Person stranger = staffRecord ? world.admin : Requests.strangerFor(endpoint, world);
			for (boolean random : staffRecord ? List.of(true) : List.of(false, true)) {
				Request request = random ? Requests.withRandomIds(endpoint, world) : Requests.of(endpoint, world);
				MockHttpServletResponse response = perform(request, stranger, world);
				request.restore().run();
				checked++;
				if (response.getStatus() != 404) {
					problems.add(endpoint + (random ? " (random id)" : " (someone else's id)") + " answered "
							+ response.getStatus() + " to " + stranger.role());
				}
			}
		}
		System.out.printf("Object references: %d foreign or random ids checked%n", checked);
		assertThat(problems).isEmpty();
		assertThat(checked).isGreaterThan(40);
	}

	private MockHttpServletResponse perform(Request request, Person caller, ProofWorld world) throws Exception {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders
			.request(HttpMethod.valueOf(request.method()), request.path())
			.with(csrf())
			.with((r) -> {
				int n = addresses.incrementAndGet();
				r.setRemoteAddr("10.88." + (n / 250 % 250) + "." + (n % 250 + 1));
				return r;
			});
		request.params().forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
		request.headers().forEach(builder::header);
		if (caller != null) {
			builder.with(world.as(caller));
		}
		return this.mvc.perform(builder).getResponse();
	}

	static List<Person> callers(ProofWorld world) {
		List<Person> callers = new ArrayList<>();
		callers.add(null);
		callers.addAll(List.of(world.client, world.otherClient, world.partner, world.partner, world.therapist,
				world.otherTherapist, world.admin, world.partner));
		return callers;
	}

	/**
	 * The first of client, partner, therapist and admin whose row code lets him use the
	 * endpoint, or null if none may.
	 */
	static Person firstAllowed(String codes, ProofWorld world) {
		List<Person> callers = callers(world);
		for (int i : new int[] { 1, 3, 5, 7 }) {
			char code = codes.charAt(i * 2);
			if (code == '2' || code == '3' || code == 'A') {
				return callers.get(i);
			}
		}
		return null;
	}

	static char code(MockHttpServletResponse response) {
		int status = response.getStatus();
		if (status >= 300 && status < 400) {
			String location = String.valueOf(response.getRedirectedUrl());
			return (location.endsWith("/login") || location.contains("/login?")) ? 'L' : '3';
		}
		return switch (status) {
			case 200 -> '2';
			case 201 -> 'C';
			case 400 -> 'B';
			case 403 -> 'F';
			case 404 -> 'N';
			case 429 -> 'T';
			case 500 -> 'E';
			default -> '?';
		};
	}

	static boolean matches(char expected, char observed) {
		return switch (expected) {
			case 'A' -> observed == '2' || observed == '3';
			case 'X' -> observed == 'F' || observed == 'N';
			default -> expected == observed;
		};
	}

	static Map<String, String> table() {
		Map<String, String> table = new LinkedHashMap<>();
		for (String line : TABLE.split("\n")) {
			if (line.isBlank() || line.strip().startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\\|");
			String codes = parts[1].strip();
			assertThat(codes.replace(" ", "")).as(line).hasSize(CALLERS.size()).matches("[23CALFNXBT]+");
			assertThat(table.put(parts[0].strip(), codes)).as("a second row for " + parts[0]).isNull();
		}
		return table;
	}

	/** One concrete request for an endpoint, and what to undo after it. */
	record Request(String method, String path, Map<String, List<String>> params, Map<String, String> headers,
			Runnable restore) {
	}

	static String uuid() {
		return UUID.randomUUID().toString();
	}

}
