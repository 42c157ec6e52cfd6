package app.steadfast.care;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.RiskAnswer;
import app.steadfast.safety.RiskConfidence;
import app.steadfast.safety.RiskKind;
import app.steadfast.safety.RiskLanguageDetected;
import app.steadfast.safety.RiskQuestionAnswered;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.PracticeSettings;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk alerts for a therapist: raised when the safety module finds risk language in what
 * a client wrote, or he answers "yes" or "not sure" to the direct question that follows,
 * and he granted his therapist risk alerts; or when he answers question 9 of the PHQ-9
 * with anything but "not at all". An alert names the client, where and when, and whether
 * the hit was clear or possible, never his words; the email says only that there is
 * something to look at. Unacknowledged alerts come first.
 */
@Service
class RiskAlerts {

	/** Where an alert came from when it was not a risk-language hit. */
	static final String PHQ9_ITEM9 = "PHQ9_ITEM9";

	/**
	 * The start of the source of an alert raised by his answer to the direct question;
	 * the answer follows.
	 */
	static final String QUESTION = "QUESTION_";

	private final JdbcClient jdbc;

	private final Therapy therapy;

	private final SharingManagement sharing;

	private final Postbox postbox;

	private final PracticeSettings practice;

	private final Clock clock;

	RiskAlerts(JdbcClient jdbc, Therapy therapy, SharingManagement sharing, Postbox postbox, PracticeSettings practice,
			Clock clock) {
		this.jdbc = jdbc;
		this.therapy = therapy;
		this.sharing = sharing;
		this.postbox = postbox;
		this.practice = practice;
		this.clock = clock;
	}

	/**
	 * A detection in one of the client's records: his therapist is alerted only when the
	 * client granted risk alerts (the grant check is audited, so he sees it).
	 */
	@ApplicationModuleListener
	void on(RiskLanguageDetected detected) {
		AccountId client = new AccountId(detected.owner());
		this.therapy.therapistOf(client)
			.filter((therapist) -> this.sharing.maySee(therapist, client, Category.RISK_ALERTS,
					detected.record().toString()))
			.ifPresent((therapist) -> raise(client, therapist, detected.source().name(), detected.record(),
					detected.kinds(), detected.confidence()));
	}

	/**
	 * He answered "yes" or "not sure" to the direct question: a clear alert, where he
	 * granted risk alerts (the grant check is audited, so he sees it), and none where he
	 * did not.
	 */
	@ApplicationModuleListener
	void on(RiskQuestionAnswered answered) {
		AccountId client = new AccountId(answered.owner());
		this.therapy.therapistOf(client)
			.filter((therapist) -> this.sharing.maySee(therapist, client, Category.RISK_ALERTS,
					answered.id().toString()))
			.ifPresent((therapist) -> raise(client, therapist, QUESTION + answered.answer().name(), answered.id(),
					Set.of(answered.kind()), RiskConfidence.CLEAR));
	}

	/** {@link #raise(AccountId, AccountId, String, UUID, Set, RiskConfidence)}, clear. */
	@Transactional
	void raise(AccountId client, AccountId therapist, String source, UUID record, Set<RiskKind> kinds) {
		raise(client, therapist, source, record, kinds, RiskConfidence.CLEAR);
	}

