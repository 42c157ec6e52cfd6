package app.steadfast.generator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.library.ArticleManagement;
import app.steadfast.shared.Encryption;
import app.steadfast.shared.Practice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A tiny generated practice is complete and readable: its people sign in with the
 * documented password, and the main pages of a client, his partner and his therapist open
 * every sealed text the generator wrote. The same seed writes the same practice.
 */
@SteadfastTest
@FreshDatabase
class PracticeGeneratorTests {

	@Autowired
	MockMvcTester mvc;

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

	@Test
	void aTinyPracticeIsWrittenOnceAndEveryMainPageOpensIt() {
		PracticeGenerator generator = new PracticeGenerator(this.dataSource, this.transactions, this.library,
				this.encryption, this.passwords.encode(PracticeGenerator.PASSWORD), this.practice.zone());
		LocalDate yesterday = LocalDate.now(this.clock.withZone(this.practice.zone())).minusDays(1);
		PracticeGenerator.Plan plan = new PracticeGenerator.Plan(7, 0.005, yesterday);
		List<String> lines = new ArrayList<>();

		PracticeGenerator.Result result = generator.generate(plan, lines::add);

		assertThat(result.skipped()).isFalse();
		assertThat(lines).anyMatch((line) -> line.contains("100%")).anyMatch((line) -> line.startsWith("Done"));
		assertThat(result.rows().get("account")).isEqualTo(1 + 1 + 5 + 3);
		// Two years of daily check-ins for at least one client.
		assertThat(result.rows().get("check_in")).isGreaterThan(600);
		assertThat(result.rows().get("commitment_occurrence")).isGreaterThan(600);
		assertThat(result.rows().get("trust_pulse")).isGreaterThan(100);
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM check_in c JOIN account a ON a.id = c.owner_id WHERE a.email = :e")
					.param("e", "client0001.s7" + PracticeGenerator.DOMAIN)
					.query(Long.class)
					.single())
			.isGreaterThan(600L);

		// The same seed again writes nothing.
		assertThat(generator.generate(plan, lines::add).skipped()).isTrue();

		String client = plan.email("client", 1);
		String partner = plan.email("partner", 1);
		String therapist = plan.email("therapist", 1);
		for (String email : List.of(client, partner)) {
			assertThat(signIn(email)).as(email).hasStatus(302).hasRedirectedUrl("/");
		}
		// Staff sign in with a second step: the generated authenticator secret gives
		// codes
		// that work.
		for (String email : List.of(therapist, plan.adminEmail())) {
			MvcTestResult password = signIn(email);
			assertThat(password).as(email).hasStatus(302).hasRedirectedUrl("/login/code");
			String code = app.steadfast.TestPeople.totpCode(PracticeGenerator.STAFF_TOTP_SECRET,
					java.time.Instant.now().getEpochSecond() / 30);
			assertThat(this.mvc.post()
				.uri("/login/code")
				.cookie(app.steadfast.TestPeople.sessionOf(password))
				.with(csrf())
				.param("code", code)).as(email).hasStatus(302).hasRedirectedUrl("/");
		}

		UUID clientId = this.jdbc.sql("SELECT id FROM account WHERE email = :e")
			.param("e", client)
			.query(UUID.class)
			.single();
		RequestPostProcessor him = as(client);
		RequestPostProcessor her = as(partner);
		RequestPostProcessor doctor = as(therapist);
		open(him, "/", null);
		open(him, "/checkins", null);
		open(him, "/checkins/calendar", null);
		open(him, "/checkins/journal", null);
		open(him, "/commitments", "Phone face up on the table at dinner");
		open(him, "/insights", null);
		open(him, "/conversations", null);
		open(him, "/repair", null);
		open(him, "/repair/questions", null);
		open(him, "/couple", null);
		open(him, "/couple/pulse", null);
		open(her, "/", null);
		open(her, "/couple", null);
		open(her, "/couple/pulse", null);
		open(her, "/repair/questions", null);
		open(doctor, "/care", null);
		open(doctor, "/care/clients/" + clientId, null);
		open(doctor, "/care/clients/" + clientId + "/checkins", null);
		open(doctor, "/care/clients/" + clientId + "/commitments", "Phone face up on the table at dinner");
		open(doctor, "/care/clients/" + clientId + "/insights", null);
		open(doctor, "/consultations", null);
		open(null, "/articles/practice-notes-1-s7", "Why this matters");
	}

	private MvcTestResult signIn(String email) {
		return this.mvc.post().uri("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr("192.0.2.77");
			return request;
		}).param("email", email).param("password", PracticeGenerator.PASSWORD).exchange();
	}

	private RequestPostProcessor as(String email) {
		return app.steadfast.TestPeople.withEveryFactor(this.details.loadUserByUsername(email),
				java.time.Instant.now());
	}

	private void open(RequestPostProcessor person, String path, String shows) {
		var request = this.mvc.get().uri(path);
		MvcTestResult result = (person != null) ? request.with(person).exchange() : request.exchange();
		assertThat(result).as(path).hasStatus(200);
		if (shows != null) {
			assertThat(result).as(path).bodyText().contains(shows);
		}
	}

}
