package app.steadfast.accounts;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import app.steadfast.TestDatabases;
import app.steadfast.TestNodes;
import app.steadfast.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password typed at sign-in is kept at rest: neither a wrong one nor the right one of
 * a throttled account. A node of the whole application runs on the embedded default's
 * kind of database (an H2 file, whose bytes are read after a checkpoint), or on
 * PostgreSQL.
 */
@Tag("database")
class CredentialsAtRestTests {

	private ConfigurableApplicationContext node;

	@AfterEach
	void stop() {
		TestNodes.stop(this.node);
	}

	@Test
	void failedAndThrottledSignInsLeaveNoPasswordInTheSessionStoreOrTheDatabaseFile() throws Exception {
		Path folder = Path.of("target/test-data/credentials-" + UUID.randomUUID());
		Map<String, Object> settings = new HashMap<>();
		if (!TestDatabases.onPostgres()) {
			settings.put("spring.datasource.url", "jdbc:h2:file:" + folder.toAbsolutePath().resolve("steadfast")
					+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
		}
		this.node = TestNodes.start("credentials", "credentials", false, settings);
		String app = WebClient.baseUrl(this.node);
		String marker = "Marker" + UUID.randomUUID().toString().replace("-", "");
		String email = "marker-" + UUID.randomUUID() + "@example.org";
		this.node.getBean(AccountManagement.class).signUp(email, "Marker", marker, null);

		WebClient browser = new WebClient();
		// Near-typos of his password, then his real one while the account is throttled.
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> wrong = browser.signIn(app, email, marker + "-typo" + i);
			assertThat(WebClient.location(wrong)).endsWith("/login?error");
		}
		HttpResponse<String> throttled = browser.signIn(app, email, marker);
		assertThat(WebClient.location(throttled)).as("the right password while throttled").endsWith("/login?error");
		assertThat(browser.get(app + "/login?error").body())
			.contains("That email and password don't match an account, or there have been too many tries.");
		// Someone else's near-typo on a fresh visit, without a session before it.
		assertThat(WebClient.location(new WebClient().signIn(app, "nobody-" + email, marker + "-other")))
			.endsWith("/login?error");

		JdbcClient jdbc = this.node.getBean(JdbcClient.class);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single())
			.as("the sign-in attempts had sessions")
			.isPositive();
		List<byte[]> attributes = jdbc.sql("SELECT ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES")
			.query((rs, n) -> rs.getBytes(1))
			.list();
		for (byte[] bytes : attributes) {
			assertThat(contains(bytes, marker)).as("a session attribute holds the typed password").isFalse();
		}
		List<String> names = jdbc.sql("SELECT ATTRIBUTE_NAME FROM SPRING_SESSION_ATTRIBUTES")
			.query(String.class)
			.list();
		assertThat(names).doesNotContain("SPRING_SECURITY_LAST_EXCEPTION");

		if (!TestDatabases.onPostgres()) {
			// Everything the database holds, then the file's own bytes: pages freed by a
			// deleted row still hold what it said until overwritten.
			String script = String.join("\n", jdbc.sql("SCRIPT").query(String.class).list());
			assertThat(script).doesNotContain(marker)
				.doesNotContainIgnoringCase(HexFormat.of().formatHex(marker.getBytes(StandardCharsets.UTF_8)));
			jdbc.sql("CHECKPOINT SYNC").update();
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.toList()) {
					assertThat(contains(Files.readAllBytes(file), marker)).as("the bytes of " + file.getFileName())
						.isFalse();
				}
			}
		}
	}

	private static boolean contains(byte[] bytes, String text) {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		outer: for (int i = 0; i <= bytes.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