	/**
	 * Raises an alert once per therapist and record, and emails the therapist.
	 * @param confidence whether the hit was clear or possible
	 */
	@Transactional
	void raise(AccountId client, AccountId therapist, String source, UUID record, Set<RiskKind> kinds,
			RiskConfidence confidence) {
		Long existing = this.jdbc
			.sql("SELECT COUNT(*) FROM care_alert WHERE therapist_id = :t AND source = :s AND record_id = :r")
			.param("t", therapist.value())
			.param("s", source)
			.param("r", record)
			.query(Long.class)
			.single();
		if (existing > 0) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO care_alert (id, client_id, therapist_id, source, record_id, kinds, confidence, raised_at,
					acknowledged_at)
				VALUES (:id, :client, :therapist, :source, :record, :kinds, :confidence, :now, NULL)
				""")
			.param("id", UUID.randomUUID())
			.param("client", client.value())
			.param("therapist", therapist.value())
			.param("source", source)
			.param("record", record)
			.param("kinds", kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("confidence", confidence.name())
			.param("now", now())
			.update();
		this.therapy.person(therapist)
			.ifPresent((person) -> this.postbox.send(new Mail(person.email(), "A client may need you to look in",
					"Hello " + person.displayName() + ",\n\n"
							+ "One of your clients has a new alert in the therapist portal. It needs your "
							+ "acknowledgement.\n\nSign in to see it: " + this.practice.current().baseUrl()
							+ "/care/alerts\n\n" + "This email holds no details on purpose.\n\n"
							+ this.practice.current().name())));
	}

	/** The therapist's alerts: unacknowledged first, then newest first. */
	@Transactional(readOnly = true)
	List<Alert> of(AccountId therapist) {
		return this.jdbc.sql("""
				SELECT * FROM care_alert WHERE therapist_id = :t
				ORDER BY CASE WHEN acknowledged_at IS NULL THEN 0 ELSE 1 END, raised_at DESC
				""").param("t", therapist.value()).query((rs, n) -> alert(rs)).list();
	}

	/** How many alerts about the client wait for the therapist's acknowledgement. */
	@Transactional(readOnly = true)
	long open(AccountId therapist, AccountId client) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM care_alert WHERE therapist_id = :t AND client_id = :c AND acknowledged_at IS NULL")
			.param("t", therapist.value())
			.param("c", client.value())
			.query(Long.class)
			.single();
	}

	/** {@link #open} for many clients at once, in one query. */
	@Transactional(readOnly = true)
	Map<AccountId, Long> open(AccountId therapist, Collection<AccountId> clients) {
		Map<AccountId, Long> counts = new LinkedHashMap<>();
		clients.forEach((client) -> counts.put(client, 0L));
		if (clients.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT client_id, COUNT(*) AS open_count FROM care_alert
				WHERE therapist_id = :t AND client_id IN (:clients) AND acknowledged_at IS NULL GROUP BY client_id
				""")
			.param("t", therapist.value())
			.param("clients", clients.stream().map(AccountId::value).distinct().toList())
			.query((rs) -> {
				counts.put(new AccountId(rs.getObject("client_id", UUID.class)), rs.getLong("open_count"));
			});
		return counts;
	}

	/**
	 * The therapist acknowledges one of his alerts.
	 * @throws NotFound if it is not his
	 */
	@Transactional
	void acknowledge(AccountId therapist, UUID id) {
		int updated = this.jdbc.sql("""
				UPDATE care_alert SET acknowledged_at = :now
				WHERE id = :id AND therapist_id = :t AND acknowledged_at IS NULL
				""").param("now", now()).param("id", id).param("t", therapist.value()).update();
		if (updated == 0) {
			Long mine = this.jdbc.sql("SELECT COUNT(*) FROM care_alert WHERE id = :id AND therapist_id = :t")
				.param("id", id)
				.param("t", therapist.value())
				.query(Long.class)
				.single();
			if (mine == 0) {
				throw new NotFound();
			}
		}
	}

	private Alert alert(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.sql.Timestamp ack = rs.getTimestamp("acknowledged_at");
		AccountId client = new AccountId(rs.getObject("client_id", UUID.class));
		String source = rs.getString("source");
		List<String> kinds = Arrays.stream(rs.getString("kinds").split(",")).toList();
		return new Alert(rs.getObject("id", UUID.class), client, this.therapy.nameOf(client), where(source),
				source.startsWith(QUESTION) ? question(source.substring(QUESTION.length()), kinds)
						: where(source) + ", about "
								+ kinds.stream().map(RiskAlerts::kind).collect(Collectors.joining(", ")),
				kinds.stream().map(RiskAlerts::kind).toList(), RiskConfidence.valueOf(rs.getString("confidence")),
				rs.getTimestamp("raised_at").toInstant(), (ack != null) ? ack.toInstant() : null);
	}

	private static String where(String source) {
		if (source.startsWith(QUESTION)) {
			return "his answer to a direct question";
		}
		return switch (source) {
			case "CHECK_IN" -> "a check-in";
			case "JOURNAL" -> "a journal entry";
			case "COMMITMENT" -> "a commitment note";
			case "STATEMENT" -> "his accountability statement";
			case "ANSWER" -> "an answer to his partner's question";
			case "CONVERSATION" -> "a conversation plan or log";
			case "MESSAGE" -> "a message to you";
			case "AGENDA" -> "what he wants to bring to his next session";
			case PHQ9_ITEM9 -> "PHQ-9 question 9";
			default -> "something he wrote";
		};
	}

	private static String question(String answer, List<String> kinds) {
		String asked = kinds.contains(RiskKind.HARM_TO_OTHERS.name()) ? "whether he is thinking about hurting someone"
				: "whether he is thinking about ending his life";
		String said = RiskAnswer.NOT_SURE.name().equals(answer) ? "“I’m not sure”" : "“yes”";
		return "asked " + asked + ", he answered " + said;
	}

	private static String kind(String kind) {
		return switch (kind) {
			case "SELF_HARM" -> "self-harm";
			case "SUICIDE" -> "suicide";
			case "HARM_TO_OTHERS" -> "harm to others";
			default -> kind;
		};
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * An alert as the therapist sees it.
	 *
	 * @param id the alert
	 * @param client whose
	 * @param clientName his name
	 * @param where the kind of record, in words
	 * @param what where and what about, as one phrase ("a journal entry, about suicide")
	 * @param kinds what the language was about, in words
	 * @param confidence whether the hit was clear or possible
	 * @param raisedAt when
	 * @param acknowledgedAt when the therapist acknowledged it, if he has
	 */
	record Alert(UUID id, AccountId client, String clientName, String where, String what, List<String> kinds,
			RiskConfidence confidence, Instant raisedAt, Instant acknowledgedAt) {

		public boolean open() {
			return this.acknowledgedAt == null;
		}

		/** How sure the check was, in plain words. */
		public String certainty() {
			return (this.confidence == RiskConfidence.POSSIBLE)
					? "Possible: the check read risk in it, but wasn't sure. It may be nothing; a gentle question will tell."
					: "Clear: the words, or his answer, plainly spoke of risk.";
		}

	}

}
