package app.steadfast.consultations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.Htmx;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Staff triage: the inbox, a request's page (audited, his words for therapists only),
 * every status step with its history, and everyone else kept out.
 */
@SteadfastTest
class TriageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person therapist;

	Person admin;

	@BeforeEach
	void staff() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.therapist = this.people.withRole(Role.THERAPIST);
		this.admin = this.people.withRole(Role.ADMIN);
	}

	@Test
	void theInboxListsRequestsNewestFirstWithAgeAndStatus() throws Exception {
		ConsultationId older = store("Older " + UUID.randomUUID());
		ConsultationId newer = store("Newer " + UUID.randomUUID());
		age(older, Instant.now().minus(3, ChronoUnit.HOURS));

		MvcTestResult inbox = this.mvc.get().uri("/consultations").with(as(this.therapist)).exchange();
		assertThat(inbox).hasStatusOk();
		String body = inbox.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("Consultation requests", "3 hours ago", "just now", "New")
			.doesNotContain("just now ago");
		assertThat(body.indexOf(newer.toString())).as("newest first")
			.isPositive()
			.isLessThan(body.indexOf(older.toString()));
	}

	@Test
	void aNewRequestOlderThanOneBusinessDayIsHighlighted() throws Exception {
		ConsultationId waiting = store("Waiting " + UUID.randomUUID());
		age(waiting, Instant.now().minus(5, ChronoUnit.DAYS));
		ConsultationId fresh = store("Fresh " + UUID.randomUUID());

		String body = this.mvc.get()
			.uri("/consultations?show=new")
			.with(as(this.admin))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String waitingRow = row(body, waiting);
		assertThat(waitingRow).contains("overdue", "Waiting over a business day", "5 days ago");
		assertThat(row(body, fresh)).doesNotContain("Waiting over a business day");
		assertThat(this.mvc.get().uri("/consultations/" + waiting).with(as(this.therapist))).bodyText()
			.contains("Waiting over a business day.");
	}

	@Test
	void anHtmxRequestForTheInboxGetsOnlyTheList() {
		store("Htmx " + UUID.randomUUID());
		MvcTestResult fragment = this.mvc.get()
			.uri("/consultations?show=all")
			.header(Htmx.REQUEST_HEADER, "true")
			.with(as(this.therapist))
			.exchange();
		assertThat(fragment).hasStatusOk();
		assertThat(fragment).bodyText()
			.startsWith("<section id=\"requests\"")
			.doesNotContain("<html")
			.contains("aria-current=\"page\"");
	}

	@Test
	void aTherapistReadsHisMessageAndEveryViewIsAuditedWithIdsOnly() {
		String secret = "SENTINEL-" + UUID.randomUUID() + " we keep fighting about the same thing";
		ConsultationId id = RequestSamples.store(this.consultations, "Marco", "marco@example.org", "", "EMAIL", secret);

		MvcTestResult page = this.mvc.get().uri("/consultations/" + id).with(as(this.therapist)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Request from Marco", "marco@example.org", "Weekday mornings", "Arguments that keep coming back",
					secret);

		List<AuditRecord> views = this.audit.latest(50)
			.stream()
			.filter((r) -> r.action() == AuditAction.CONSULTATION_VIEWED && id.toString().equals(r.recordRef()))
			.toList();
		assertThat(views).singleElement().satisfies((r) -> {
			assertThat(r.actorId()).isEqualTo(this.therapist.id().value());
			assertThat(r.category()).isEqualTo("CONSULTATION");
			assertThat(r.reason()).isEqualTo("THERAPIST");
		});
	}

	@Test
	void anAdminTriagesButNeverSeesHisMessageOrTheNote() {
		String secret = "SENTINEL-" + UUID.randomUUID();
		ConsultationId id = RequestSamples.store(this.consultations, "Ade", "ade@example.org", "", "EMAIL", secret);
		post(this.therapist, id, "note", "note", "NOTE-" + secret);

		MvcTestResult page = this.mvc.get().uri("/consultations/" + id).with(as(this.admin)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Request from Ade", "Their message and the internal note are for therapists only.")
			.doesNotContain(secret)
			.doesNotContain("name=\"note\"");
		assertThat(post(this.admin, id, "note", "note", "overwritten")).hasRedirectedUrl("/consultations/" + id);
		assertThat(this.mvc.get().uri("/consultations/" + id).with(as(this.therapist))).bodyText()
			.contains("NOTE-" + secret);
	}

	@Test
	void theNoteIsEncryptedAtRest() {
		String secret = "SENTINEL-" + UUID.randomUUID() + " sounds ashamed";
		ConsultationId id = store("Noted " + UUID.randomUUID());
		assertThat(post(this.therapist, id, "note", "note", secret)).hasRedirectedUrl("/consultations/" + id);
		String stored = this.jdbc.sql("SELECT note FROM consultation WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
		assertThat(stored).isNotBlank().doesNotContain("SENTINEL").doesNotContain("ashamed");
		assertThat(this.mvc.get().uri("/consultations/" + id).with(as(this.therapist))).bodyText().contains(secret);
	}

	@Test
	void aRequestMovesFromNewToContactedToScheduledToClosedAndEachStepIsInItsHistory() {
		ConsultationId id = store("Steps " + UUID.randomUUID());
		assertThat(status(id)).isEqualTo("NEW");

		assertThat(post(this.therapist, id, "contacted")).hasRedirectedUrl("/consultations/" + id);
		assertThat(status(id)).isEqualTo("CONTACTED");

		assertThat(post(this.admin, id, "assign", "therapist", this.therapist.id().toString()))
			.hasRedirectedUrl("/consultations/" + id);
		assertThat(this.jdbc.sql("SELECT therapist_id FROM consultation WHERE id = :id")
			.param("id", id.value())
			.query(UUID.class)
			.single()).isEqualTo(this.therapist.id().value());

		String day = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
		assertThat(this.mvc.post()
			.uri("/consultations/" + id + "/schedule")
			.with(as(this.therapist))
			.with(csrf())
			.param("date", day)
			.param("time", "17:30")
			.param("therapist", this.therapist.id().toString())).hasRedirectedUrl("/consultations/" + id);
		assertThat(status(id)).isEqualTo("SCHEDULED");

		assertThat(post(this.therapist, id, "close", "reason", "REFERRED_ELSEWHERE"))
			.hasRedirectedUrl("/consultations/" + id);
		assertThat(status(id)).isEqualTo("CLOSED");

		MvcTestResult page = this.mvc.get().uri("/consultations/" + id).with(as(this.therapist)).exchange();
		assertThat(page).bodyText()
			.contains("Request received", "through the form", "Marked as contacted", "Assigned",
					"Consultation scheduled, invitation sent", "Closed", "Referred elsewhere")
			.contains(this.therapist.displayName(), this.admin.displayName());
		List<Map<String, Object>> history = this.jdbc
			.sql("SELECT kind, actor_id, status FROM consultation_change WHERE consultation_id = :id ORDER BY id")
			.param("id", id.value())
			.query()
			.listOfRows();
		assertThat(history).extracting((row) -> row.get("kind"))
			.containsExactly("RECEIVED", "CONTACTED", "ASSIGNED", "SCHEDULED", "CLOSED");
		assertThat(history.get(0).get("actor_id")).isNull();
		assertThat(history.get(2).get("actor_id")).isEqualTo(this.admin.id().value());
		assertThat(history.get(4).get("status")).isEqualTo("CLOSED");
	}

	@Test
	void stepsThatDoNotFitAreRefusedWithAReason() {
		ConsultationId id = store("Refused " + UUID.randomUUID());
		assertThat(post(this.therapist, id, "close")).hasRedirectedUrl("/consultations/" + id);
		assertThat(status(id)).isEqualTo("NEW");

		String yesterday = java.time.LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
		MvcTestResult past = this.mvc.post()
			.uri("/consultations/" + id + "/schedule")
			.with(as(this.therapist))
			.with(csrf())
			.param("date", yesterday)
			.param("time", "10:00")
			.param("therapist", this.therapist.id().toString())
			.exchange();
		assertThat(past.getMvcResult().getFlashMap().get("problem")).isEqualTo("Choose a time in the future.");
		assertThat(post(this.therapist, id, "assign", "therapist", this.admin.id().toString()).getMvcResult()
			.getFlashMap()
			.get("problem")).isEqualTo("Choose one of the practice's therapists.");
		assertThat(status(id)).isEqualTo("NEW");

		assertThat(post(this.therapist, id, "close", "reason", "NOT_A_FIT")).hasRedirectedUrl("/consultations/" + id);
		assertThat(post(this.therapist, id, "contacted").getMvcResult().getFlashMap().get("problem"))
			.isEqualTo("This request is closed.");
		assertThat(
				post(this.therapist, id, "close", "reason", "NO_RESPONSE").getMvcResult().getFlashMap().get("problem"))
			.isEqualTo("This request is closed.");
		assertThat(this.jdbc.sql("SELECT close_reason FROM consultation WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single()).isEqualTo("NOT_A_FIT");
		MvcTestResult closed = this.mvc.get().uri("/consultations/" + id).with(as(this.therapist)).exchange();
		assertThat(closed).bodyText().contains("Not a fit").doesNotContain("Schedule and send the invitation");
	}

	@Test
	void aDayTimeTherapistOrReasonThatCannotBeReadIsAMessageBesideItsFieldWithWhatWasTypedKept() {
		ConsultationId id = store("Unreadable " + UUID.randomUUID());
		MvcTestResult day = post(this.therapist, id, "schedule", "date", "next tuesday", "time", "10:00", "therapist",
				this.therapist.id().toString());
		assertThat(day).hasRedirectedUrl("/consultations/" + id);
		assertThat(flash(day)).containsEntry("problem", "Give the day as a date like 2027-01-31.")
			.containsEntry("problemField", "date")
			.containsEntry("dateDraft", "next tuesday")
			.containsEntry("timeDraft", "10:00");
		assertThat(
				this.mvc.get().uri("/consultations/" + id).with(as(this.therapist)).cookie(TestPeople.sessionOf(day)))
			.bodyText()
			.contains("id=\"schedule-date-error\">Give the day as a date like 2027-01-31.</p>",
					"value=\"next tuesday\"", "value=\"10:00\"",
					"aria-describedby=\"schedule-hint schedule-date-error\"")
			.doesNotContain("id=\"schedule-time-error\"", "id=\"assign-therapist-error\"");
		MvcTestResult time = post(this.therapist, id, "schedule", "date", "2099-03-01", "time", "half past ten",
				"therapist", this.therapist.id().toString());
		assertThat(flash(time)).containsEntry("problem", "Give the time like 14:30.")
			.containsEntry("timeDraft", "half past ten")
			.containsEntry("dateDraft", "2099-03-01");
		MvcTestResult someone = post(this.therapist, id, "assign", "therapist", "someone");
		assertThat(flash(someone)).containsEntry("problem", "Choose one of the practice's therapists.")
			.containsEntry("problemForm", "assignForm");
		assertThat(this.mvc.get()
			.uri("/consultations/" + id)
			.with(as(this.therapist))
			.cookie(TestPeople.sessionOf(someone))).bodyText()
			.contains("id=\"assign-therapist-error\">Choose one of the practice&#39;s therapists.</p>")
			.doesNotContain("id=\"schedule-therapist-error\"");
		assertThat(flash(post(this.therapist, id, "close", "reason", "BORED")))
			.containsEntry("problem", "Choose why the request is closed.")
			.containsEntry("problemField", "reason");
		assertThat(status(id)).isEqualTo("NEW");

		assertThat(flash(post(this.therapist, id, "assign", "therapist", this.therapist.id().toString())))
			.containsEntry("done", "The request is assigned.");
		assertThat(flash(post(this.therapist, id, "close", "reason", "NOT_A_FIT"))).containsEntry("done",
				"The request is closed.");
		assertThat(status(id)).isEqualTo("CLOSED");
	}

	@Test
	void clientsPartnersAndVisitorsAreKeptOut() {
		ConsultationId id = store("Private " + UUID.randomUUID());
		Person client = this.people.client();
		Person partner = this.people.withRole(Role.PARTNER);
		for (String path : List.of("/consultations", "/consultations/" + id)) {
			assertThat(this.mvc.get().uri(path)).hasStatus(302).hasRedirectedUrl("/login");
			assertThat(this.mvc.get().uri(path).with(as(client))).hasStatus(403);
			assertThat(this.mvc.get().uri(path).with(as(partner))).hasStatus(403);
		}
		for (String step : List.of("contacted", "assign", "note", "schedule", "close", "invitation")) {
			String path = "/consultations/" + id + "/" + step;
			assertThat(this.mvc.post().uri(path).with(csrf())).hasStatus(302);
			assertThat(this.mvc.post().uri(path).with(as(client)).with(csrf())).hasStatus(403);
			assertThat(this.mvc.post().uri(path).with(as(partner)).with(csrf())).hasStatus(403);
		}
		assertThat(status(id)).isEqualTo("NEW");
		assertThat(this.mvc.get().uri("/consultations/" + id).with(as(client))).bodyText().doesNotContain("Private");
	}

	@Test
	void aMissingOrMalformedRequestIdAnswers404() {
		String missing = UUID.randomUUID().toString();
		assertThat(this.mvc.get().uri("/consultations/" + missing).with(as(this.therapist))).hasStatus(404);
		assertThat(this.mvc.get().uri("/consultations/not-an-id").with(as(this.therapist))).hasStatus(404);
		assertThat(post(this.therapist, new ConsultationId(UUID.fromString(missing)), "contacted")).hasStatus(404);
		// A form that cannot be read does not tell a missing request from one that
		// exists.
		assertThat(post(this.therapist, new ConsultationId(UUID.fromString(missing)), "close", "reason", "BORED"))
			.hasStatus(404);
		assertThat(this.mvc.post().uri("/consultations/not-an-id/close").with(as(this.admin)).with(csrf()))
			.hasStatus(404);
	}

	@Test
	void staffSeeTheRequestsCardOnTheirHomePageAndAClientWithoutATherapistIsOfferedOne() {
		store("Card " + UUID.randomUUID());
		assertThat(this.mvc.get().uri("/").with(as(this.therapist))).bodyText()
			.contains("Consultation requests", "waiting for a first contact", "href=\"/consultations\"");
		assertThat(this.mvc.get().uri("/").with(as(this.admin))).bodyText().contains("Consultation requests");
		Person client = this.people.client();
		assertThat(this.mvc.get().uri("/").with(as(client))).bodyText()
			.contains("Ask for a free consultation", "href=\"/consultation\"")
			.doesNotContain("Consultation requests");
	}

	private ConsultationId store(String name) {
		return RequestSamples.store(this.consultations, name, "", "+1 555 010 9999", "PHONE_CALL", "");
	}

	private void age(ConsultationId id, Instant receivedAt) {
		this.jdbc.sql("UPDATE consultation SET received_at = :at WHERE id = :id")
			.param("at", receivedAt.atOffset(ZoneOffset.UTC))
			.param("id", id.value())
			.update();
	}

	private String status(ConsultationId id) {
		return this.jdbc.sql("SELECT status FROM consultation WHERE id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
	}

	private MvcTestResult post(Person person, ConsultationId id, String step, String... params) {
		var request = this.mvc.post().uri("/consultations/" + id + "/" + step).with(as(person)).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private static java.util.Map<String, Object> flash(MvcTestResult result) {
		return result.getMvcResult().getFlashMap();
	}

	private RequestPostProcessor as(Person person) {
		return this.people.signedIn(person);
	}

	private static String row(String body, ConsultationId id) {
		int link = body.indexOf("/consultations/" + id);
		assertThat(link).as("the row of " + id).isPositive();
		return body.substring(body.lastIndexOf("<tr", link), body.indexOf("</tr>", link));
	}

}
