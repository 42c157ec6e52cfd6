package app.steadfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at a real database: H2 (in PostgreSQL mode, as in the
 * embedded default) unless the system property {@code steadfast.test.db} is
 * {@code postgres}; then PostgreSQL, the server named by {@code STEADFAST_TEST_DB_URL} or
 * else an embedded one (io.zonky). Each run works in databases of its own, so leftovers
 * of one run never meet the next.
 */
public class TestDatabases implements ContextCustomizerFactory {

	/**
	 * The port of the in-process SMTP server: free when the test JVM starts, so other
	 * programs on the machine (another build, say) never collide with it.
	 */
	public static final int SMTP_PORT = freePort();

	private static final Map<String, String> postgresUrls = new ConcurrentHashMap<>();

	private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

	private static EmbeddedPostgres embedded;

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		String name = AnnotatedElementUtils.hasAnnotation(testClass, FreshDatabase.class)
				? testClass.getSimpleName().toLowerCase(Locale.ROOT) : "main";
		ActiveProfiles profiles = AnnotatedElementUtils.findMergedAnnotation(testClass, ActiveProfiles.class);
		boolean demo = profiles != null && Arrays.asList(profiles.profiles()).contains("demo");
		return new Customizer(name, demo);
	}

	/** Whether this run tests against PostgreSQL. */
	public static boolean onPostgres() {
		return "postgres".equalsIgnoreCase(System.getProperty("steadfast.test.db", ""));
	}

	/**
	 * A test context's database settings; a test that asks for the demo profile gets its
	 * demo accounts and history.
	 */
	record Customizer(String name, boolean demo) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = properties(this.name);
			if (this.demo) {
				// As with `mvn spring-boot:run`: no mail server, so mail waits in the
				// outbox.
				properties.remove("steadfast.demo.enabled");
				properties.remove("spring.mail.host");
				properties.remove("spring.mail.port");
			}
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("steadfast-test", properties));
		}

	}

	/**
	 * The settings of a test context working in the database of the given name, for tests
	 * that start application contexts themselves (several nodes on one database, say).
	 */
	public static Map<String, Object> properties(String name) {
		Map<String, Object> properties = new HashMap<>();
		if (onPostgres()) {
			properties.put("spring.datasource.url", postgresUrl(name));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		}
		else {
			properties.put("spring.datasource.url",
					"jdbc:h2:mem:steadfast-" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
		}
		properties.put("spring.datasource.hikari.maximum-pool-size", "5");
		// Fail fast rather than wait 30 s for a connection while the run shuts the
		// database down.
		properties.put("spring.datasource.hikari.connection-timeout", "3000");
		properties.put("steadfast.encryption.keyset-file", "target/test-data/keyset.json");
		properties.put("steadfast.mail.outbox", "target/test-data/outbox-" + name);
		// Anchors of this run's database only: another run's, or the other database's,
		// never
		// match it.
		properties.put("steadfast.audit.anchor-file", "target/test-data/audit-anchors-" + RUN + "-"
				+ (onPostgres() ? "postgres" : "h2") + "-" + name + ".log");
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(SMTP_PORT));
		properties.put("steadfast.demo.enabled", "false");
		// Scheduled jobs come due within a test's patience, not ten seconds later.
		properties.put("db-scheduler.polling-interval", "100ms");
		// Scheduled jobs would run in every cached context at unplanned moments (a
		// reminder email
		// landing in another test's mailbox); tests that prove scheduling switch it on,
		// the
		// others call a job's work directly.
		properties.put("db-scheduler.enabled", "false");
		return properties;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String postgresUrl(String name) {
		return postgresUrls.computeIfAbsent(name, TestDatabases::createPostgresDatabase);
	}

	private static synchronized String createPostgresDatabase(String name) {
		String server = serverUrl();
		String database = "steadfast_test_" + RUN + "_" + name;
		try (Connection connection = DriverManager.getConnection(server, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database);
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database on " + server, ex);
		}
		if (embedded == null) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, database)));
		}
		return withDatabase(server, database);
	}

	private static void drop(String server, String database) {
		try (Connection connection = DriverManager.getConnection(server, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			// The run is over; a database left behind is dropped by the next run of this
			// process id.
		}
	}

	private static String serverUrl() {
		String configured = System.getenv("STEADFAST_TEST_DB_URL");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
			}
		}
		return embedded.getJdbcUrl("postgres", "postgres");
	}

	static String withDatabase(String serverUrl, String database) {
		Matcher url = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?").matcher(serverUrl);
		if (!url.matches()) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + serverUrl);
		}
		return url.group(1) + "/" + database + ((url.group(3) != null) ? url.group(3) : "");
	}

}
