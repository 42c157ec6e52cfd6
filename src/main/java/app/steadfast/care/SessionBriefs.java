package app.steadfast.care;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.checkins.CheckInManagement;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.insights.InsightsManagement;
import app.steadfast.insights.ProgressGlance;
import app.steadfast.repair.RepairBriefManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The brief before a session: for each of the therapist's clients booked on his schedule,
 * what changed since the client's last session with him (or since he became his client),
 * across only what the client lets him see. Each capability answers for all the clients
 * at once and asks the sharing module itself, which decides and audits every read; the
 * partner's questions come as a count, never her words. The line he wrote for the session
 * ({@link Agendas}) comes first, in his words. A fixed number of statements, however many
 * clients.
 */
@Service
class SessionBriefs {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	/** Weeks of progress the pulse is looked for in. */
	private static final int PULSE_WEEKS = 4;

	private final Therapy therapy;

	private final AppointmentManagement appointments;

	private final CheckInManagement checkins;

	private final CommitmentManagement commitments;

	private final ConversationManagement conversations;

	private final RepairBriefManagement repair;

	private final InsightsManagement insights;

	private final SharingManagement sharing;

	private final RiskAlerts alerts;

	private final JdbcClient jdbc;

	private final Agendas agendas;

	SessionBriefs(Agendas agendas, Therapy therapy, AppointmentManagement appointments, CheckInManagement checkins,
			CommitmentManagement commitments, ConversationManagement conversations, RepairBriefManagement repair,
			InsightsManagement insights, SharingManagement sharing, RiskAlerts alerts, JdbcClient jdbc) {
		this.agendas = agendas;
		this.therapy = therapy;
		this.appointments = appointments;
		this.checkins = checkins;
		this.commitments = commitments;
		this.conversations = conversations;
		this.repair = repair;
		this.insights = insights;
		this.sharing = sharing;
		this.alerts = alerts;
		this.jdbc = jdbc;
	}

	/**
	 * The brief of each of the therapist's own clients among {@code clients}, as of
	 * {@code now}, in the therapist's zone. Anyone not his client now is absent. A client
	 * who lets him see nothing gets a brief with no lines.
	 */
	@Transactional
	Map<AccountId, Brief> of(AccountId therapist, Collection<AccountId> clients, Instant now, ZoneId zone) {
		if (clients.isEmpty()) {
			return Map.of();
		}
		Map<AccountId, Instant> became = new LinkedHashMap<>();
		this.therapy.clientsOf(therapist)
			.stream()
			.filter((a) -> clients.contains(a.client()))
			.forEach((a) -> became.put(a.client(), a.since()));
		if (became.isEmpty()) {
			return Map.of();
		}
		Map<AccountId, Instant> lastSession = this.appointments.lastSessionsEnded(therapist, became.keySet(), now);
		Map<AccountId, Instant> from = new LinkedHashMap<>();
		became.forEach((client, since) -> from.put(client, lastSession.getOrDefault(client, since)));
		Map<AccountId, CheckInManagement.Since> checkIns = this.checkins.since(therapist, from);
		Map<AccountId, CommitmentManagement.Marked> marked = this.commitments.markedSince(therapist, from);
		Map<AccountId, Integer> talks = this.conversations.talksSince(therapist, from);
		Map<AccountId, RepairBriefManagement.Figures> repairs = this.repair.since(therapist, from);
		Map<AccountId, ProgressGlance> glances = this.insights.glances(therapist, from.keySet(), PULSE_WEEKS);
		Set<AccountId> progress = this.sharing.visibleAmong(therapist, from.keySet(), Category.INSIGHTS,
				"measures-since");
		Map<AccountId, List<String>> measures = measuresSince(therapist, progress, from);
		Set<AccountId> alerting = this.sharing.visibleAmong(therapist, from.keySet(), Category.RISK_ALERTS,
				"alerts-open");
		Map<AccountId, Long> open = this.alerts.open(therapist, alerting);
		// Written for the therapist, so it needs no grant.
		Map<AccountId, String> agenda = this.agendas.since(therapist, from);
		Map<AccountId, Brief> briefs = new LinkedHashMap<>();
		for (AccountId client : from.keySet()) {
			List<String> lines = new ArrayList<>();
			CheckInManagement.Since c = checkIns.get(client);
			if (c != null) {
				lines.add(count(c.count(), "check-in", "check-ins")
						+ (c.feelings().isEmpty() ? "" : ", naming " + String.join(", ", c.feelings())));
			}
			CommitmentManagement.Marked m = marked.get(client);
			if (m != null) {
				lines.add("Promises: " + m.kept() + " kept, " + m.missed() + " missed");
			}
			Integer t = talks.get(client);
			if (t != null) {
				lines.add(count(t, "hard talk logged", "hard talks logged"));
			}
			RepairBriefManagement.Figures r = repairs.get(client);
			if (r != null) {
				lines.add(count(r.versionsShared(), "statement version shared with you",
						"statement versions shared with you"));
				lines.add(count(r.overdueQuestions(), "question from his partner past the day he promised",
						"questions from his partner past the day he promised"));
			}
			ProgressGlance g = glances.get(client);
			if (g != null) {
				lines.add((g.latestPulse() != null)
						? "Latest weekly pulse: " + String.format(Locale.ENGLISH, "%.1f", g.latestPulse()) + " of 7"
						: "No weekly pulse in the last " + PULSE_WEEKS + " weeks");
			}
			if (measures.containsKey(client)) {
				lines.add(measures.get(client).isEmpty() ? "No questionnaires completed"
						: "Questionnaires: " + String.join("; ", measures.get(client)));
			}
			Long alerts = open.get(client);
			if (alerts != null) {
				lines.add(count(alerts.intValue(), "risk alert waiting for you", "risk alerts waiting for you"));
			}
			String since = lastSession.containsKey(client)
					? "since his last session, " + DAY.withZone(zone).format(lastSession.get(client))
					: "since he became your client, " + DAY.withZone(zone).format(became.get(client));
			briefs.put(client, new Brief(since, lines, agenda.get(client)));
		}
		return briefs;
	}

