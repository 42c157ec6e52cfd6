package app.steadfast;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The database goes away while the application runs (a TCP proxy between them is cut), in
 * the middle of a burst of saves: every request answers 503 with a plain page in the
 * practice's look, quickly; a save with several rows is either all there or not at all;
 * and once the database is back, the same pages answer again without a restart.
 */
@Tag("database")
class DatabaseOutageTests {

	static final String[] WORDS = { "hope", "guilt", "ashamed" };

	static TcpProxy proxy;

	static ConfigurableApplicationContext node;

	static String app;

	static String database;

	@BeforeAll
	static void behindAProxy() {
		assumeTrue(TestDatabases.onPostgres(), "The outage is proven on PostgreSQL, a server the test can cut off "
				+ "through a TCP proxy; the H2 test database lives inside the test's own JVM and cannot go away");
		database = TestDatabases.postgresUrl("outage");
		Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?(/.*)").matcher(database);
		assertThat(url.matches()).as(database).isTrue();
		proxy = new TcpProxy(url.group(1), (url.group(2) != null) ? Integer.parseInt(url.group(2)) : 5432);
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3));
		// Answer quickly while the database is away rather than queue for it.
		settings.put("spring.datasource.hikari.connection-timeout", "1000");
		settings.put("spring.datasource.hikari.validation-timeout", "500");
		node = TestNodes.start("outage", "outage", false, settings);
		app = WebClient.baseUrl(node);
	}

	@AfterAll
	static void stop() {
		TestNodes.stop(node);
		if (proxy != null) {
			proxy.close();
		}
	}

	@Test
	void whileTheDatabaseIsAwayEveryRequestAnswers503AndNothingIsHalfWritten() throws Exception {
		Person him = node.getBean(AccountManagement.class)
			.signUp(TestPeople.uniqueEmail("outage"), "Outage", TestPeople.PASSWORD, null);
		WebClient browser = new WebClient();
		assertThat(WebClient.location(browser.signIn(app, him.email(), TestPeople.PASSWORD))).doesNotContain("error");
		String csrf = browser.csrfFrom(app + "/checkins/new");
		List<String> pages = List.of("/checkins", "/accounts/password", "/");
		for (String page : pages) {
			assertThat(browser.get(app + page).statusCode()).as(page).isEqualTo(200);
		}
		assertThat(new WebClient().get(app + "/articles").statusCode()).isEqualTo(200);

		// A burst of check-ins, three words each (four rows a save), from four threads;
		// the database is cut off in the middle of it.
		AtomicInteger minute = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
		ExecutorService burst = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			burst.submit(() -> {
				while (running.get()) {
					String when = LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(minute.getAndIncrement()).toString();
					HttpResponse<String> saved = saveCheckIn(browser, csrf, when);
					statuses.add(saved.statusCode());
					if (saved.statusCode() == 302 && WebClient.location(saved).endsWith("/checkins")) {
						acknowledged.add(when);
					}
				}
				return null;
			});
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 10);
		proxy.cut();
		int acknowledgedAtCut = acknowledged.size();
		// The burst goes on until the cut shows: saves refused with the 503 page.
		await().atMost(Duration.ofSeconds(20)).until(() -> statuses.contains(503));
		running.set(false);
		burst.shutdown();
		assertThat(burst.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(statuses).as("answers during the burst").allMatch((status) -> status == 302 || status == 503);
		assertThat(statuses).as("saves refused while the database was away").contains(503);

		// While it is away: a signed-in page, a public page, a save.
		for (String page : pages) {
			assertUnavailable(() -> browser.get(app + page), page);
		}
		// A public page that needs nothing from the database may still be served; one
		// that does answers the same 503 page. Never a 500.
		for (String page : List.of("/articles", "/search?q=trust", "/login", "/")) {
			HttpResponse<String> answer = new WebClient().get(app + page);
			if (answer.statusCode() != 200) {
				assertUnavailable(() -> new WebClient().get(app + page), page + ", signed out");
			}
		}
		assertUnavailable(() -> saveCheckIn(browser, csrf, "2025-06-01T10:00"), "a check-in saved");

		proxy.restore();
		// Back without a restart: the same session, the same pages, a new save.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> browser.get(app + "/checkins").statusCode() == 200);
		for (String page : pages) {
			assertThat(browser.get(app + page).statusCode()).as(page + " after the database returned").isEqualTo(200);
		}
		assertThat(new WebClient().get(app + "/articles").statusCode()).isEqualTo(200);
		HttpResponse<String> after = saveCheckIn(browser, browser.csrfFrom(app + "/checkins/new"), "2025-06-02T10:00");
		assertThat(WebClient.location(after)).endsWith("/checkins");
		acknowledged.add("2025-06-02T10:00");

		// Nothing half-written: every check-in there has its three words; every one
		// acknowledged is there.
		Map<String, Integer> words = wordsPerCheckIn(him);
		assertThat(words.values()).as("words of each stored check-in").allMatch((count) -> count == WORDS.length);
		assertThat(words.keySet()).as("acknowledged check-ins stored").containsAll(acknowledged);
		assertThat(words).doesNotContainKey("2025-06-01T10:00");
		System.out.printf(
				"Database outage: %d saves tried, %d acknowledged (%d before the cut), %d answered 503, %d stored, none half-written%n",
				statuses.size(), acknowledged.size() - 1, acknowledgedAtCut,
				statuses.stream().filter((s) -> s == 503).count(), words.size());
	}

	private static HttpResponse<String> saveCheckIn(WebClient browser, String csrf, String when) {
		List<String> form = new ArrayList<>(List.of("step", "details", "intensity", "4", "body", "CHEST", "when", when,
				"trigger", "A hard talk about money", "_csrf", csrf));
		for (String word : WORDS) {
			form.add("words");
			form.add(word);
		}
		return browser.post(app + "/checkins/new", form.toArray(String[]::new));
	}

	private static void assertUnavailable(java.util.function.Supplier<HttpResponse<String>> request, String what) {
		long start = System.nanoTime();
		HttpResponse<String> answer = request.get();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(answer.statusCode()).as(what).isEqualTo(503);
		assertThat(millis).as(what + ": milliseconds to answer").isLessThan(5000);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		assertThat(answer.body()).contains("be back shortly", "can't reach its records", "class=\"site-header\"",
				"/css/steadfast.css", "Madrega Wellness", "/crisis");
		assertThat(answer.body()).doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("jdbc")
			.doesNotContainIgnoringCase("postgres")
			.doesNotContainIgnoringCase("hikari")
			.doesNotContain("at org.", "at java.", "SQL");
	}

	/** The words stored with each of his check-ins, by the time he gave it. */
	private static Map<String, Integer> wordsPerCheckIn(Person him) throws Exception {
		Map<String, Integer> words = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(database, "postgres", "");
				PreparedStatement query = connection.prepareStatement("""
						SELECT c.occurred_at, COUNT(w.word) AS words FROM check_in c
						LEFT JOIN check_in_word w ON w.check_in = c.id
						WHERE c.owner_id = ? GROUP BY c.id, c.occurred_at""")) {
			query.setObject(1, him.id().value());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Instant at = rows.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant();
					words.put(LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString(), rows.getInt("words"));
				}
			}
		}
		return words;
	}

}
