package app.steadfast.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import app.steadfast.Steadfast;
import app.steadfast.accounts.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

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
		// Command-line properties outrank application.properties: the benchmark never
		// touches ./data.
		String[] settings = {
				"--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
				"--steadfast.encryption.keyset-file=target/bench/keyset.json",
				"--steadfast.mail.outbox=target/bench/outbox", "--server.port=0", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off" };
		try (ConfigurableApplicationContext context = SpringApplication.run(Steadfast.class, settings)) {
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
			for (int i = 0; i < 50; i++) {
				checkIns.summary(me, me, 12);
			}
			int runs = 200;
			List<Double> times = new ArrayList<>(runs);
			CheckInSummary last = null;
			for (int i = 0; i < runs; i++) {
				long start = System.nanoTime();
				last = checkIns.summary(me, me, 12);
				times.add((System.nanoTime() - start) / 1_000_000.0);
			}
			double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf("12-week summary over %d check-ins, %d runs: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
					last.checkIns(), runs, sorted[runs / 2], sorted[(int) (runs * 0.95)], sorted[runs - 1]);
			System.out.printf("Budget: 50 ms. %s%n",
					(sorted[(int) (runs * 0.95)] < 50) ? "Within budget." : "OVER BUDGET.");

			// The whole page as the browser gets it: security, query, summary and
			// Thymeleaf.
			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
				.apply(SecurityMockMvcConfigurers.springSecurity())
				.build();
			var user = SecurityMockMvcRequestPostProcessors
				.user(context.getBean(UserDetailsService.class).loadUserByUsername("benchmark@example.org"));
			List<Double> pages = new ArrayList<>(runs);
			for (int i = 0; i < runs + 50; i++) {
				long start = System.nanoTime();
				int status = mvc.perform(MockMvcRequestBuilders.get("/checkins/summary?weeks=12").with(user))
					.andReturn()
					.getResponse()
					.getStatus();
				if (status != 200) {
					throw new IllegalStateException("The summary page answered " + status);
				}
				if (i >= 50) {
					pages.add((System.nanoTime() - start) / 1_000_000.0);
				}
			}
			double[] page = pages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf("12-week summary page rendered, %d runs: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
					runs, page[runs / 2], page[(int) (runs * 0.95)], page[runs - 1]);
			System.out.printf("Budget: 50 ms. %s%n",
					(page[(int) (runs * 0.95)] < 50) ? "Within budget." : "OVER BUDGET.");
		}
	}

}
