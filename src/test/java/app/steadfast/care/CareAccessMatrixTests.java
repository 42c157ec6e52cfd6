package app.steadfast.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.safety.RiskKind;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every care endpoint against everyone around one client: anonymous, the client, another
 * client, his partner, his therapist, another therapist and the admin. Each cell states
 * the status expected; a missing cell fails the test, and so does a care endpoint missing
 * from the matrix.
 */
@SteadfastTest
class CareAccessMatrixTests {

	/** The columns, in the order every row gives its statuses. */
	static final List<String> WHO = List.of("anonymous", "client", "other client", "partner", "therapist",
			"other therapist", "admin");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	SharingManagement sharing;

	@Autowired
	Measures measures;

	@Autowired
	SessionNotes notes;

	@Autowired
	Homework homework;

	@Autowired
	RiskAlerts alerts;

	@Autowired
	app.steadfast.consultations.AppointmentManagement appointments;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * One row of the matrix.
	 *
	 * @param method GET or POST
	 * @param pattern the mapping, as declared
	 * @param path a fresh concrete path for one request (records are made anew where a
	 * request uses them up)
	 * @param params the form fields sent
	 * @param expected the statuses, in the order of {@link #WHO}
	 */
	record Row(String method, String pattern, Supplier<String> path, Map<String, String> params, int... expected) {
	}

	@Test
	void everyCareEndpointAnswersEachPersonAsExpected() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		CarePeople p = CarePeople.create(people, this.consultations, this.sharing);
		for (Category c : List.of(Category.CHECKINS, Category.JOURNAL, Category.COMMITMENTS, Category.INSIGHTS)) {
			this.sharing.grant(p.client().id(), p.therapist().id(), c, GrantKind.THERAPIST, null);
		}
		UUID client = p.client().id().value();
		UUID note = this.notes.write(p.therapist().id(), p.client().id(), LocalDate.now(), "A note", "A plan");
		String c = "/care/clients/" + client;
		String today = LocalDate.now().plusDays(2).toString();
		Map<String, String> none = Map.of();
		Map<String, String> message = Map.of("body", "A message between sessions");
		Map<String, String> noteForm = Map.of("sessionDate", LocalDate.now().toString(), "body", "Session went well",
				"plan", "");
		Map<String, String> breakGlass = Map.of("clientEmail", p.client().email(), "therapistId",
				p.otherTherapist().id().value().toString(), "reason", "His therapist is away and he asked for help.");
		Map<String, String> handover = Map.of("clientEmail", p.client().email(), "therapistId",
				p.therapist().id().value().toString());

		List<Row> rows = List.of(
				// anonymous, client, other client, partner, therapist, other therapist,
				// admin
				new Row("GET", "/care", () -> "/care", none, 302, 403, 403, 403, 200, 200, 403),
				new Row("GET", "/care/alerts", () -> "/care/alerts", none, 302, 403, 403, 403, 200, 200, 403),
				new Row("POST", "/care/alerts/{id}/acknowledge", () -> "/care/alerts/" + alert(p) + "/acknowledge",
						none, 302, 403, 403, 403, 302, 404, 403),
				new Row("GET", "/care/clients/{id}", () -> c, none, 302, 403, 403, 403, 200, 404, 403),
				new Row("GET", "/care/clients/{id}/checkins", () -> c + "/checkins", none, 302, 403, 403, 403, 200, 404,
						403),
				new Row("GET", "/care/clients/{id}/journal", () -> c + "/journal", none, 302, 403, 403, 403, 200, 404,
						403),
				new Row("GET", "/care/clients/{id}/commitments", () -> c + "/commitments", none, 302, 403, 403, 403,
						200, 404, 403),
				new Row("GET", "/care/clients/{id}/insights", () -> c + "/insights", none, 302, 403, 403, 403, 200, 404,
						403),
				new Row("GET", "/care/clients/{id}/notes", () -> c + "/notes", none, 302, 403, 403, 403, 200, 404, 403),
				new Row("GET", "/care/clients/{id}/messages", () -> c + "/messages", none, 302, 403, 403, 403, 200, 404,
						403),
				new Row("POST", "/care/clients/{id}/messages", () -> c + "/messages", message, 302, 403, 403, 403, 302,
						404, 403),
				new Row("GET", "/care/inbox", () -> "/care/inbox", none, 302, 403, 403, 403, 200, 200, 403),
				new Row("GET", "/care/office-hours", () -> "/care/office-hours", none, 302, 403, 403, 403, 200, 200,
						403),
				new Row("POST", "/care/office-hours", () -> "/care/office-hours", Map.of("hours", "", "replyDays", "2"),
						302, 403, 403, 403, 302, 302, 403),
				// A partner has no channel to his therapist: the page answers as missing.
				new Row("GET", "/care/messages", () -> "/care/messages", none, 302, 200, 200, 404, 403, 403, 403),
				new Row("POST", "/care/messages", () -> "/care/messages", message, 302, 302, 302, 404, 403, 403, 403),
				new Row("POST", "/care/clients/{id}/notes", () -> c + "/notes", noteForm, 302, 403, 403, 403, 302, 404,
						403),
				new Row("GET", "/care/clients/{id}/notes/{noteId}", () -> c + "/notes/" + note, none, 302, 403, 403,
						403, 200, 404, 403),
				new Row("POST", "/care/clients/{id}/notes/{noteId}", () -> c + "/notes/" + note, noteForm, 302, 403,
						403, 403, 302, 404, 403),
				new Row("POST", "/care/clients/{id}/homework", () -> c + "/homework",
						Map.of("kind", "TASK", "task", "Write down one trigger", "dueDate", today), 302, 403, 403, 403,
						302, 404, 403),
				new Row("POST", "/care/clients/{id}/measures", () -> c + "/measures", Map.of("instrument", "GAD7"), 302,
						403, 403, 403, 302, 404, 403),
				new Row("POST", "/care/clients/{id}/measures/stop", () -> c + "/measures/stop",
						Map.of("instrument", "GAD7"), 302, 403, 403, 403, 302, 404, 403),
				new Row("POST", "/care/clients/{id}/session", () -> c + "/session", Map.of("nextSession", today), 302,
						403, 403, 403, 302, 404, 403),
				// A partner has the client's care pages too (her own care, issue 22);
				// this
				// partner has no therapist of her own, so they say how to find one and
				// refuse what needs one.
				new Row("GET", "/care/grants", () -> "/care/grants", none, 302, 200, 200, 200, 403, 403, 403),
				new Row("POST", "/care/grants", () -> "/care/grants", Map.of("category", "CHECKINS", "share", "on"),
						302, 302, 302, 302, 403, 403, 403),
				new Row("GET", "/care/reads", () -> "/care/reads", none, 302, 200, 200, 200, 403, 403, 403),
				new Row("GET", "/care/homework", () -> "/care/homework", none, 302, 200, 200, 200, 403, 403, 403),
				// A partner has a page of her own questionnaires: the copies his
				// therapist
				// may send her.
				new Row("GET", "/care/measures", () -> "/care/measures", none, 302, 200, 200, 200, 403, 403, 403),
				new Row("POST", "/care/homework/{id}/done", () -> "/care/homework/" + homework(p) + "/done", none, 302,
						302, 404, 404, 403, 403, 403),
				new Row("GET", "/care/measures/{id}", () -> "/care/measures/" + measure(p), none, 302, 200, 404, 404,
						403, 403, 403),
				new Row("POST", "/care/measures/{id}", () -> "/care/measures/" + measure(p), gad7Answers(), 302, 302,
						404, 404, 403, 403, 403),
				// Only a partner's own copy can be declined; his is between him and his
				// therapist.
				new Row("POST", "/care/measures/{id}/decline", () -> "/care/measures/" + measure(p) + "/decline", none,
						302, 404, 404, 404, 403, 403, 403),
				new Row("GET", "/care/sessions", () -> "/care/sessions", none, 302, 200, 200, 200, 403, 403, 403),
				// His own line for his next session: each client writes and clears only
				// his.
				new Row("POST", "/care/sessions/agenda", () -> "/care/sessions/agenda",
						Map.of("body", "What to say about the weekend"), 302, 302, 302, 200, 403, 403, 403),
				new Row("POST", "/care/sessions/agenda/clear", () -> "/care/sessions/agenda/clear", none, 302, 302, 302,
						302, 403, 403, 403),
				// A time nobody offers: the form comes back with its message.
				new Row("POST", "/care/sessions", () -> "/care/sessions", Map.of("start", "soon"), 302, 200, 200, 200,
						403, 403, 403),
				new Row("GET", "/care/sessions/{id}/move", () -> "/care/sessions/" + session(p) + "/move", none, 302,
						200, 404, 404, 403, 403, 403),
				new Row("POST", "/care/sessions/{id}/move", () -> "/care/sessions/" + session(p) + "/move",
						Map.of("start", "soon"), 302, 200, 404, 404, 403, 403, 403),
				new Row("POST", "/care/sessions/{id}/cancel", () -> "/care/sessions/" + session(p) + "/cancel", none,
						302, 302, 404, 404, 403, 403, 403),
				new Row("GET", "/care/schedule", () -> "/care/schedule", none, 302, 403, 403, 403, 200, 200, 403),
				new Row("POST", "/care/schedule/{id}/cancel", () -> "/care/schedule/" + session(p) + "/cancel", none,
						302, 403, 403, 403, 302, 404, 403),
				new Row("GET", "/care/hours", () -> "/care/hours", none, 302, 403, 403, 403, 200, 200, 403),
				new Row("POST", "/care/hours", () -> "/care/hours",
						Map.of("day", "SATURDAY", "from", "22:00", "to", "23:00"), 302, 403, 403, 403, 302, 302, 403),
				new Row("POST", "/care/hours/remove", () -> hoursBlock(p), Map.of("day", "MONDAY", "from", "05:00"),
						302, 403, 403, 403, 302, 404, 403),
				new Row("POST", "/care/hours/off", () -> "/care/hours/off",
						Map.of("first", LocalDate.now().plusDays(100).toString()), 302, 403, 403, 403, 302, 302, 403),
				new Row("POST", "/care/hours/off/{id}/remove", () -> "/care/hours/off/" + timeOff(p) + "/remove", none,
						302, 403, 403, 403, 302, 404, 403),
				new Row("POST", "/care/hours/room", () -> "/care/hours/room", Map.of("videoUrl", ""), 302, 403, 403,
						403, 302, 302, 403),
				new Row("GET", "/admin/care", () -> "/admin/care", none, 302, 403, 403, 403, 403, 403, 200),
				new Row("GET", "/admin/settings", () -> "/admin/settings", none, 302, 403, 403, 403, 403, 403, 200),
				// Empty fields keep the configured values, so this changes nothing for
				// other tests.
				new Row("POST", "/admin/settings", () -> "/admin/settings", Map.of("name", "", "locale", "en-US"), 302,
						403, 403, 403, 403, 403, 302),
				new Row("POST", "/admin/care/break-glass", () -> "/admin/care/break-glass", breakGlass, 302, 403, 403,
						403, 403, 403, 302),
				new Row("POST", "/admin/care/handover", () -> "/admin/care/handover", handover, 302, 403, 403, 403, 403,
						403, 302));

		List<Person> persons = new ArrayList<>();
		persons.add(null);
		persons.addAll(List.of(p.client(), p.otherClient(), p.partner(), p.therapist(), p.otherTherapist(), p.admin()));
		List<String> problems = new ArrayList<>();
		int cells = 0;
		for (Row row : rows) {
			assertThat(row.expected()).as(row.pattern()).hasSize(WHO.size());
			for (int i = 0; i < WHO.size(); i++) {
				String path = row.path().get();
				MockHttpServletRequestBuilder request = MockMvcRequestBuilders
					.request(HttpMethod.valueOf(row.method()), path)
					.with(SecurityMockMvcRequestPostProcessors.csrf());
				row.params().forEach((k, v) -> request.param(k, v));
				if (persons.get(i) != null) {
					request.with(people.signedIn(persons.get(i)));
				}
				int status = this.mvc.perform(request).getResponse().getStatus();
				cells++;
				if (status != row.expected()[i]) {
					problems.add(row.method() + " " + row.pattern() + " as " + WHO.get(i) + ": expected "
							+ row.expected()[i] + ", got " + status);
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(cells).isEqualTo(rows.size() * WHO.size());

		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (((HandlerMethod) handler).getBeanType().getPackageName().equals("app.steadfast.care")) {
				for (String pattern : info.getPatternValues()) {
					info.getMethodsCondition()
						.getMethods()
						.forEach((m) -> mapped.add(m.name() + " " + normalise(pattern)));
				}
			}
		});
		Set<String> covered = new TreeSet<>();
		rows.forEach((r) -> covered.add(r.method() + " " + normalise(r.pattern())));
		assertThat(covered).as("every care endpoint is in the matrix").isEqualTo(mapped);
	}

	private static String normalise(String pattern) {
		return pattern.replaceAll("\\{[^}]+}", "{}");
	}

	private UUID alert(CarePeople p) {
		UUID record = UUID.randomUUID();
		this.alerts.raise(p.client().id(), p.therapist().id(), "JOURNAL", record, Set.of(RiskKind.SELF_HARM));
		return this.jdbc.sql("SELECT id FROM care_alert WHERE record_id = :r")
			.param("r", record)
			.query(UUID.class)
			.single();
	}

	private UUID session(CarePeople p) {
		hoursBlock(p);
		return this.appointments
			.book(p.client().id(), this.appointments.openSessionTimes(p.client().id(), null).get(0).start())
			.id();
	}

	/**
	 * His therapist's hours (every day), with a Monday block from 05:00 there each time.
	 */
	private String hoursBlock(CarePeople p) {
		var kept = this.appointments.availabilityOf(p.therapist().id()).hours();
		if (kept.isEmpty()) {
			for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
				this.appointments.addHours(p.therapist().id(), day, java.time.LocalTime.of(8, 0),
						java.time.LocalTime.of(20, 0));
			}
		}
		if (kept.stream().noneMatch((h) -> h.from().equals(java.time.LocalTime.of(5, 0)))) {
			this.appointments.addHours(p.therapist().id(), java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(5, 0),
					java.time.LocalTime.of(6, 0));
		}
		return "/care/hours/remove";
	}

	private UUID timeOff(CarePeople p) {
		LocalDate day = LocalDate.now().plusDays(150);
		this.appointments.addTimeOff(p.therapist().id(), day, day);
		return this.appointments.availabilityOf(p.therapist().id())
			.timeOff()
			.stream()
			.filter((o) -> o.first().equals(day))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private UUID homework(CarePeople p) {
		return this.homework.assign(p.therapist().id(), p.client().id(), Homework.Kind.TASK, null, null,
				"Write one honest sentence", LocalDate.now().plusDays(1));
	}

	private UUID measure(CarePeople p) {
		return this.measures.assign(p.therapist().id(), p.client().id(), Instrument.GAD7);
	}

	private static Map<String, String> gad7Answers() {
		Map<String, String> answers = new LinkedHashMap<>();
		for (int i = 0; i < 7; i++) {
			answers.put("q" + i, "1");
		}
		return answers;
	}

}
