package app.steadfast;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditLog;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.TalkDetails;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.insights.InsightsManagement;
import app.steadfast.repair.QuestionManagement;
import app.steadfast.repair.StatementManagement;
import app.steadfast.repair.StatementPart;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * He deletes his account: after a tick and his password, no row in any table of the
 * database holds his id or his email, the audit chain still verifies, and his partner's
 * own records stay hers.
 */
@SteadfastTest
class AccountDeletionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	JournalManagement journal;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	ConversationManagement conversations;

	@Autowired
	StatementManagement statements;

	@Autowired
	QuestionManagement questions;

	@Autowired
	CoupleManagement couple;

	@Autowired
	SharingManagement sharing;

	@Autowired
	app.steadfast.couple.ReassuranceManagement reassurance;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	InsightsManagement insights;

	@Autowired
	AuditLog audit;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Test
	void afterHeDeletesHisAccountNoTableHoldsHisIdOrEmail() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person him = people.client();
		Person her = people.withRole(Role.PARTNER);
		Person therapist = people.withRole(Role.THERAPIST);
		Person admin = people.withRole(Role.ADMIN);
		new TestCouples(this.jdbc, this.couple).link(him, her);
		this.consultations.reassign(admin.id(), him.id(), therapist.id());
		this.sharing.grant(him.id(), therapist.id(), Category.CHECKINS, GrantKind.THERAPIST, null);
		this.couple.share(him.id(), Category.COMMITMENTS, true);

		this.checkIns.record(him.id(), new CheckInDetails(List.of("shame"), 7, BodyLocation.CHEST, "His trigger words",
				null, null, Instant.now().minusSeconds(600)), false);
		this.journal.write(him.id(), null, "His journal words");
		CommitmentId promise = this.commitments.create(him.id(),
				new CommitmentDetails("His promise words", null, Recurrence.DAILY, Set.of(), null, null));
		this.commitments.record(him.id(), promise, this.accounts.today(him.id()), Outcome.KEPT, "His note", null);
		this.commitments.witness(her.id(), promise, this.accounts.today(him.id()),
				app.steadfast.commitments.Seen.CONFIRMED, "Her view of his day");
		this.conversations.log(him.id(), new TalkDetails(null, "His topic", null, LocalDate.now().minusDays(1), 3,
				Escalation.NO, BreakTaken.NO, "His helped words", null, false));
		this.statements.save(him.id(), null, Map.of(StatementPart.WHAT_HAPPENED, "His statement words"));
		List<app.steadfast.repair.QuestionId> asked = this.questions.ask(her.id(),
				List.of(new QuestionManagement.NewQuestion("Her question to him", null)));
		this.questions.answer(him.id(), asked.get(0), "His answer words");
		// The quiet signal: his setting and list, and a signal of hers to him he
		// answered.
		this.reassurance.turn(him.id(), true);
		this.reassurance.turn(her.id(), true);
		this.reassurance.add(him.id(), "His offer words");
		this.reassurance.signal(her.id());
		this.reassurance.helped(him.id(), this.reassurance.view(him.id()).signals().get(0).id(),
				app.steadfast.couple.Helped.YES);
		this.insights.progress(him.id(), him.id(), 12);
		this.mvc.get().uri("/checkins").with(people.signedIn(him)).exchange();
		assertThat(this.mvc.post()
			.uri("/care/clients/{id}/notes", him.id().value())
			.with(people.signedIn(therapist))
			.with(csrf())
			.param("sessionDate", LocalDate.now().toString())
			.param("body", "A session note about him")
			.param("plan", "")).hasStatus3xxRedirection();
		this.checkIns.record(her.id(), new CheckInDetails(List.of("hurt"), 6, BodyLocation.STOMACH,
				"Her own trigger words", null, null, Instant.now().minusSeconds(600)), false);
		assertThat(occurrences(him)).as("he is everywhere before").isNotEmpty();

		// Without the tick, or with the wrong password, nothing happens and he is told
		// why.
		assertThat(delete(people, him, null, TestPeople.PASSWORD)).hasStatusOk()
			.bodyText()
			.contains("Tick the box to say you understand");
		assertThat(delete(people, him, "yes", "not-my-password")).hasStatusOk()
			.bodyText()
			.contains("That isn’t your current password.");
		assertThat(this.accounts.find(him.id())).isPresent();

		assertThat(delete(people, him, "yes", TestPeople.PASSWORD)).hasRedirectedUrl("/login?deleted");
		// The events of the last writes may still be on their way; let them land first.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(occurrences(him)).as("tables and columns still holding his id or email")
				.isEmpty());
		assertThat(this.accounts.find(him.id())).isEmpty();
		assertThat(this.audit.verify().intact()).isTrue();
		assertThat(this.accounts.find(her.id())).isPresent();
		assertThat(this.checkIns.history(her.id(), her.id())).extracting((c) -> c.trigger())
			.containsExactly("Her own trigger words");
		assertThat(this.couple.partnerOf(her.id())).isEmpty();
	}

	@Test
	void onlyClientsAndPartnersDeleteTheirOwnAccountHere() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		assertThat(this.mvc.get().uri("/accounts/delete")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/accounts/delete").with(people.signedIn(people.withRole(Role.THERAPIST))))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/accounts/delete").with(people.signedIn(people.client()))).hasStatusOk()
			.bodyText()
			.contains("download your data", "Delete my account for good");
	}

	private MvcTestResult delete(TestPeople people, Person person, String understood, String password) {
		var request = this.mvc.post()
			.uri("/accounts/delete")
			.with(people.signedIn(person))
			.with(csrf())
			.param("password", password);
		if (understood != null) {
			request = request.param("understood", understood);
		}
		return request.exchange();
	}

	/** Every table.column whose text holds his id or email, with how many rows. */
	private List<String> occurrences(Person person) throws Exception {
		List<String> found = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String schema = connection.getSchema();
			List<String[]> columns = new ArrayList<>();
			try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, "%", "%")) {
				while (rs.next()) {
					String type = rs.getString("TYPE_NAME").toUpperCase(java.util.Locale.ROOT);
					if (type.contains("CHAR") || type.contains("TEXT") || type.contains("CLOB") || type.equals("UUID")
							|| type.contains("JSON")) {
						columns.add(new String[] { rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME") });
					}
				}
			}
			assertThat(columns).as("text and id columns found").hasSizeGreaterThan(50);
			for (String[] column : columns) {
				for (String needle : List.of(person.id().value().toString(), person.email())) {
					int rows = this.jdbc
						.sql("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE CAST(\"" + column[1]
								+ "\" AS VARCHAR(100000)) LIKE :needle")
						.param("needle", "%" + needle + "%")
						.query(Integer.class)
						.single();
					if (rows > 0) {
						found.add(column[0] + "." + column[1] + " (" + rows + ")");
					}
				}
			}
		}
		return found;
	}

}
