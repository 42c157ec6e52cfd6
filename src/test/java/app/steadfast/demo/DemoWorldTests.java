package app.steadfast.demo;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The demo profile starts a practice with a life in it: each demo person signs in with
 * the password the start printed and finds the others and three weeks of history on their
 * pages.
 */
@FreshDatabase
@SteadfastTest
@ActiveProfiles("demo")
@TestPropertySource(properties = DemoAccounts.PROPERTY + "world.txt")
class DemoWorldTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoWorld world;

	private final DemoAccounts accounts = DemoAccounts.of("world.txt");

	@Test
	void theTherapistFindsTheClientOnHisCaseloadAndARequestWaiting() throws Exception {
		Cookie therapist = signIn(DemoWorld.THERAPIST);
		assertThat(page("/care", therapist)).contains("Marcus");
		assertThat(page("/consultations", therapist)).contains("Daniel R.");
		String clientId = this.jdbc.sql("SELECT CAST(id AS VARCHAR) FROM account WHERE email = :e")
			.param("e", DemoWorld.CLIENT)
			.query(String.class)
			.single();
		// What he granted: his check-ins and his shared statement.
		assertThat(page("/care/clients/" + clientId, therapist)).contains("Marcus", "Check-ins");
	}

	@Test
	void theClientSeesHisPartnerAndHisWeeks() throws Exception {
		Cookie client = signIn(DemoWorld.CLIENT);
		assertThat(page("/couple", client)).contains("Jordan");
		assertThat(page("/insights", client)).contains("You checked in", "Promises kept", "you answered 1");
		assertThat(page("/checkins", client)).contains("ashamed", "anxious");
		assertThat(page("/commitments", client)).contains("Phone face up on the table at dinner",
				"Text when I leave work");
		assertThat(page("/repair/questions", client)).contains("Where did the money from the savings account go?");
		assertThat(page("/couple/pulse/weeks", client)).contains("The texts help more than I expected.");
	}

	@Test
	void thePartnerSeesHerAnsweredQuestion() throws Exception {
		Cookie partner = signIn(DemoWorld.PARTNER);
		String questions = page("/repair/questions", partner);
		assertThat(questions).contains("Where did the money from the savings account go?", "Answered");
		Matcher answered = Pattern.compile("href=\"(/repair/questions/[0-9a-f-]+)\">Where did the money")
			.matcher(questions);
		assertThat(answered.find()).isTrue();
		assertThat(page(answered.group(1), partner)).contains("paying off a loan I took out without telling you");
		assertThat(page("/couple", partner)).contains("Marcus");
	}

	@Test
	void theHistoryIsThreeWeeksLongAndWrittenOnce() {
		String client = "(SELECT id FROM account WHERE email = '" + DemoWorld.CLIENT + "')";
		List<Instant> checkIns = this.jdbc.sql("SELECT occurred_at FROM check_in WHERE owner_id = " + client)
			.query(Instant.class)
			.list();
		assertThat(checkIns).hasSizeGreaterThan(15);
		assertThat(checkIns.stream().min(Instant::compareTo).orElseThrow())
			.isBefore(Instant.now().minus(java.time.Duration.ofDays(20)));
		assertThat(count("SELECT COUNT(*) FROM commitment_occurrence")).isGreaterThan(20);
		assertThat(count("SELECT COUNT(*) FROM commitment_occurrence WHERE outcome = 'MISSED'")).isPositive();
		assertThat(count("SELECT COUNT(DISTINCT week_start) FROM trust_pulse")).isGreaterThanOrEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM statement_version")).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM conversation_log")).isEqualTo(2);

		long rows = everything();
		this.world.writeOnce();
		assertThat(everything()).isEqualTo(rows);
		assertThat(count("SELECT COUNT(*) FROM couple_link")).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM consultation")).isEqualTo(1);
	}

	private long everything() {
		return count("""
				SELECT (SELECT COUNT(*) FROM check_in) + (SELECT COUNT(*) FROM commitment)
				  + (SELECT COUNT(*) FROM commitment_occurrence) + (SELECT COUNT(*) FROM trust_pulse)
				  + (SELECT COUNT(*) FROM statement_version) + (SELECT COUNT(*) FROM partner_question)
				  + (SELECT COUNT(*) FROM conversation_log) + (SELECT COUNT(*) FROM share_grant)
				  + (SELECT COUNT(*) FROM couple_link) + (SELECT COUNT(*) FROM consultation)
				  + (SELECT COUNT(*) FROM therapist_assignment)
				""");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String page(String path, Cookie session) throws Exception {
		MvcTestResult result = this.mvc.get().uri(path).cookie(session).exchange();
		assertThat(result).as(path).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

	/**
	 * Signs in through the real forms with the password the demo start wrote down, and
	 * for staff the code of the authenticator secret it wrote beside it.
	 */
	private Cookie signIn(String email) throws Exception {
		MvcTestResult signedIn = this.mvc.post()
			.uri("/login")
			.with(csrf())
			.param("email", email)
			.param("password", this.accounts.password(email))
			.exchange();
		Cookie session = TestPeople.sessionOf(signedIn);
		if (!"/login/code".equals(signedIn.getResponse().getRedirectedUrl())) {
			return session;
		}
		MvcTestResult code = this.mvc.post()
			.uri("/login/code")
			.cookie(session)
			.with(csrf())
			.param("code", this.accounts.code(email))
			.exchange();
		assertThat(code.getResponse().getRedirectedUrl()).isNotEqualTo("/login/code");
		return TestPeople.sessionOf(code);
	}

}
