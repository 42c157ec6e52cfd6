package app.steadfast;

import java.util.ArrayList;
import java.util.List;

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
 * What the benchmarks under bench/ share: the application on an in-memory database, and
 * timing with warm-up that prints median, p95 and maximum against the 50 ms budget.
 */
public final class Bench {

	/** The budget every view is held to. */
	public static final double BUDGET_MS = 50;

	private static final int WARM_UP = 50;

	private static final int RUNS = 200;

	/** Work to time; may throw. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;

	}

	private Bench() {
	}

	/**
	 * The whole application on an in-memory H2 database. Command-line properties outrank
	 * application.properties, so a benchmark never touches ./data.
	 */
	public static ConfigurableApplicationContext application() {
		return SpringApplication.run(Steadfast.class,
				"--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
				"--steadfast.encryption.keyset-file=target/bench/keyset.json",
				"--steadfast.mail.outbox=target/bench/outbox", "--server.port=0", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--db-scheduler.enabled=false");
	}

	/** Times the work after a warm-up, prints the figures and returns the median. */
	public static double time(String what, Work work) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			work.run();
		}
		List<Double> times = new ArrayList<>(RUNS);
		for (int i = 0; i < RUNS; i++) {
			long begin = System.nanoTime();
			work.run();
			times.add((System.nanoTime() - begin) / 1_000_000.0);
		}
		double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double p95 = sorted[(int) (RUNS * 0.95)];
		System.out.printf("%s, %d runs: median %.2f ms, p95 %.2f ms, max %.2f ms%n", what, RUNS, sorted[RUNS / 2], p95,
				sorted[RUNS - 1]);
		System.out.printf("Budget: %.0f ms. %s%n", BUDGET_MS, (p95 < BUDGET_MS) ? "Within budget." : "OVER BUDGET.");
		return sorted[RUNS / 2];
	}

	/**
	 * Times a whole page as the person with this email gets it: security, query and
	 * template.
	 */
	public static double timePage(ConfigurableApplicationContext context, String email, String path) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.build();
		var user = SecurityMockMvcRequestPostProcessors
			.user(context.getBean(UserDetailsService.class).loadUserByUsername(email));
		return time(path + " page rendered for " + email, () -> {
			int status = mvc.perform(MockMvcRequestBuilders.get(path).with(user)).andReturn().getResponse().getStatus();
			if (status != 200) {
				throw new IllegalStateException(path + " answered " + status);
			}
		});
	}

}
