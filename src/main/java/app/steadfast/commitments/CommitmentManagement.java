package app.steadfast.commitments;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.NotFound;
import app.steadfast.safety.RiskLanguage;
import app.steadfast.safety.RiskSource;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.PartnerLinks;
import app.steadfast.sharing.SharingManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commitments module's API. Only the owner makes, changes and records his
 * commitments; anyone else reads them only when the sharing module allows it, and a
 * refusal looks like a missing commitment.
 *
 * <p>
 * Each change loads the {@link Commitment}, asks it to make the change (it guards the
 * rule and announces the change) and saves it. Pauses are stored as intervals, so a pause
 * removes due dates only for the days it covered and the weeks before it keep their
 * record.
 */
@Service
public class CommitmentManagement {

	private final Commitments commitments;

	private final RecordedDays recordedDays;

	private final WitnessedDays witnessedDays;

	private final CommitmentQueries queries;

	private final ReliabilityFigures figures;

	private final JdbcClient jdbc;

	private final Encryption encryption;

	private final SharingManagement sharing;

	private final AccountManagement accounts;

	private final RiskLanguage risk;

	private final Clock clock;

	CommitmentManagement(Commitments commitments, RecordedDays recordedDays, WitnessedDays witnessedDays,
			CommitmentQueries queries, ReliabilityFigures figures, JdbcClient jdbc, Encryption encryption,
			SharingManagement sharing, AccountManagement accounts, RiskLanguage risk, Clock clock) {
		this.commitments = commitments;
		this.recordedDays = recordedDays;
		this.witnessedDays = witnessedDays;
		this.queries = queries;
		this.figures = figures;
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.sharing = sharing;
		this.accounts = accounts;
		this.risk = risk;
		this.clock = clock;
	}

	private LocalDate today(AccountId owner) {
		return this.accounts.today(owner);
	}

	/** His reminder settings, or the defaults while he has chosen none. */
	@Transactional(readOnly = true)
	public ReminderSettings settings(AccountId owner) {
		return this.queries.settings(owner);
	}

