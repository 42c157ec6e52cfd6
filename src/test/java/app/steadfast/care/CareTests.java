package app.steadfast.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Recurrence;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The client controls, category by category, what his therapist sees; the therapist sees
 * only that, read only, and every read shows on the client's "who saw what" page. Session
 * notes stay with their author.
 */
@SteadfastTest
class CareTests {

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
	app.steadfast.shared.Practice practice;

	@Autowired
	app.steadfast.conversations.ConversationManagement conversations;

	@Autowired
	CheckInManagement checkins;

	@Autowired
	JournalManagement journal;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	Consents consents;

	@Autowired
	List<ModuleAccess> modules;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
	}

	@Test
	void eachCategoryOpensOnlyItsViewAndRevocationHoldsOnTheNextRequest() {
		this.checkins.record(this.p.client().id(), new CheckInDetails(List.of("shame"), 6, BodyLocation.CHEST,
				"Her question about Friday", null, null, Instant.now().minusSeconds(60)), false);
		this.journal.write(this.p.client().id(), null, "I keep going back to that night.");
		this.commitments.create(this.p.client().id(),
				new CommitmentDetails("Phone face down at dinner", null, Recurrence.DAILY, Set.of(), null, null));
		String base = "/care/clients/" + this.p.client().id().value();
		record View(Category category, String path, String content) {
		}
		List<View> views = List.of(new View(Category.CHECKINS, base + "/checkins", "Her question about Friday"),
				new View(Category.JOURNAL, base + "/journal", "I keep going back to that night."),
				new View(Category.COMMITMENTS, base + "/commitments", "Phone face down at dinner"),
				new View(Category.INSIGHTS, base + "/insights", "Week by week (Monday to Sunday)"));
		for (View view : views) {
			for (View other : views) {
				assertThat(asTherapist(other.path())).as("%s before granting %s", other.path(), view.category())
					.hasStatus(404);
			}
			share(view.category(), true);
			for (View other : views) {
				if (other == view) {
					assertThat(asTherapist(other.path())).hasStatusOk().bodyText().contains(other.content());
				}
				else {
					assertThat(asTherapist(other.path())).as("%s with only %s granted", other.path(), view.category())
						.hasStatus(404);
				}
			}
			assertThat(get(this.p.otherTherapist(), view.path())).hasStatus(404);
			share(view.category(), false);
			assertThat(asTherapist(view.path())).as("the next request after revoking").hasStatus(404);
		}
		assertThat(get(this.p.client(), "/care/reads")).hasStatusOk()
			.bodyText()
			.contains("Check-ins", "Journal", "Commitments", this.p.therapist().displayName(), "Your grant");
		assertThat(this.sharing.grantsBy(this.p.client().id())
			.stream()
			.filter((g) -> g.grantee().equals(this.p.therapist().id()))
			.allMatch((g) -> g.revokedAt() != null)).isTrue();
	}

	@Test
	void theCaseloadCountsHisStuckSignalsOnlyWhenHeSharesHisProgress() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.checkins.record(this.p.client().id(), new CheckInDetails(List.of("anger"), 9, BodyLocation.CHEST, null,
					null, null, Instant.now().minusSeconds(600 + i)), false);
		}
		assertThat(asTherapist("/care")).bodyText().contains("Stuck signals", "Not shared");
		share(Category.INSIGHTS, true);
		String page = asTherapist("/care").getResponse().getContentAsString();
		assertThat(page).contains("/care/clients/" + this.p.client().id().value() + "/insights\">1</a>");
		assertThat(asTherapist("/care/clients/" + this.p.client().id().value() + "/insights")).bodyText()
			.contains("Anger or shame has hit hard 3 times");
	}

	@Test
	void hisOwnPulseSitsBesideTheMeasuresWhenHeSharesHisProgressAndHisPartnersNever() {
		java.time.LocalDate monday = java.time.LocalDate.now(this.practice.zone())
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
		for (Person person : List.of(this.p.client(), this.p.partner())) {
			this.jdbc
				.sql("""
						INSERT INTO trust_pulse (id, account_id, week_start, count_on, honest, safe, listened, hopeful, note, shared, answered_at)
						VALUES (:id, :p, :week, :s, :s, :s, :s, :s, NULL, TRUE, CURRENT_TIMESTAMP)
						""")
				.param("id", UUID.randomUUID())
				.param("p", person.id().value())
				.param("week", monday)
				.param("s", (person == this.p.client()) ? 6 : 2)
				.update();
		}
		String client = "/care/clients/" + this.p.client().id().value();
		assertThat(asTherapist(client)).bodyText().doesNotContain("his own weekly pulse");
		share(Category.INSIGHTS, true);
		assertThat(asTherapist(client)).bodyText()
			.contains("his own weekly pulse", "<td>6.0</td>")
			.doesNotContain("<td>2.0</td>");
		assertThat(asTherapist("/care")).bodyText().contains("6.0 of 7");
		assertThat(asTherapist(client + "/insights")).bodyText()
			.contains("His own weekly pulse", "<td>6.0</td>")
			.doesNotContain("<td>2.0</td>");
	}

	@Test
	void sharedStatementsAndConversationsAreLinkedForHisTherapistAndReadOnly() {
		this.conversations.log(this.p.client().id(),
				new app.steadfast.conversations.TalkDetails(null, "Money", null, java.time.LocalDate.now().minusDays(1),
						3, app.steadfast.conversations.Escalation.NO, app.steadfast.conversations.BreakTaken.NO,
						"Slowing down helped", null, false));
		String client = "/care/clients/" + this.p.client().id().value();
		assertThat(asTherapist(client)).bodyText().doesNotContain("His log of hard conversations");
		assertThat(asTherapist("/conversations/shared")).hasStatusOk().bodyText().doesNotContain("Slowing down helped");
		share(Category.CONVERSATIONS, true);
		assertThat(asTherapist(client)).bodyText().contains("His log of hard conversations");
		assertThat(asTherapist("/conversations/shared")).hasStatusOk()
			.bodyText()
			.contains("Slowing down helped", "read only")
			.doesNotContain("Your partner&#39;s own log");
		assertThat(this.mvc.post()
			.uri("/conversations/shared/{id}", UUID.randomUUID())
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())).as("only a partner adds a view").hasStatus(403);
	}

	@Test
	void theClientSeesExactlyWhatIsGrantedAndOnlyCategoriesThisDeploymentCanShow() {
		share(Category.JOURNAL, true);
		share(Category.RISK_ALERTS, true);
		assertThat(this.consents.granted(this.p.client().id(), this.p.therapist().id()))
			.containsExactlyInAnyOrder(Category.JOURNAL, Category.RISK_ALERTS);
		MvcTestResult page = get(this.p.client(), "/care/grants");
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("Stop sharing journal", "Stop sharing risk alerts", "Share check-ins", "Share commitments",
					"How risk alerts work", "never your words");
		for (var pair : List.of(List.of(Category.STATEMENTS, "/repair"),
				List.of(Category.CONVERSATIONS, "/conversations"), List.of(Category.INSIGHTS, "/insights"))) {
			Category category = (Category) pair.get(0);
			String prefix = (String) pair.get(1);
			boolean present = this.modules.stream()
				.flatMap((m) -> m.rules().stream())
				.anyMatch((r) -> r.pattern().startsWith(prefix));
			assertThat(this.consents.offered().stream().anyMatch((c) -> c.category() == category))
				.as("%s offered only when its module is here", category)
				.isEqualTo(present);
			if (!present) {
				share(category, true);
				assertThat(this.consents.granted(this.p.client().id(), this.p.therapist().id()))
					.doesNotContain(category);
			}
		}
		// A client without a therapist is told so and can grant nothing.
		// A partner without a therapist of her own is told how to find one.
		assertThat(get(this.p.partner(), "/care/grants")).hasStatusOk()
			.bodyText()
			.contains("don’t have a therapist of your own");
		Person alone = this.people.client();
		assertThat(get(alone, "/care/grants")).hasStatusOk().bodyText().contains("don’t have a therapist");
	}

	@Test
	void sessionNotesStayWithTheirAuthorKeepHistoryAndNeverReachAClientOrPartnerPage() throws Exception {
		String sentinel = "NOTE-SENTINEL-" + UUID.randomUUID();
		String plan = "PLAN-SENTINEL-" + UUID.randomUUID();
		String base = "/care/clients/" + this.p.client().id().value() + "/notes";
		assertThat(this.mvc.post()
			.uri(base)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("sessionDate", "")
			.param("body", sentinel)
			.param("plan", plan)).hasStatusOk().bodyText().contains("Give the date of the session.", sentinel);
		assertThat(this.mvc.post()
			.uri(base)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("sessionDate", "last Tuesday")
			.param("body", sentinel)
			.param("plan", plan)).hasStatusOk()
			.bodyText()
			.contains("id=\"sessionDate-error\">Give the date of the session, like 2026-03-14.</p>",
					"value=\"last Tuesday\"", sentinel, plan);
		assertThat(this.mvc.post()
			.uri(base)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("sessionDate", LocalDate.now().toString())
			.param("body", sentinel)
			.param("plan", plan)).hasRedirectedUrl(base);
		UUID note = this.jdbc.sql("SELECT id FROM care_note WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();
		assertThat(this.mvc.post()
			.uri(base + "/" + note)
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("sessionDate", LocalDate.now().toString())
			.param("body", sentinel + " revised")
			.param("plan", plan)).hasRedirectedUrl(base + "/" + note);
		assertThat(asTherapist(base + "/" + note)).hasStatusOk()
			.bodyText()
			.contains(sentinel + " revised", "Earlier text", sentinel);

		// Encrypted at rest, history included.
		List<String> raw = new ArrayList<>();
		raw.addAll(this.jdbc.sql("SELECT body FROM care_note").query(String.class).list());
		raw.addAll(this.jdbc.sql("SELECT plan FROM care_note WHERE plan IS NOT NULL").query(String.class).list());
		raw.addAll(this.jdbc.sql("SELECT body FROM care_note_version").query(String.class).list());
		assertThat(raw).isNotEmpty().noneMatch((s) -> s.contains("SENTINEL"));

		// Nobody else reads it: another therapist, the admin, the client, the partner.
		assertThat(get(this.p.otherTherapist(), base + "/" + note)).hasStatus(404);
		assertThat(get(this.p.otherTherapist(), base)).hasStatus(404);
		assertThat(get(this.p.admin(), base + "/" + note)).hasStatus(403);

		// Every page the client and partner can open, with everything else of care in
		// play.
		share(Category.CHECKINS, true);
		share(Category.JOURNAL, true);
		this.mvc.post()
			.uri("/care/clients/{id}/measures", this.p.client().id().value())
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("instrument", "GAD7")
			.exchange();
		UUID measure = this.jdbc.sql("SELECT id FROM care_measure WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();
		List<String> pages = new ArrayList<>(staticGetPages());
		pages.add("/care/measures/" + measure);
		int opened = 0;
		for (Person reader : List.of(this.p.client(), this.p.partner())) {
			for (String page : pages) {
				MvcTestResult result = get(reader, page);
				String body = result.getResponse().getContentAsString();
				assertThat(body).as("%s as %s", page, reader.role()).doesNotContain("NOTE-SENTINEL", "PLAN-SENTINEL");
				if (result.getResponse().getStatus() == 200) {
					opened++;
				}
			}
		}
		assertThat(opened).as("pages that answered 200").isGreaterThan(15);

		// After an admin hands the client over, the new therapist reads the notes; the
		// old one cannot.
		this.mvc.post()
			.uri("/admin/care/handover")
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.param("clientEmail", this.p.client().email())
			.param("therapistId", this.p.otherTherapist().id().value().toString())
			.exchange();
		assertThat(get(this.p.otherTherapist(), base + "/" + note)).hasStatusOk()
			.bodyText()
			.contains(sentinel + " revised")
			.doesNotContain("Save changes");
		assertThat(asTherapist(base + "/" + note)).hasStatus(404);
		assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM audit_event WHERE action = 'CLIENT_REASSIGNED' AND subject_id = (SELECT alias FROM audit_alias WHERE account_id = :c)")
			.param("c", this.p.client().id().value())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void whenATherapistLeavesTheirClientsWaitOnTopForTheAdminAndAreToldPlainly() throws Exception {
		this.accounts.deactivate(this.p.admin().id(), this.p.therapist().id());

		// The admin sees both clients waiting, on his home page and on top of care
		// access.
		assertThat(get(this.p.admin(), "/")).bodyText()
			.contains("Clients waiting for a therapist", "2 clients are waiting");
		String care = get(this.p.admin(), "/admin/care").getResponse().getContentAsString();
		assertThat(care).contains("2 clients need a new therapist", this.p.client().email(),
				this.p.otherClient().email());
		assertThat(care.indexOf("need a new therapist")).isLessThan(care.indexOf("Emergency access"));

		// The client is told, plainly, that nobody reads what he shares for now.
		assertThat(get(this.p.client(), "/care/grants")).bodyText()
			.contains("has left the practice", "nobody reads what you share")
			.doesNotContain("Your therapist is <strong>");
		assertThat(get(this.p.client(), "/")).bodyText().contains("Your therapist has left the practice");

		// A handover with a mistake keeps what the admin typed, next to each field.
		assertThat(this.mvc.post()
			.uri("/admin/care/handover")
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.param("clientEmail", "nobody@example.org")
			.param("therapistId", this.p.therapist().id().value().toString())).hasStatusOk()
			.bodyText()
			.contains("Give the email address of one of the practice’s clients.", "Choose their new therapist.",
					"value=\"nobody@example.org\"");

		// Handed over from the list, he no longer waits and his new therapist has him.
		assertThat(this.mvc.post()
			.uri("/admin/care/handover")
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.param("clientEmail", this.p.client().email())
			.param("therapistId", this.p.otherTherapist().id().value().toString())).hasRedirectedUrl("/admin/care");
		assertThat(get(this.p.admin(), "/admin/care")).bodyText()
			.contains("A client needs a new therapist", this.p.otherClient().email())
			.doesNotContain(this.p.client().email());
		assertThat(get(this.p.otherTherapist(), "/care/clients/" + this.p.client().id().value())).hasStatusOk();
		assertThat(get(this.p.client(), "/care/grants")).bodyText().doesNotContain("has left the practice");
	}

	@Test
	void homeworkReachesHisHomePageHeMarksItDoneAndTheTherapistSeesIt() throws Exception {
		String clientPage = "/care/clients/" + this.p.client().id().value();
		assertThat(this.mvc.post()
			.uri(clientPage + "/homework")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("kind", "TASK")
			.param("task", "")
			.param("dueDate", LocalDate.now().minusDays(1).toString())).hasStatusOk()
			.bodyText()
			.contains("Write the task in a sentence or two.");
		assertThat(this.mvc.post()
			.uri(clientPage + "/homework")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("kind", "TASK")
			.param("task", "Notice one moment you felt defensive")
			.param("dueDate", LocalDate.now().minusDays(1).toString())).hasStatusOk()
			.bodyText()
			.contains("The due date can’t be in the past.", "Notice one moment you felt defensive");
		assertThat(this.mvc.post()
			.uri(clientPage + "/homework")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("kind", "TASK")
			.param("task", "Notice one moment you felt defensive")
			.param("dueDate", LocalDate.now().plusDays(3).toString())).hasRedirectedUrl(clientPage);
		assertThat(this.mvc.post()
			.uri(clientPage + "/homework")
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.param("kind", "EXERCISE")
			.param("exercise", "CHECK_IN_ROUTINE")
			.param("dueDate", LocalDate.now().plusDays(5).toString())).hasRedirectedUrl(clientPage);
		if (this.modules.stream()
			.flatMap((m) -> m.rules().stream())
			.noneMatch((r) -> r.pattern().startsWith("/repair"))) {
			assertThat(this.mvc.post()
				.uri(clientPage + "/homework")
				.with(this.people.signedIn(this.p.therapist()))
				.with(csrf())
				.param("kind", "EXERCISE")
				.param("exercise", "STATEMENT_PART")
				.param("dueDate", LocalDate.now().plusDays(5).toString())).hasStatusOk()
				.bodyText()
				.contains("Choose an exercise.");
		}

		assertThat(get(this.p.client(), "/")).hasStatusOk().bodyText().contains("Homework from your therapist");
		assertThat(get(this.p.client(), "/care/homework")).hasStatusOk()
			.bodyText()
			.contains("Notice one moment you felt defensive", "Name what you feel with a check-in each day");
		UUID task = this.jdbc.sql("SELECT id FROM care_homework WHERE client_id = :c AND kind = 'TASK'")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("SELECT task FROM care_homework WHERE id = :id")
			.param("id", task)
			.query(String.class)
			.single()).doesNotContain("defensive");
		assertThat(this.mvc.post()
			.uri("/care/homework/{id}/done", task)
			.with(this.people.signedIn(this.p.otherClient()))
			.with(csrf())).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/care/homework/{id}/done", task)
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())).hasRedirectedUrl("/care/homework");
		String seen = asTherapist(clientPage).getResponse().getContentAsString();
		assertThat(seen).contains("Notice one moment you felt defensive");
		assertThat(seen.split("Not yet", -1)).as("one of two still open").hasSize(2);
		assertThat(get(this.p.therapist(), "/care")).hasStatusOk().bodyText().contains(this.p.client().displayName());
	}

	@Test
	void breakGlassOpensWhatHeGrantedForADayWithAReasonHeReads() {
		share(Category.JOURNAL, true);
		this.journal.write(this.p.client().id(), null, "A hard week.");
		String journalPage = "/care/clients/" + this.p.client().id().value() + "/journal";
		assertThat(get(this.p.otherTherapist(), journalPage)).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/admin/care/break-glass")
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.param("clientEmail", this.p.client().email())
			.param("therapistId", this.p.otherTherapist().id().value().toString())
			.param("reason", "short")).hasStatusOk().bodyText().contains("at least 20 characters");
		assertThat(this.mvc.post()
			.uri("/admin/care/break-glass")
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.param("clientEmail", this.p.client().email())
			.param("therapistId", this.p.otherTherapist().id().value().toString())
			.param("reason", "His therapist is on leave and he wrote to the practice in distress."))
			.hasRedirectedUrl("/admin/care");
		assertThat(get(this.p.otherTherapist(), journalPage)).hasStatusOk().bodyText().contains("A hard week.");
		assertThat(get(this.p.otherTherapist(), "/care/clients/" + this.p.client().id().value() + "/checkins"))
			.hasStatus(404);
		assertThat(get(this.p.client(), "/care/grants")).hasStatusOk()
			.bodyText()
			.contains("Emergency access", "His therapist is on leave", this.p.otherTherapist().displayName());
		assertThat(get(this.p.client(), "/care/reads")).hasStatusOk()
			.bodyText()
			.contains("Emergency access opened by the practice");
		assertThat(this.sharing.grantsBy(this.p.client().id())
			.stream()
			.filter((g) -> g.grantee().equals(this.p.otherTherapist().id()))
			.allMatch(
					(g) -> g.expiresAt() != null && g.expiresAt().isBefore(Instant.now().plusSeconds(24 * 3600 + 60))))
			.isTrue();
		assertThat(get(this.p.admin(), "/admin/care")).hasStatusOk()
			.bodyText()
			.doesNotContain("His therapist is on leave");
	}

	private List<String> staticGetPages() {
		List<String> pages = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.contains("{") && !pattern.startsWith("/actuator") && !pattern.equals("/logout")) {
					pages.add(pattern);
				}
			}
		});
		return pages;
	}

	private void share(Category category, boolean on) {
		this.mvc.post()
			.uri("/care/grants")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())
			.param("category", category.name())
			.param("share", on ? "on" : "off")
			.exchange();
	}

	private MvcTestResult asTherapist(String path) {
		return get(this.p.therapist(), path);
	}

	private MvcTestResult get(Person person, String path) {
		return this.mvc.get().uri(path).with(this.people.signedIn(person)).exchange();
	}

}