	/** The questionnaires each client completed for the therapist since his moment. */
	private Map<AccountId, List<String>> measuresSince(AccountId therapist, Set<AccountId> clients,
			Map<AccountId, Instant> from) {
		Map<AccountId, List<String>> done = new LinkedHashMap<>();
		clients.forEach((client) -> done.put(client, new ArrayList<>()));
		if (clients.isEmpty()) {
			return done;
		}
		Instant earliest = clients.stream().map(from::get).min(Instant::compareTo).orElseThrow();
		this.jdbc.sql("""
				SELECT client_id, instrument, total, completed_at FROM care_measure
				WHERE therapist_id = :t AND client_id IN (:c) AND completed_at >= :f ORDER BY completed_at
				""")
			.param("t", therapist.value())
			.param("c", clients.stream().map(AccountId::value).toList())
			.param("f", earliest.atOffset(java.time.ZoneOffset.UTC))
			.query((rs) -> {
				AccountId client = new AccountId(rs.getObject("client_id", UUID.class));
				if (!rs.getTimestamp("completed_at").toInstant().isBefore(from.get(client))) {
					Instrument instrument = Instrument.valueOf(rs.getString("instrument"));
					int total = rs.getInt("total");
					done.get(client).add(instrument.title() + " " + total + " (" + instrument.severity(total) + ")");
				}
			});
		return done;
	}

	private static String count(int n, String one, String many) {
		return (n == 1) ? "1 " + one : n + " " + many;
	}

	/**
	 * What changed since a client's last session, in plain lines.
	 *
	 * @param since since when, in words
	 * @param lines one line per part he lets the therapist see; empty when he shares
	 * nothing
	 * @param agenda the line he wrote for this session since then, in his words, if he
	 * wrote one
	 */
	record Brief(String since, List<String> lines, @org.jspecify.annotations.Nullable String agenda) {

		/** Whether there is anything to show. */
		public boolean shown() {
			return !this.lines.isEmpty() || this.agenda != null;
		}

	}

}
