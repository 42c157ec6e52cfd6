package app.steadfast.commitments;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import app.steadfast.Bench;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark run by bench/commitment-reliability.sh. Two years of five daily
 * commitments for one client, each day recorded, then the time of the 12-week reliability
 * view (the computation, and the whole page) over many runs.
 */
public final class CommitmentReliabilityBenchmark {

	private CommitmentReliabilityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = Bench.application()) {
			CommitmentManagement commitments = context.getBean(CommitmentManagement.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			AccountId me = context.getBean(AccountManagement.class)
				.signUp("benchmark@example.org", "Bench", "steady-oak-river-42", null)
				.id();
			LocalDate today = context.getBean(AccountManagement.class).today(me);
			LocalDate start = today.minusYears(2);
			long loadStart = System.nanoTime();
			int records = 0;
			for (int c = 0; c < 5; c++) {
				CommitmentId id = commitments.create(me,
						new CommitmentDetails("Daily promise number " + (c + 1) + " kept at 8 pm", null,
								Recurrence.DAILY, Set.of(), null, null));
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
					records++;
				}
			}
			System.out.printf("Loaded 5 daily commitments over 2 years (%d recorded days) in %d ms%n", records,
					(System.nanoTime() - loadStart) / 1_000_000);
			Bench.time("12-week reliability", () -> commitments.reliability(me, me, 12));
			Reliability shown = commitments.reliability(me, me, 12);
			System.out.printf("(the view it computed: last 12 weeks %d of %d due days kept)%n", shown.last12().kept(),
					shown.last12().due());
			Bench.timePage(context, "benchmark@example.org", "/commitments/reliability");
		}
	}

}
