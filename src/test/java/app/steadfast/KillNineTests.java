package app.steadfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application, as a process of its own, is killed with SIGKILL in the middle of a
 * burst of check-in saves from several devices: every save it acknowledged (its redirect
 * after the POST) is in the database, whole, and the application starts again on it. On
 * PostgreSQL in the PostgreSQL run, and on the embedded default (H2 in file mode, as
 * {@code mvn spring-boot:run} starts it) in the H2 run.
 */
@Tag("database")
class KillNineTests {

	static final String[] WORDS = { "hope", "guilt" };

	private final List<Process> processes = new ArrayList<>();

	@AfterEach
	void noProcessLeft() {
		this.processes.forEach(Process::destroyForcibly);
	}

	/** The sign-up link in the kept email to that address, if it is there yet. */
	private static java.util.Optional<String> confirmationToken(Path outbox, String email) throws Exception {
		if (Files.notExists(outbox)) {
			return java.util.Optional.empty();
		}
		try (var files = Files.list(outbox)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".eml")).toList()) {
				try (var in = Files.newInputStream(file)) {
					var message = new jakarta.mail.internet.MimeMessage(
							jakarta.mail.Session.getInstance(new java.util.Properties()), in);
					if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
						var token = java.util.regex.Pattern.compile("/signup/confirm\\?token=([A-Za-z0-9_-]+)")
							.matcher(String.valueOf(message.getContent()));
						if (token.find()) {
							return java.util.Optional.of(token.group(1));
						}
					}
				}
			}
		}
		return java.util.Optional.empty();
	}

	// Where the started application keeps mail, for the sign-up link.
	private Path outbox;

	@Test
	void everyAcknowledgedSaveSurvivesAKillDashNine() throws Exception {
		assumeTrue(TestDatabases.onPostgres(), "This one runs in the PostgreSQL run; the H2 run kills the embedded "
				+ "default instead (everyAcknowledgedSaveSurvivesAKillDashNineOnTheEmbeddedDefault)");
		String database = TestDatabases.postgresUrl("killnine");
		List<String> settings = List.of("--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--steadfast.encryption.keyset-file=target/test-data/keyset.json",
				"--steadfast.mail.outbox=target/test-data/outbox-killnine");
		Path directory = Path.of(".");
		this.outbox = Path.of("target/test-data/outbox-killnine");
		burstThenKill(() -> start(directory, settings, 1), 6, Integer.MAX_VALUE, 25,
				(email) -> wordsPerCheckIn(database, "postgres", email), () -> start(directory, settings, 2));
	}

	/**
	 * The embedded default as a newcomer runs it: the application's own settings, ./data
	 * under its working directory. Kept small (60 saves, the kill after 30 acknowledged)
	 * so it costs the H2 run two start-ups of the application.
	 */
	@Test
	void everyAcknowledgedSaveSurvivesAKillDashNineOnTheEmbeddedDefault() throws Exception {
		assumeFalse(TestDatabases.onPostgres(), "The embedded default is killed in the H2 run only");
		Path directory = Path.of("target/test-data/killnine-h2").toAbsolutePath();
		FileSystemUtils.deleteRecursively(directory);
		Files.createDirectories(directory);
		String database = "jdbc:h2:file:" + directory.resolve("data/steadfast") + ";MODE=PostgreSQL";
		// The application's own settings: its mail waits in ./data/outbox.
		this.outbox = directory.resolve("data/outbox");
		burstThenKill(() -> start(directory, List.of(), 1), 3, 60, 30,
				(email) -> wordsPerCheckIn(database, "sa", email), () -> start(directory, List.of(), 2));

		// What it wrote under ./data is the running account's alone (POSIX).
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Path data = directory.resolve("data");
			assertThat(permissions(data)).as("./data").isEqualTo("rwx------");
			assertThat(permissions(data.resolve("outbox"))).as("./data/outbox").isEqualTo("rwx------");
			try (Stream<Path> files = Files.walk(data)) {
				assertThat(files.filter(Files::isRegularFile).toList()).as("files under ./data")
					.anyMatch((file) -> file.endsWith("steadfast.mv.db"))
					.anyMatch((file) -> file.endsWith("keyset.json"))
					.allSatisfy((file) -> assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------"));
			}
		}
	}

	private static String permissions(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

	/**
	 * Signs up, then saves check-ins from several devices at once until the application
	 * is killed with SIGKILL (once enough saves were acknowledged) or the limit of tries
	 * is reached, then checks every acknowledged save against the database, and that the
	 * application starts again on it.
	 */
	private void burstThenKill(Starter starter, int devices, int limit, int killAfter, StoredCheckIns storedCheckIns,
			Starter restarter) throws Exception {
		String app = starter.start();
		String email = TestPeople.uniqueEmail("killnine");
		WebClient signUp = new WebClient();
		HttpResponse<String> joined = signUp.post(app + "/signup", "email", email, "displayName", "Kill nine",
				"password", TestPeople.PASSWORD, "path", "DOING_THE_WORK", "_csrf", signUp.csrfFrom(app + "/signup"));
		assertThat(WebClient.location(joined)).endsWith("/signup/sent");
		// No mail server here: the link waits in the outbox folder, as for a newcomer.
		String link = await().atMost(Duration.ofSeconds(30))
			.until(() -> confirmationToken(this.outbox, email), java.util.Optional::isPresent)
			.orElseThrow();
		HttpResponse<String> confirmed = signUp.post(app + "/signup/confirm", "token", link, "password",
				TestPeople.PASSWORD, "_csrf", signUp.csrfFrom(app + "/signup/confirm?token=" + link));
		assertThat(WebClient.location(confirmed)).contains("welcome");

		// Several devices of his, each signed in, each saving check-ins one after
		// another.
		List<WebClient> browsers = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < devices; i++) {
			WebClient browser = new WebClient();
			assertThat(WebClient.location(browser.signIn(app, email, TestPeople.PASSWORD))).doesNotContain("error");
			browsers.add(browser);
			tokens.add(browser.csrfFrom(app + "/checkins/new"));
		}
		Process first = this.processes.get(this.processes.size() - 1);
		AtomicInteger minute = new AtomicInteger();
		AtomicInteger tried = new AtomicInteger();
		AtomicInteger unanswered = new AtomicInteger();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		ExecutorService burst = Executors.newFixedThreadPool(devices);
		for (int i = 0; i < devices; i++) {
			WebClient browser = browsers.get(i);
			String token = tokens.get(i);
			burst.submit(() -> {
				int next;
				while (first.isAlive() && (next = minute.getAndIncrement()) < limit) {
					String when = LocalDateTime.of(2025, 3, 1, 0, 0).plusMinutes(next).toString();
					tried.incrementAndGet();
					try {
						HttpResponse<String> saved = save(browser, app, token, when);
						if (saved.statusCode() == 302 && WebClient.location(saved).endsWith("/checkins")) {
							acknowledged.add(when);
						}
					}
					catch (UncheckedIOException ex) {
						unanswered.incrementAndGet();
					}
				}
				return null;
			});
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= killAfter);
		first.destroyForcibly();
		assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
		int acknowledgedAtKill = acknowledged.size();
		burst.shutdown();
		assertThat(burst.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("exit status of a process killed by SIGKILL").isEqualTo(137);

		Map<String, Integer> stored = storedCheckIns.of(email);
		assertThat(stored.keySet()).as("acknowledged saves in the database").containsAll(acknowledged);
		assertThat(stored.values()).as("words of each stored check-in").allMatch((count) -> count == WORDS.length);

		// And the application starts again on that database, his check-ins there.
		String again = restarter.start();
		WebClient browser = new WebClient();
		assertThat(WebClient.location(browser.signIn(again, email, TestPeople.PASSWORD))).doesNotContain("error");
		HttpResponse<String> history = browser.get(again + "/checkins");
		assertThat(history.statusCode()).isEqualTo(200);
		System.out.printf(
				"Kill -9: %d saves tried from %d devices, %d acknowledged (%d when the kill was sent), %d unanswered, %d stored, all acknowledged present%n",
				tried.get(), devices, acknowledged.size(), acknowledgedAtKill, unanswered.get(), stored.size());
	}

	interface Starter {

		String start() throws Exception;

	}

	interface StoredCheckIns {

		Map<String, Integer> of(String email) throws Exception;

	}

	/**
	 * Starts the application as a process of its own in the given working directory, with
	 * the given settings on top of its own.
	 */
	private String start(Path directory, List<String> settings, int run) throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path log = directory.resolve("target/test-data/killnine-app-" + run + ".log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						classpath, "app.steadfast.Steadfast", "--server.address=127.0.0.1", "--server.port=" + port,
						"--db-scheduler.enabled=false"));
		command.addAll(settings);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(directory.toFile())
			.start();
		this.processes.add(process);
		String app = "http://127.0.0.1:" + port;
		WebClient probe = new WebClient();
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("the application process (see " + log + ")").isTrue();
			try {
				return probe.get(app + "/login").statusCode() == 200;
			}
			catch (UncheckedIOException ex) {
				return false;
			}
		});
		return app;
	}

	private static HttpResponse<String> save(WebClient browser, String app, String csrf, String when) {
		List<String> form = new ArrayList<>(List.of("step", "details", "intensity", "5", "body", "STOMACH", "when",
				when, "trigger", "She asked where I was", "_csrf", csrf));
		for (String word : WORDS) {
			form.add("words");
			form.add(word);
		}
		return browser.post(app + "/checkins/new", form.toArray(String[]::new));
	}

	private static Map<String, Integer> wordsPerCheckIn(String database, String user, String email) throws Exception {
		Map<String, Integer> words = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(database, user, "");
				PreparedStatement query = connection.prepareStatement("""
						SELECT c.occurred_at, COUNT(w.word) AS words FROM check_in c
						JOIN account a ON a.id = c.owner_id
						LEFT JOIN check_in_word w ON w.check_in = c.id
						WHERE a.email = ? GROUP BY c.id, c.occurred_at""")) {
			query.setString(1, email);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					words.put(
							LocalDateTime
								.ofInstant(rows.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
										ZoneOffset.UTC)
								.toString(),
							rows.getInt("words"));
				}
			}
		}
		return words;
	}

}
