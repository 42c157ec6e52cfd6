package app.steadfast.commitments;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import app.steadfast.Steadfast;
import app.steadfast.accounts.AccountId;
import app.steadfast.accounts.AccountManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Not a test: a benchmark run by bench/commitment-reliability.sh. Two years of five daily
 * commitments for one client, each day recorded, then the time of the 12-week reliability
 * view (the computation, and the whole page) over many runs.
 */
public final class CommitmentReliabilityBenchmark {

	private CommitmentReliabilityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// Command-line properties outrank application.properties: the benchmark never
		// touches ./data.
		String[] settings = {
				"--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
				"--steadfast.encryption.keyset-file=target/bench/keyset.json",
				"--steadfast.mail.outbox=target/bench/outbox", "--server.port=0", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--db-scheduler.enabled=false" };
		try (ConfigurableApplicationContext context = SpringApplication.run(Steadfast.class, settings)) {
			CommitmentManagement commitments = context.getBean(CommitmentManagement.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			AccountId me = context.getBean(AccountManagement.class)
				.signUp("benchmark@example.org", "Bench", "steady-oak-river-42", null)
				.id();
			LocalDate today = commitments.today();
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
			for (int i = 0; i < 50; i++) {
				commitments.reliability(me, me, 12);
			}
			int runs = 200;
			List<Double> times = new ArrayList<>(runs);
			for (int i = 0; i < runs; i++) {
				long begin = System.nanoTime();
				commitments.reliability(me, me, 12);
				times.add((System.nanoTime() - begin) / 1_000_000.0);
			}
			report("12-week reliability", times);
			Reliability shown = commitments.reliability(me, me, 12);
			System.out.printf("(the view it computed: last 12 weeks %d of %d due days kept)%n", shown.last12().kept(),
					shown.last12().due());

			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
				.apply(SecurityMockMvcConfigurers.springSecurity())
				.build();
			var user = SecurityMockMvcRequestPostProcessors
				.user(context.getBean(UserDetailsService.class).loadUserByUsername("benchmark@example.org"));
			List<Double> pages = new ArrayList<>(runs);
			for (int i = 0; i < runs + 50; i++) {
				long begin = System.nanoTime();
				int status = mvc.perform(MockMvcRequestBuilders.get("/commitments/reliability").with(user))
					.andReturn()
					.getResponse()
					.getStatus();
				if (status != 200) {
					throw new IllegalStateException("The reliability page answered " + status);
				}
				if (i >= 50) {
					pages.add((System.nanoTime() - begin) / 1_000_000.0);
				}
			}
			report("12-week reliability page rendered", pages);
		}
	}

	private static void report(String what, List<Double> times) {
		double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int runs = sorted.length;
		System.out.printf("%s, %d runs: median %.2f ms, p95 %.2f ms, max %.2f ms%n", what, runs, sorted[runs / 2],
				sorted[(int) (runs * 0.95)], sorted[runs - 1]);
		System.out.printf("Budget: 50 ms. %s%n",
				(sorted[(int) (runs * 0.95)] < 50) ? "Within budget." : "OVER BUDGET.");
	}

}
