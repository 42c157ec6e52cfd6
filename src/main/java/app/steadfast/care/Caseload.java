package app.steadfast.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.steadfast.accounts.AccountId;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Reliability;
import app.steadfast.insights.InsightsManagement;
import app.steadfast.sharing.Category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A therapist's clients at a glance: what each grants, when he last signed in, open
 * alerts and homework, the next session, and, only where he shares commitments, how
 * reliably he kept them in the last 4 weeks. That figure is read through the commitments
 * module like any other shared read, so it is audited and the client sees it; nothing
 * else of his records is read here.
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
		return this.therapy.clientsOf(therapist).stream().map((a) -> row(therapist, a.client(), a.since())).toList();
	}

	Row row(AccountId therapist, AccountId client, Instant since) {
		Set<Category> categories = this.consents.granted(client, therapist);
		String kept = null;
		if (categories.contains(Category.COMMITMENTS)) {
			Reliability.Tally last4 = this.commitments.reliability(therapist, client, 4).last4();
			kept = (last4.due() == 0) ? "Nothing due"
					: last4.kept() + " of " + last4.due() + " kept (" + last4.percent() + "%)";
		}
		Integer signals = null;
		Double pulse = null;
		if (categories.contains(Category.INSIGHTS)) {
			var progress = this.insights.progress(therapist, client, 12);
			signals = progress.signals().size();
			pulse = progress.weeks()
				.stream()
				.map((w) -> w.myPulse())
				.filter(java.util.Objects::nonNull)
				.reduce((first, second) -> second)
				.orElse(null);
		}
		List<String> granted = categories.stream().sorted().map(Category::name).map(Consent::label).toList();
		Instant lastSignIn = this.audit.about(client.value(), 200)
			.stream()
			.filter((r) -> r.action() == AuditAction.SIGNED_IN)
			.map(AuditRecord::occurredAt)
			.findFirst()
			.orElse(null);
		long openHomework = this.homework.of(client)
			.stream()
			.filter((h) -> h.therapist().equals(therapist) && !h.done())
			.count();
		return new Row(client, this.therapy.nameOf(client), since, lastSignIn, granted,
				this.alerts.open(therapist, client), openHomework, nextSession(therapist, client).orElse(null), kept,
				signals, pulse);
	}

	/** The next session the therapist planned with the client, if any. */
	Optional<LocalDate> nextSession(AccountId therapist, AccountId client) {
		return this.jdbc.sql("SELECT next_session FROM care_session_plan WHERE client_id = :c AND therapist_id = :t")
			.param("c", client.value())
			.param("t", therapist.value())
			.query((rs, n) -> rs.getObject("next_session", LocalDate.class))
			.optional();
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
	 */
	record Row(AccountId client, String name, Instant since, Instant lastSignIn, List<String> granted, long openAlerts,
			long openHomework, LocalDate nextSession, String promisesKept, Integer stuckSignals, Double latestPulse) {
	}

}
