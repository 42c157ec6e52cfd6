package app.steadfast.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import app.steadfast.Bench;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Recurrence;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark run by bench/insights-progress.sh. One client with one week of
 * check-ins and commitment records, another with three years of the same, and the time of
 * the 12-week progress view (the computation, and the whole page) for each. The page is
 * built from kept weekly figures, so the long history must cost no more than 1.2 times
 * the short one.
 */
public final class InsightsProgressBenchmark {

	private static final String[] WORDS = { "anger", "shame", "hurt", "calm", "hope", "guilt", "fear", "relief" };

	private InsightsProgressBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = Bench.application()) {
			AccountId week = load(context, "week@example.org", 7);
			AccountId years = load(context, "years@example.org", 3 * 365);
			InsightsManagement insights = context.getBean(InsightsManagement.class);
			double shortView = Bench.time("12-week progress, 1 week of data", () -> insights.progress(week, week, 12));
			double longView = Bench.time("12-week progress, 3 years of data",
					() -> insights.progress(years, years, 12));
			double shortPage = Bench.timePage(context, "week@example.org", "/insights");
			double longPage = Bench.timePage(context, "years@example.org", "/insights");
			System.out.printf("3 years / 1 week, median: view %.2fx, page %.2fx (target: at most 1.2x)%n",
					longView / shortView, longPage / shortPage);
		}
	}

	/**
	 * A client with three check-ins a day and five daily commitments, each day recorded.
	 */
	private static AccountId load(ConfigurableApplicationContext context, String email, int days) {
		CheckInManagement checkIns = context.getBean(CheckInManagement.class);
		CommitmentManagement commitments = context.getBean(CommitmentManagement.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		AccountId me = context.getBean(AccountManagement.class)
			.signUp(email, "Bench", "steady-oak-river-42", null)
			.id();
		long begin = System.nanoTime();
		Instant now = Instant.now();
		for (int i = 0; i < days * 3; i++) {
			Instant when = now.minus(Duration.ofHours(8L * i + 1));
			checkIns.record(me, new CheckInDetails(List.of(WORDS[i % WORDS.length]), 1 + (i % 10), BodyLocation.CHEST,
					null, null, null, when), false);
		}
		LocalDate today = context.getBean(AccountManagement.class).today(me);
		LocalDate start = today.minusDays(days - 1);
		for (int c = 0; c < 5; c++) {
			CommitmentId id = commitments.create(me, new CommitmentDetails("Daily promise " + (c + 1) + " at 8 pm",
					null, Recurrence.DAILY, Set.of(), null, null));
			jdbc.sql("UPDATE commitment SET start_date = :start WHERE id = :id")
				.param("start", start)
				.param("id", id.value())
				.update();
			for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
				jdbc.sql("""
						INSERT INTO commitment_occurrence (commitment_id, due_date, outcome, recorded_at)
						VALUES (:id, :day, :outcome, :at)
						""")
					.param("id", id.value())
					.param("day", day)
					.param("outcome", (day.getDayOfMonth() % 5 == c) ? "MISSED" : "KEPT")
					.param("at", day.atStartOfDay().atOffset(ZoneOffset.UTC))
					.update();
			}
		}
		System.out.printf("Loaded %s: %d check-ins and 5 daily commitments over %d days in %d ms%n", email, days * 3,
				days, (System.nanoTime() - begin) / 1_000_000);
		return me;
	}

}
