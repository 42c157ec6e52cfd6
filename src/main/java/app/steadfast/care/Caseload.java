package app.steadfast.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Reliability;
import app.steadfast.insights.InsightsManagement;
import app.steadfast.insights.ProgressGlance;
import app.steadfast.sharing.Category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's clients at a glance: what each grants, when he last signed in, open
 * alerts and homework, the next session, and, only where he shares commitments, how
 * reliably he kept them in the last 4 weeks. That figure is read through the commitments
 * module like any other shared read, so it is audited and the client sees it; so are his
 * stuck signals and latest pulse, read through the insights module where he shares his
 * progress. Nothing else of his records is read here.
 *
 * <p>
 * Each figure is read for all the clients at once, so the page costs the same number of
 * statements for three clients as for three hundred.
 */
@Service
class Caseload {

	private final Therapy therapy;

	private final Consents consents;

	private final RiskAlerts alerts;

	private final Homework homework;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final CommitmentManagement commitments;

	private final InsightsManagement insights;

	Caseload(Therapy therapy, Consents consents, RiskAlerts alerts, Homework homework, AuditLog audit, JdbcClient jdbc,
			CommitmentManagement commitments, InsightsManagement insights) {
		this.commitments = commitments;
		this.insights = insights;
		this.therapy = therapy;
		this.consents = consents;
		this.alerts = alerts;
		this.homework = homework;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * The therapist's assigned clients, longest first. Read-write: a client's progress
	 * keeps its completed weeks as it is read.
	 */
	@Transactional
	List<Row> of(AccountId therapist) {
		Map<AccountId, Instant> since = new LinkedHashMap<>();
		this.therapy.clientsOf(therapist).forEach((a) -> since.put(a.client(), a.since()));
		return rows(therapist, since);
	}

	/** One client, as the caseload shows him. */
	@Transactional
	Row row(AccountId therapist, AccountId client, Instant since) {
		Map<AccountId, Instant> one = new HashMap<>();
		one.put(client, since);
		return rows(therapist, one).get(0);
	}

	private List<Row> rows(AccountId therapist, Map<AccountId, Instant> since) {
		List<AccountId> clients = List.copyOf(since.keySet());
		Map<AccountId, Set<Category>> granted = this.consents.granted(clients, therapist);
		Map<AccountId, Reliability.Tally> kept = this.commitments.reliabilityOf(therapist,
				sharing(clients, granted, Category.COMMITMENTS), 4);
		Map<AccountId, ProgressGlance> progress = this.insights.glances(therapist,
				sharing(clients, granted, Category.INSIGHTS), 12);
		Map<UUID, Instant> signedIn = this.audit.lastOf(AuditAction.SIGNED_IN,
				clients.stream().map(AccountId::value).toList());
		Map<AccountId, Long> homework = this.homework.openCounts(therapist, clients);
		Map<AccountId, Long> alerts = this.alerts.open(therapist, clients);
		Map<AccountId, LocalDate> sessions = nextSessions(therapist, clients);
		Map<AccountId, app.steadfast.accounts.Person> people = this.therapy.people(clients);
		List<Row> rows = new ArrayList<>();
		for (AccountId client : clients) {
			Reliability.Tally last4 = kept.get(client);
			String promises = (last4 == null) ? null : (last4.due() == 0) ? "Nothing due"
					: last4.kept() + " of " + last4.due() + " kept (" + last4.percent() + "%)";
			ProgressGlance glance = progress.get(client);
			app.steadfast.accounts.Person person = people.get(client);
			rows.add(new Row(client, (person != null) ? person.displayName() : "Someone", since.get(client),
					signedIn.get(client.value()),
					granted.get(client).stream().sorted().map(Category::name).map(Consent::label).toList(),
					alerts.get(client), homework.get(client), sessions.get(client), promises,
					(glance != null) ? glance.stuckSignals() : null, (glance != null) ? glance.latestPulse() : null,
					person != null && person.role() == app.steadfast.shared.Role.PARTNER));
		}
		return rows;
	}

	private static List<AccountId> sharing(List<AccountId> clients, Map<AccountId, Set<Category>> granted,
			Category category) {
		return clients.stream().filter((client) -> granted.get(client).contains(category)).toList();
	}

	/** The next session the therapist planned with each client, where he planned one. */
	private Map<AccountId, LocalDate> nextSessions(AccountId therapist, List<AccountId> clients) {
		Map<AccountId, LocalDate> sessions = new HashMap<>();
		if (clients.isEmpty()) {
			return sessions;
		}
		this.jdbc.sql("""
				SELECT client_id, next_session FROM care_session_plan
				WHERE therapist_id = :t AND client_id IN (:clients) AND next_session IS NOT NULL
				""")
			.param("t", therapist.value())
			.param("clients", clients.stream().map(AccountId::value).toList())
			.query((rs) -> {
				sessions.put(new AccountId(rs.getObject("client_id", UUID.class)),
						rs.getObject("next_session", LocalDate.class));
			});
		return sessions;
	}

	/** Plans (or clears) the next session with a client the therapist serves. */
	@Transactional
	void planNextSession(AccountId therapist, AccountId client, LocalDate date) {
		this.therapy.requireClient(therapist, client);
		this.jdbc.sql("DELETE FROM care_session_plan WHERE client_id = :c AND therapist_id = :t")
			.param("c", client.value())
			.param("t", therapist.value())
			.update();
		if (date != null) {
			this.jdbc
				.sql("INSERT INTO care_session_plan (client_id, therapist_id, next_session) VALUES (:c, :t, :date)")
				.param("c", client.value())
				.param("t", therapist.value())
				.param("date", date)
				.update();
		}
	}

	/**
	 * One client on the caseload.
	 *
	 * @param client the client
	 * @param name his name
	 * @param since when he became the therapist's client, if assigned
	 * @param lastSignIn when he last signed in, if ever
	 * @param granted the categories he grants, in words
	 * @param openAlerts alerts waiting for acknowledgement
	 * @param openHomework homework not done yet
	 * @param nextSession the next planned session
	 * @param promisesKept promises kept in the last 4 weeks, in words, where he shares
	 * commitments
	 * @param stuckSignals the stuck signals his progress shows now, where he shares his
	 * progress
	 * @param latestPulse his own latest weekly pulse in the last 12 weeks, where he
	 * shares his progress
	 * @param partner whether this is a partner's own care (the one who was hurt, with her
	 * own account), not a client doing the work
	 */
	record Row(AccountId client, String name, Instant since, Instant lastSignIn, List<String> granted, long openAlerts,
			long openHomework, LocalDate nextSession, String promisesKept, Integer stuckSignals, Double latestPulse,
			boolean partner) {
	}

}