	/**
	 * Replaces his reminder settings.
	 * @throws InvalidCommitment if the digest has no time
	 */
	@Transactional
	public void changeSettings(AccountId owner, ReminderSettings settings) {
		if (settings.digestAt() == null) {
			throw new InvalidCommitment("digestAt", "Give a time like 07:30.");
		}
		this.jdbc.sql("DELETE FROM commitment_settings WHERE owner_id = :owner").param("owner", owner.value()).update();
		this.jdbc.sql("""
				INSERT INTO commitment_settings (owner_id, reminders, digest, digest_at, titles_in_email, updated_at)
				VALUES (:owner, :reminders, :digest, :at, :titles, :now)
				""")
			.param("owner", owner.value())
			.param("reminders", settings.reminders())
			.param("digest", settings.digest())
			.param("at", settings.digestAt())
			.param("titles", settings.titlesInEmail())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * What his partner asked of him, while the sharing module lets her words reach him
	 * and it stands: for making a commitment of it.
	 */
	public Optional<PartnerLinks.PartnerAsked> request(AccountId owner, UUID request) {
		return this.sharing.requestTo(owner, request);
	}

	/**
	 * Makes a commitment for its owner, starting today.
	 * @throws InvalidCommitment if the wording or the schedule cannot be used
	 */
	@Transactional
	public CommitmentId create(AccountId owner, CommitmentDetails details) {
		return create(owner, details, today(owner));
	}

	CommitmentId create(AccountId owner, CommitmentDetails details, LocalDate today) {
		UUID request = (details.fromRequest() != null && request(owner, details.fromRequest()).isPresent())
				? details.fromRequest() : null;
		Commitment commitment = Commitment.make(owner, details, request, today, this.clock.instant(), this.encryption);
		return this.commitments.save(commitment).commitmentId();
	}

	/**
	 * Rewrites a commitment's wording and reason; the earlier wording is kept.
	 * @throws InvalidCommitment if the wording cannot be used
	 */
	@Transactional
	public void reword(AccountId owner, CommitmentId id, String title, String why) {
		Commitment commitment = owned(owner, id);
		commitment.reword(title, why, this.clock.instant(), this.encryption);
		this.commitments.save(commitment);
	}

	/** Sets or clears the time he is reminded on its due days. */
	@Transactional
	public void remindAt(AccountId owner, CommitmentId id, LocalTime time) {
		Commitment commitment = owned(owner, id);
		commitment.remindAt(time, this.clock.instant());
		this.commitments.save(commitment);
	}

	/** Pauses an active commitment from today: nothing falls due until he resumes it. */
	@Transactional
	public void pause(AccountId owner, CommitmentId id) {
		pause(owner, id, today(owner));
	}

	void pause(AccountId owner, CommitmentId id, LocalDate today) {
		Commitment commitment = owned(owner, id);
		commitment.pause(today, this.clock.instant());
		this.commitments.save(commitment);
	}

	/** Resumes a paused commitment: it falls due again from today. */
	@Transactional
	public void resume(AccountId owner, CommitmentId id) {
		resume(owner, id, today(owner));
	}

	void resume(AccountId owner, CommitmentId id, LocalDate today) {
		Commitment commitment = owned(owner, id);
		commitment.resume(today, this.clock.instant());
		this.commitments.save(commitment);
	}

	/** Ends a commitment: today is its last possible due date; its record stays. */
	@Transactional
	public void end(AccountId owner, CommitmentId id) {
		Commitment commitment = owned(owner, id);
		commitment.end(today(owner), this.clock.instant());
		this.commitments.save(commitment);
	}

	/**
	 * Records what happened on a due date; recording it again replaces the earlier
	 * record. His words are checked for risk language; a hit is reported (ids only) and
	 * never blocks saving.
	 * @return whether the words call for crisis resources
	 * @throws InvalidCommitment if the date is not a due date, or is in the future
	 */
	@Transactional
	public boolean record(AccountId owner, CommitmentId id, LocalDate dueDate, Outcome outcome, String note,
			String whatGotInTheWay) {
		return record(owner, id, dueDate, outcome, note, whatGotInTheWay, today(owner));
	}

	boolean record(AccountId owner, CommitmentId id, LocalDate dueDate, Outcome outcome, String note,
			String whatGotInTheWay, LocalDate today) {
		Commitment commitment = owned(owner, id);
		RecordedDay day = commitment.record(dueDate, outcome, note, whatGotInTheWay, today, this.clock.instant(),
				this.encryption);
		this.recordedDays.deleteById(day.getId());
		this.recordedDays.save(day);
		String words = String.join("\n", Objects.requireNonNullElse(note, ""),
				Objects.requireNonNullElse(whatGotInTheWay, ""));
		return this.risk.checkAndReport(words, owner.value(), RiskSource.COMMITMENT, id.value()).hit();
	}

	/**
	 * His partner says what she saw of a due date: confirmed, or seen differently, with
	 * an optional note. It stands beside his record and never changes it; saying it again
	 * replaces her earlier view.
	 * @throws NotFound if the commitment is unknown, it is his own, or the sharing module
	 * refuses (not his linked partner with his share, or her safety pause holds)
	 * @throws InvalidCommitment if the day is not a due date or lies in the future
	 */
	@Transactional
	public void witness(AccountId viewer, CommitmentId id, LocalDate dueDate, Seen seen, String note) {
		Commitment commitment = this.commitments.findById(id.value()).orElseThrow(NotFound::new);
		AccountId owner = commitment.owner();
		if (viewer.equals(owner)) {
			throw new NotFound();
		}
		// Only his partner, through his share, while her words reach him: the sharing
		// module decides, her safety pause included.
		this.sharing.requireMayAct(viewer, owner, Category.COMMITMENTS, id.value() + "/" + dueDate);
		WitnessedDay day = commitment.witness(viewer, dueDate, seen, note, today(owner), this.clock.instant(),
				this.encryption);
		this.witnessedDays.deleteById(day.getId());
		this.witnessedDays.save(day);
	}

	/**
	 * One commitment, for its owner or someone he shares commitments with.
	 * @throws NotFound if it does not exist or the viewer may not see it
	 */
	@Transactional(readOnly = true)
	public CommitmentView find(AccountId viewer, CommitmentId id) {
		CommitmentQueries.Row row = this.queries.row(id).orElseThrow(NotFound::new);
		AccountId owner = new AccountId(row.owner());
		this.sharing.requireVisible(viewer, owner, Category.COMMITMENTS, id.value().toString());
		return this.queries.views(List.of(row), today(owner), viewer).get(0);
	}

	/**
	 * The owner's commitments, running ones first, with last week's and this week's due
	 * dates, for him or someone he shares with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public List<CommitmentView> list(AccountId viewer, AccountId owner) {
		this.sharing.requireVisible(viewer, owner, Category.COMMITMENTS, "list");
		return this.queries.views(this.queries.rowsOf(owner), today(owner), viewer);
	}

	List<CommitmentView> list(AccountId owner, LocalDate today) {
		return this.queries.views(this.queries.rowsOf(owner), today, owner);
	}

	/**
	 * How reliably the owner kept his commitments over the last {@code weeks} ISO weeks,
	 * for him or someone he shares with.
	 * @throws NotFound if the viewer may not see them
	 */
	@Transactional(readOnly = true)
	public Reliability reliability(AccountId viewer, AccountId owner, int weeks) {
		this.sharing.requireVisible(viewer, owner, Category.COMMITMENTS, "reliability-" + weeks);
		return this.figures.of(owner, weeks, today(owner), viewer);
	}

	Reliability reliability(AccountId owner, int weeks, LocalDate today) {
		return this.figures.of(owner, weeks, today, owner);
	}

	/**
	 * How reliably each owner the viewer may see kept his commitments over the last
	 * {@code weeks} ISO weeks (this one included), all his commitments together: the
	 * figure {@link #reliability(AccountId, AccountId, int)} sums for those weeks, for
	 * many owners with a fixed number of queries. Each read is checked and audited like
	 * that one; owners the viewer may not see are left out.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Reliability.Tally> reliabilityOf(AccountId viewer, Collection<AccountId> owners, int weeks) {
		Set<AccountId> visible = this.sharing.visibleAmong(viewer, owners, Category.COMMITMENTS,
				"reliability-" + weeks);
		Map<AccountId, LocalDate[]> days = new LinkedHashMap<>();
		todays(visible).forEach((owner, today) -> days.put(owner, new LocalDate[] {
				today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1), today }));
		return this.figures.tallies(days, viewer);
	}

	/**
	 * Kept out of due over one ISO week, all the owner's commitments together, counting
	 * due days up to today. For the owner's own progress: it asks no one's permission, so
	 * callers show it only to him or through a grant of their own category.
	 */
	@Transactional(readOnly = true)
	public Reliability.Tally weekOf(AccountId owner, LocalDate monday) {
		return weeksOf(List.of(owner), monday).get(owner);
	}

	/**
	 * {@link #weekOf} for many owners at once, with a fixed number of queries: each
	 * counts due days up to his own today.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Reliability.Tally> weeksOf(Collection<AccountId> owners, LocalDate monday) {
		Map<AccountId, LocalDate[]> days = new LinkedHashMap<>();
		todays(owners).forEach((owner, today) -> days.put(owner,
				new LocalDate[] { monday, monday.plusDays(6).isAfter(today) ? today : monday.plusDays(6) }));
		return this.figures.tallies(days, null);
	}

	/** Today for each owner, where he is, with one query for all their zones. */
	private Map<AccountId, LocalDate> todays(Collection<AccountId> owners) {
		Instant now = this.clock.instant();
		Map<AccountId, LocalDate> today = new LinkedHashMap<>();
		this.accounts.zones(owners).forEach((owner, zone) -> today.put(owner, LocalDate.ofInstant(now, zone)));
		return today;
	}

	private Commitment owned(AccountId owner, CommitmentId id) {
		return this.commitments.findById(id.value())
			.filter((commitment) -> commitment.owner().equals(owner))
			.orElseThrow(NotFound::new);
	}

	/**
	 * The days each owner marked from his own moment on, for a viewer he lets see his
	 * commitments (the sharing module decides and audits, for all at once): how many he
	 * kept and how many he missed. Owners who don't let the viewer see them are absent.
	 * Two statements and the audit rows, however many owners.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, Marked> markedSince(AccountId viewer, Map<AccountId, Instant> from) {
		Set<AccountId> visible = this.sharing.visibleAmong(viewer, from.keySet(), Category.COMMITMENTS, "since");
		Map<AccountId, int[]> counts = new LinkedHashMap<>();
		visible.forEach((owner) -> counts.put(owner, new int[2]));
		if (!visible.isEmpty()) {
			Instant earliest = visible.stream().map(from::get).min(Instant::compareTo).orElseThrow();
			this.jdbc.sql("""
					SELECT c.owner_id, o.outcome, o.recorded_at FROM commitment_occurrence o
					JOIN commitment c ON c.id = o.commitment_id
					WHERE c.owner_id IN (:owners) AND o.recorded_at >= :from
					""")
				.param("owners", visible.stream().map(AccountId::value).toList())
				.param("from", earliest.atOffset(ZoneOffset.UTC))
				.query((rs) -> {
					AccountId owner = new AccountId(rs.getObject("owner_id", UUID.class));
					if (!rs.getTimestamp("recorded_at").toInstant().isBefore(from.get(owner))) {
						counts.get(owner)["KEPT".equals(rs.getString("outcome")) ? 0 : 1]++;
					}
				});
		}
		Map<AccountId, Marked> marked = new LinkedHashMap<>();
		counts.forEach((owner, c) -> marked.put(owner, new Marked(c[0], c[1])));
		return marked;
	}

	/**
	 * Days he marked over a stretch of time.
	 *
	 * @param kept marked kept
	 * @param missed marked missed
	 */
	public record Marked(int kept, int missed) {
	}

}
