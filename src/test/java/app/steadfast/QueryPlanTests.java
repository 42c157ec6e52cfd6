package app.steadfast;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import app.steadfast.generator.PracticeGenerator;
import app.steadfast.library.ArticleManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.Practice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every query the main pages issue finds its rows through an index on PostgreSQL: a
 * generated practice (50 clients with two years of records), ANALYZE, then the SQL the
 * pages actually sent (recorded with its values) is explained, and a sequential scan of a
 * large table fails the test. A table counts as large when it grows with the practice's
 * history (check-ins, commitment records, weekly figures, the audit log, ...) and holds
 * at least 1,000 rows here; below that the planner rightly prefers to read it whole. A
 * page that reads many people's rows at once needs only an index that could serve it
 * ({@link #MANY_PEOPLE}).
 */
@SteadfastTest
@FreshDatabase
@Import(SqlRecorder.Configuration.class)
class QueryPlanTests {

	static final Set<String> GROWING = Set.of("check_in", "check_in_word", "journal_entry", "commitment",
			"commitment_occurrence", "commitment_witness", "insight_week", "audit_event", "conversation_log",
			"conversation_topic", "trust_pulse", "partner_question", "question_entry", "share_grant",
			"statement_version", "statement_part", "account", "therapist_assignment", "couple_link", "consultation",
			"consultation_change", "event_publication", "spring_session", "spring_session_attributes");

	static final int LARGE = 1000;

	/**
	 * Pages that read many people's rows in one query: the caseload reads all of a
	 * therapist's clients together, and at this scale one therapist serves every client
	 * of the practice. Wanting most of a table, the planner rightly reads it whole; what
	 * must hold there is that an index could serve the query, so it is explained again
	 * with sequential scans off and must then find its rows through one.
	 */
	static final Set<String> MANY_PEOPLE = Set.of("caseload");

	private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	SqlRecorder sql;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ArticleManagement library;

	@Autowired
	Encryption encryption;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Practice practice;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@BeforeAll
	static void onPostgresOnly() {
		assumeTrue(TestDatabases.onPostgres(),
				"Query plans are checked on PostgreSQL only (the production database); H2's plans say nothing about it");
	}

	@Test
	void noMainPageQueryScansALargeTableWhole() throws SQLException {
		PracticeGenerator.Plan plan = new PracticeGenerator.Plan(11, 0.05,
				LocalDate.now(this.clock.withZone(this.practice.zone())).minusDays(1));
		new PracticeGenerator(this.dataSource, this.transactions, this.library, this.encryption,
				this.passwords.encode(PracticeGenerator.PASSWORD), this.practice.zone())
			.generate(plan, (line) -> {
			});
		UUID client = id(plan.email("client", 1));
		RequestPostProcessor him = as(plan.email("client", 1));
		RequestPostProcessor her = as(plan.email("partner", 1));
		RequestPostProcessor therapist = as(plan.email("therapist", 1));
		// Completed weeks are kept on a first view: fill insight_week like a used
		// practice.
		for (int c = 2; c <= 12; c++) {
			get(as(plan.email("client", c)), "/insights");
		}
		analyze();

		Map<String, List<SqlRecorder.Executed>> pages = new LinkedHashMap<>();
		pages.put("home", record(him, "/"));
		pages.put("check-ins", record(him, "/checkins"));
		pages.put("check-in calendar", record(him, "/checkins/calendar"));
		pages.put("progress", record(him, "/insights"));
		pages.put("commitments", record(him, "/commitments"));
		pages.put("partner's pulse", record(her, "/couple/pulse"));
		pages.put("couple", record(her, "/couple"));
		pages.put("partner's home", record(her, "/"));
		pages.put("article", record(null, "/articles/practice-notes-1-s11"));
		pages.put("consultation form", record(null, "/consultation"));
		pages.put("caseload", record(therapist, "/care"));
		pages.put("care client", record(therapist, "/care/clients/" + client));
		pages.put("check-in save", this.sql.during(() -> {
			assertThat(this.mvc.post()
				.uri("/checkins/new")
				.with(him)
				.with(csrf())
				.param("step", "details")
				.param("words", "shame")
				.param("primary", "shame")
				.param("intensity", "6")
				.param("body", "CHEST")
				.param("trigger", "")
				.param("response", "BREATHED")
				.param("responseNote", "")
				.param("when", "")).hasStatus(302);
		}));

		Map<String, Long> rows = rowCounts();
		List<String> problems = new ArrayList<>();
		int statements = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			for (var page : pages.entrySet()) {
				Set<String> seen = new LinkedHashSet<>();
				for (SqlRecorder.Executed executed : page.getValue()) {
					String text = executed.sql().strip();
					String verb = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
					if (!Set.of("SELECT", "UPDATE", "DELETE", "WITH").contains(verb) || !seen.add(text)) {
						continue;
					}
					statements++;
					String explained = explain(connection, executed);
					if (MANY_PEOPLE.contains(page.getKey()) && SEQ_SCAN.matcher(explained).find()) {
						explained = explainWithoutSequentialScans(connection, executed);
					}
					Matcher scans = SEQ_SCAN.matcher(explained);
					while (scans.find()) {
						String table = scans.group(1);
						if (GROWING.contains(table) && rows.getOrDefault(table, 0L) >= LARGE) {
							problems.add(page.getKey() + ": Seq Scan on " + table + " (" + rows.get(table)
									+ " rows)\n    " + text.replaceAll("\\s+", " ") + "\n" + explained);
						}
					}
				}
			}
		}
		assertThat(statements).as("statements explained").isGreaterThan(50);
		assertThat(rows.get("check_in")).as("check-ins generated").isGreaterThan(20_000L);
		assertThat(problems).as("sequential scans of large tables").isEmpty();
	}

	private UUID id(String email) {
		return this.jdbc.sql("SELECT id FROM account WHERE email = :e").param("e", email).query(UUID.class).single();
	}

	private RequestPostProcessor as(String email) {
		return TestPeople.withEveryFactor(this.details.loadUserByUsername(email), java.time.Instant.now());
	}

	private void get(RequestPostProcessor person, String path) {
		var request = this.mvc.get().uri(path);
		assertThat((person != null) ? request.with(person).exchange() : request.exchange()).as(path).hasStatus(200);
	}

	private List<SqlRecorder.Executed> record(RequestPostProcessor person, String path) {
		List<SqlRecorder.Executed> all = new ArrayList<>(this.sql.during(() -> get(person, path)));
		// The second view too: some pages keep what the first computed.
		all.addAll(this.sql.during(() -> get(person, path)));
		return all;
	}

	private void analyze() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE");
		}
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> rows = new HashMap<>();
		this.jdbc.sql(
				"SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace")
			.query((rs) -> {
				rows.put(rs.getString("relname"), (long) rs.getDouble("reltuples"));
			});
		return rows;
	}

	private static String explainWithoutSequentialScans(Connection connection, SqlRecorder.Executed executed)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET enable_seqscan = off");
			try {
				return explain(connection, executed);
			}
			finally {
				statement.execute("RESET enable_seqscan");
			}
		}
	}

	private static String explain(Connection connection, SqlRecorder.Executed executed) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + executed.sql())) {
			for (var parameter : executed.parameters().entrySet()) {
				statement.setObject(parameter.getKey(), parameter.getValue());
			}
			StringBuilder plan = new StringBuilder();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					plan.append("      ").append(rs.getString(1)).append('\n');
				}
			}
			return plan.toString();
		}
	}

}
