package app.steadfast.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.steadfast.shared.AccountId;
import app.steadfast.safety.RiskConfidence;
import app.steadfast.safety.RiskKind;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PHQ-9 and GAD-7: a therapist asks his client to complete one, the client answers, the
 * total and its severity band are kept for the therapist who asked. The item answers are
 * sealed at rest. Any answer but "not at all" to PHQ-9 item 9 alerts the therapist,
 * whatever the total and whatever else the client granted, and the form tells him so.
 */
@Service
class Measures {

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final Therapy therapy;

	private final RiskAlerts alerts;

	private final Clock clock;

	Measures(JdbcClient jdbc, Encryption encryption, Therapy therapy, RiskAlerts alerts, Clock clock) {
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.therapy = therapy;
		this.alerts = alerts;
		this.clock = clock;
	}

	/** The therapist asks his client to complete a questionnaire. */
	@Transactional
	UUID assign(AccountId therapist, AccountId client, Instrument instrument) {
		this.therapy.requireClient(therapist, client);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO care_measure (id, client_id, therapist_id, instrument, assigned_at)
				VALUES (:id, :client, :therapist, :instrument, :now)
				""")
			.param("id", id)
			.param("client", client.value())
			.param("therapist", therapist.value())
			.param("instrument", instrument.name())
			.param("now", now())
			.update();
		return id;
	}

	/**
	 * The questionnaires waiting for the client, oldest first, partners' copies among
	 * them.
	 */
	@Transactional(readOnly = true)
	List<Pending> pending(AccountId client) {
		return waiting(client, "");
	}

	/**
	 * The questionnaires waiting for the client's own care, oldest first: not a copy her
	 * partner's therapist asked her to answer about him, which waits on /care/measures
	 * alone.
	 */
	@Transactional(readOnly = true)
	List<Pending> ownPending(AccountId client) {
		return waiting(client, "AND about_client_id IS NULL");
	}

	private List<Pending> waiting(AccountId client, String own) {
		return this.jdbc.sql("""
				SELECT id, instrument, assigned_at, about_client_id FROM care_measure
				WHERE client_id = :client AND completed_at IS NULL AND declined_at IS NULL %s ORDER BY assigned_at
				""".formatted(own)).param("client", client.value()).query(Measures::pendingRow).list();
	}

	private static Pending pendingRow(ResultSet rs, int row) throws SQLException {
		return new Pending(rs.getObject("id", UUID.class), Instrument.valueOf(rs.getString("instrument")),
				rs.getTimestamp("assigned_at").toInstant(), rs.getObject("about_client_id") != null);
	}

	/**
	 * One questionnaire waiting for the client.
	 * @throws NotFound if it is not his or already done
	 */
	@Transactional(readOnly = true)
	Pending waiting(AccountId client, UUID id) {
		return pending(client).stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow(NotFound::new);
	}

	/**
	 * The client (or, for a copy sent to her, his partner) completes a questionnaire.
	 * @param difficulty his answer to the closing, unscored question (0 to 3), if he gave
	 * one
	 * @return the total
	 * @throws InvalidInput naming the first unanswered item
	 * @throws NotFound if it is not his or already done
	 */
	@Transactional
	int complete(AccountId client, UUID id, List<Integer> answers, Integer difficulty) {
		Pending pending = waiting(client, id);
		Instrument instrument = pending.instrument();
		for (int i = 0; i < instrument.items().size(); i++) {
			Integer answer = (i < answers.size()) ? answers.get(i) : null;
			if (answer == null || answer < 0 || answer > instrument.highest(i)) {
				throw new InvalidInput("q" + i, "Choose an answer for question " + (i + 1) + ".");
			}
		}
		if (!instrument.asksDifficulty()) {
			difficulty = null;
		}
		if (difficulty != null && (difficulty < 0 || difficulty > 3)) {
			throw new InvalidInput("difficulty", "Choose one of the answers to the last question, or none.");
		}
		int total = instrument.score(answers);
		// The item answers, then the closing answer after a semicolon when he gave one.
		String stored = answers.stream().map(String::valueOf).collect(Collectors.joining(","))
				+ ((difficulty != null) ? ";" + difficulty : "");
		this.jdbc.sql("UPDATE care_measure SET completed_at = :now, answers = :answers, total = :total WHERE id = :id")
			.param("now", now())
			.param("answers", this.encryption.seal(stored, EncryptionBinding.of("care_measure", id, client.value())))
			.param("total", total)
			.param("id", id)
			.update();
		if (instrument.raisesAlert(answers)) {
			AccountId therapist = this.jdbc.sql("SELECT therapist_id FROM care_measure WHERE id = :id")
				.param("id", id)
				.query((rs, n) -> new AccountId(rs.getObject("therapist_id", UUID.class)))
				.single();
			this.alerts.raise(client, therapist, RiskAlerts.PHQ9_ITEM9, id, Set.of(RiskKind.SUICIDE),
					RiskConfidence.CLEAR);
		}
		return total;
	}

	/**
	 * The completed questionnaires of a client the therapist serves, newest first, each
	 * with its total, band and item answers: the client's own, never a copy a partner
	 * answered about her partner for the same therapist (those belong to the partner's
	 * care, {@link PartnerMeasures}).
	 */
	@Transactional(readOnly = true)
	List<Result> results(AccountId therapist, AccountId client) {
		this.therapy.requireClient(therapist, client);
		return this.jdbc.sql("""
				SELECT * FROM care_measure WHERE client_id = :client AND therapist_id = :therapist
				AND about_client_id IS NULL AND completed_at IS NOT NULL ORDER BY completed_at DESC
				""")
			.param("client", client.value())
			.param("therapist", therapist.value())
			.query((rs, n) -> result(rs, client))
			.list();
	}

	/**
	 * The client's own completed questionnaires, whoever asked for them, newest first:
	 * his scores are his to see.
	 */
	@Transactional(readOnly = true)
	List<Result> mine(AccountId client) {
		return this.jdbc.sql("""
				SELECT * FROM care_measure WHERE client_id = :client AND completed_at IS NOT NULL
				ORDER BY completed_at DESC
				""").param("client", client.value()).query((rs, n) -> result(rs, client)).list();
	}

	/**
	 * For each result, how its total moved since the one before on the same
	 * questionnaire, where that move is a reliable change
	 * ({@link Instrument#reliableChange}); results without one are absent.
	 */
	static Map<UUID, String> reliableChanges(List<Result> results) {
		Map<UUID, String> changes = new HashMap<>();
		Map<Instrument, Result> before = new EnumMap<>(Instrument.class);
		results.stream().sorted(java.util.Comparator.comparing(Result::completedAt)).forEach((result) -> {
			Result previous = before.put(result.instrument(), result);
			if (previous == null) {
				return;
			}
			int change = result.total() - previous.total();
			if (Math.abs(change) >= result.instrument().reliableChange()) {
				changes.put(result.id(), (change < 0) ? "Reliable improvement (down " + -change + ")"
						: "Reliable worsening (up " + change + ")");
			}
		});
		return changes;
	}

	Result result(ResultSet rs, AccountId client) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Instrument instrument = Instrument.valueOf(rs.getString("instrument"));
		int total = rs.getInt("total");
		String[] stored = this.encryption
			.open(rs.getString("answers"), EncryptionBinding.of("care_measure", id, client.value()))
			.split(";");
		List<Integer> answers = new ArrayList<>(Arrays.stream(stored[0].split(",")).map(Integer::valueOf).toList());
		Integer difficulty = (stored.length > 1) ? Integer.valueOf(stored[1]) : null;
		return new Result(id, instrument, rs.getTimestamp("completed_at").toInstant(), total,
				instrument.severity(total), answers, difficulty);
	}

	/**
	 * Questionnaires the therapist asked for that the client has not done yet, for the
	 * client's own care (not a partner's copy).
	 */
	@Transactional(readOnly = true)
	List<Pending> open(AccountId therapist, AccountId client) {
		return this.jdbc.sql("""
				SELECT id, instrument, assigned_at, about_client_id FROM care_measure
				WHERE client_id = :client AND therapist_id = :therapist AND about_client_id IS NULL
				AND completed_at IS NULL AND declined_at IS NULL ORDER BY assigned_at
				""")
			.param("client", client.value())
			.param("therapist", therapist.value())
			.query(Measures::pendingRow)
			.list();
	}

	/**
	 * Scores over time per questionnaire, oldest first, laid out for a small chart (width
	 * 300, height 120) with its severity bands; the table of results holds the same
	 * figures.
	 */
	List<Trend> trends(List<Result> results) {
		List<Trend> trends = new ArrayList<>();
		for (Instrument instrument : Instrument.values()) {
			List<Result> mine = results.stream()
				.filter((r) -> r.instrument() == instrument)
				.sorted(java.util.Comparator.comparing(Result::completedAt))
				.toList();
			if (mine.isEmpty()) {
				continue;
			}
			List<Point> points = new ArrayList<>();
			for (int i = 0; i < mine.size(); i++) {
				int x = (mine.size() == 1) ? 150 : 20 + i * 260 / (mine.size() - 1);
				points.add(new Point(x, y(mine.get(i).total(), instrument), mine.get(i).total()));
			}
			List<Line> bands = instrument.bands()
				.stream()
				.skip(1)
				.map((b) -> new Line(y(b.from(), instrument), b.label()))
				.toList();
			trends.add(new Trend(instrument, points,
					points.stream().map((pt) -> pt.x() + "," + pt.y()).collect(Collectors.joining(" ")), bands));
		}
		return trends;
	}

	private static int y(int total, Instrument instrument) {
		return 110 - total * 100 / instrument.maximum();
	}

	/**
	 * One questionnaire's scores, for the chart.
	 *
	 * @param instrument which
	 * @param points the scores, oldest first
	 * @param polyline the points as SVG coordinates
	 * @param bands where each band above the lowest begins
	 */
	record Trend(Instrument instrument, List<Point> points, String polyline, List<Line> bands) {
	}

	/**
	 * A score on the chart.
	 *
	 * @param x across
	 * @param y down
	 * @param total the score
	 */
	record Point(int x, int y, int total) {
	}

	/**
	 * A band's lower edge on the chart.
	 *
	 * @param y down
	 * @param label the band
	 */
	record Line(int y, String label) {
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

	/**
	 * A questionnaire waiting to be answered.
	 *
	 * @param id it
	 * @param instrument which one
	 * @param assignedAt when the therapist asked
	 * @param partnersCopy whether it is a partner's copy, which her partner's therapist
	 * asked her to answer (see {@link PartnerMeasures})
	 */
	record Pending(UUID id, Instrument instrument, Instant assignedAt, boolean partnersCopy) {
	}

	/**
	 * A completed questionnaire.
	 *
	 * @param id it
	 * @param instrument which one
	 * @param completedAt when
	 * @param total the score
	 * @param severity its band
	 * @param answers the item answers, 0 to 3
	 * @param difficulty the answer to the closing, unscored question, if he gave one
	 */
	record Result(UUID id, Instrument instrument, Instant completedAt, int total, String severity,
			List<Integer> answers, Integer difficulty) {

		/** The closing answer in words, or a dash when he left it. */
		public String difficultyInWords() {
			return (this.difficulty != null) ? Instrument.DIFFICULTY_CHOICES.get(this.difficulty) : "–";
		}

	}

}
