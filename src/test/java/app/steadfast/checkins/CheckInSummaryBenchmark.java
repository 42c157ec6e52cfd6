package app.steadfast.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.steadfast.Bench;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: a benchmark run by bench/checkin-summary.sh. It loads three years of daily
 * check-ins for one client into an in-memory H2 database, then prints how long the
 * 12-week summary takes (the query, opening the sealed notes, and the counting), over
 * many runs.
 */
public final class CheckInSummaryBenchmark {

	private CheckInSummaryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext context = Bench.application()) {
			CheckInManagement checkIns = context.getBean(CheckInManagement.class);
			EmotionVocabulary vocabulary = context.getBean(EmotionVocabulary.class);
			Person client = context.getBean(AccountManagement.class)
				.signUp("benchmark@example.org", "Bench", "steady-oak-river-42", null);
			AccountId me = client.id();
			List<String> words = vocabulary.families().stream().map(EmotionFamily::name).toList();
			Instant now = context.getBean(Clock.class).instant();
			int days = 3 * 365;
			long loadStart = System.nanoTime();
			for (int day = 0; day < days; day++) {
				String word = words.get(day % words.size());
				checkIns.record(me,
						new CheckInDetails(List.of(word), 1 + day % 10, BodyLocation.CHEST,
								"Work call ran late and the talk about money came up again", Response.BREATHED, null,
								now.minus(Duration.ofDays(day)).minus(Duration.ofHours(day % 24))),
						false);
			}
			System.out.printf("Loaded %d daily check-ins (3 years) in %d ms%n", days,
					(System.nanoTime() - loadStart) / 1_000_000);
			CheckInSummary[] last = new CheckInSummary[1];
			Bench.time("12-week summary", () -> last[0] = checkIns.summary(me, me, 12));
			System.out.printf("(the summary it computed covers %d check-ins)%n", last[0].checkIns());
			Bench.timePage(context, "benchmark@example.org", "/checkins/summary?weeks=12");
		}
	}

}
