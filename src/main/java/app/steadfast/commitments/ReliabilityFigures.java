package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Kept out of due, counted from the records: per week and per commitment for one owner,
 * or all his commitments together for many owners at once, in a fixed number of queries.
 * Access is decided before; his partner's confirmations are counted as the viewer may be
 * shown them.
 */
@Component
class ReliabilityFigures {

	private final CommitmentQueries queries;

	ReliabilityFigures(CommitmentQueries queries) {
		this.queries = queries;
	}

	/** The last {@code weeks} ISO weeks up to today (and the sums of 4 and 12). */
	Reliability of(AccountId owner, int weeks, LocalDate today, AccountId viewer) {
		int span = Math.max(weeks, 12);
		LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstMonday = thisMonday.minusWeeks(span - 1);
		List<CommitmentQueries.Row> rows = this.queries.rowsOf(owner);
		List<UUID> ids = rows.stream().map(CommitmentQueries.Row::id).toList();
		Map<UUID, List<Pause>> pauses = this.queries.pauses(ids);
		Map<UUID, Map<LocalDate, CommitmentQueries.Recorded>> recorded = this.queries.recorded(ids, firstMonday, today);
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed = this.queries.witnessed(ids, firstMonday,
				today, viewer);
		List<Reliability.PerCommitment> per = new ArrayList<>();
		Reliability.Tally[] overall = new Reliability.Tally[span];
		Arrays.fill(overall, new Reliability.Tally(0, 0));
		for (CommitmentQueries.Row row : rows) {
			Reliability.Tally[] tallies = new Reliability.Tally[span];
			Arrays.fill(tallies, new Reliability.Tally(0, 0));
			Map<LocalDate, CommitmentQueries.Recorded> mine = recorded.getOrDefault(row.id(), Map.of());
			Map<LocalDate, OccurrenceView.PartnerView> hers = witnessed.getOrDefault(row.id(), Map.of());
			for (LocalDate date : CommitmentQueries.dueDates(row, pauses.getOrDefault(row.id(), List.of()), firstMonday,
					today)) {
				int week = (int) ChronoUnit.WEEKS.between(firstMonday, date);
				tallies[week] = tallies[week].plus(tally(mine.get(date), hers.get(date)));
			}
			for (int i = 0; i < span; i++) {
				overall[i] = overall[i].plus(tallies[i]);
			}
			per.add(new Reliability.PerCommitment(new CommitmentId(row.id()), this.queries.title(row),
					weeks(tallies, firstMonday, weeks, span), sum(tallies, 4), sum(tallies, 12)));
		}
		return new Reliability(today, weeks(overall, firstMonday, weeks, span), sum(overall, 4), sum(overall, 12), per);
	}

	/**
	 * Kept out of due for each owner, all his commitments together, over his own days
	 * (first and last included; none when the last comes before the first), in four
	 * queries however many owners. His partner's confirmations are counted as the viewer
	 * may be shown them, or all of them (the figures kept for his progress) without a
	 * viewer.
	 */
	Map<AccountId, Reliability.Tally> tallies(Map<AccountId, LocalDate[]> days, @Nullable AccountId viewer) {
		Map<AccountId, Reliability.Tally> tallies = new LinkedHashMap<>();
		days.keySet().forEach((owner) -> tallies.put(owner, new Reliability.Tally(0, 0)));
		List<UUID> owners = days.entrySet()
			.stream()
			.filter((e) -> !e.getValue()[1].isBefore(e.getValue()[0]))
			.map((e) -> e.getKey().value())
			.toList();
		if (owners.isEmpty()) {
			return tallies;
		}
		LocalDate from = owners.stream().map((o) -> days.get(new AccountId(o))[0]).min(LocalDate::compareTo).get();
		LocalDate to = owners.stream().map((o) -> days.get(new AccountId(o))[1]).max(LocalDate::compareTo).get();
		List<CommitmentQueries.Row> rows = this.queries.rowsOf(owners);
		List<UUID> ids = rows.stream().map(CommitmentQueries.Row::id).toList();
		Map<UUID, List<Pause>> pauses = this.queries.pauses(ids);
		Map<UUID, Map<LocalDate, CommitmentQueries.Recorded>> recorded = this.queries.recorded(ids, from, to);
		Map<UUID, Map<LocalDate, OccurrenceView.PartnerView>> witnessed = this.queries.witnessed(ids, from, to, viewer);
		for (CommitmentQueries.Row row : rows) {
			AccountId owner = new AccountId(row.owner());
			LocalDate[] mine = days.get(owner);
			Reliability.Tally tally = tallies.get(owner);
			for (LocalDate date : CommitmentQueries.dueDates(row, pauses.getOrDefault(row.id(), List.of()), mine[0],
					mine[1])) {
				tally = tally.plus(tally(recorded.getOrDefault(row.id(), Map.of()).get(date),
						witnessed.getOrDefault(row.id(), Map.of()).get(date)));
			}
			tallies.put(owner, tally);
		}
		return tallies;
	}

	/** One due day: kept or not, and what his partner saw of it. */
	private static Reliability.Tally tally(CommitmentQueries.Recorded recorded, OccurrenceView.PartnerView seen) {
		return new Reliability.Tally((recorded != null && recorded.outcome() == Outcome.KEPT) ? 1 : 0, 1,
				(seen != null && seen.seen() == Seen.CONFIRMED) ? 1 : 0,
				(seen != null && seen.seen() == Seen.SAW_DIFFERENTLY) ? 1 : 0);
	}

	private static List<Reliability.Week> weeks(Reliability.Tally[] tallies, LocalDate firstMonday, int shown,
			int span) {
		List<Reliability.Week> weeks = new ArrayList<>();
		for (int i = span - shown; i < span; i++) {
			weeks.add(new Reliability.Week(firstMonday.plusWeeks(i), tallies[i], i == span - 1));
		}
		return weeks;
	}

	private static Reliability.Tally sum(Reliability.Tally[] tallies, int last) {
		Reliability.Tally total = new Reliability.Tally(0, 0);
		for (int i = Math.max(0, tallies.length - last); i < tallies.length; i++) {
			total = total.plus(tallies[i]);
		}
		return total;
	}

}
