package app.steadfast.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import app.steadfast.FreshDatabase;
import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is out of reach" (a 503 page) and which are plain
 * errors that keep their usual handling; and, with the application's database switched
 * away, that the page carries the quick exit and the exit still leaves.
 */
@SteadfastTest
@FreshDatabase
@Import(DatabaseUnavailablePageTests.Away.class)
class DatabaseUnavailablePageTests {

	/** The exit on the page: a form that needs neither script nor the database. */
	static final Pattern EXIT_FORM = Pattern
		.compile("<form class=\"quick-exit-bar\" method=\"get\" action=\"/leave\" data-quick-exit=\"([^\"]+)\">\\s*"
				+ "<button type=\"submit\" class=\"button danger quick-exit\">Leave this site now</button>\\s*"
				+ "<span class=\"quick-exit-hint\">or press Esc</span>");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	PracticeSettings settings;

	@AfterEach
	void databaseBack() {
		Away.database(false);
	}

	@Test
	void connectionFailuresAnywhereInTheChainMeanTheDatabaseIsAway() {
		assertThat(DatabaseUnavailablePage.databaseUnavailable(
				new ServletException("Request processing failed", new CannotGetJdbcConnectionException("no"))))
			.isTrue();
		assertThat(DatabaseUnavailablePage
			.databaseUnavailable(new CannotCreateTransactionException("no", new SQLTransientConnectionException("x"))))
			.isTrue();
		assertThat(DatabaseUnavailablePage.databaseUnavailable(new DataAccessResourceFailureException("I/O"))).isTrue();
		assertThat(
				DatabaseUnavailablePage.databaseUnavailable(new IllegalStateException(new SQLException("x", "08006"))))
			.isTrue();
		TransactionSystemException rollback = new TransactionSystemException("rollback failed",
				new SQLException("Connection is closed"));
		assertThat(DatabaseUnavailablePage.databaseUnavailable(rollback)).isTrue();
	}

	@Test
	void otherFailuresAreNotMistakenForAnOutage() {
		assertThat(DatabaseUnavailablePage.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseUnavailablePage
			.databaseUnavailable(new DataIntegrityViolationException("duplicate", new SQLException("dup", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailablePage.databaseUnavailable(new TransactionSystemException("no sql cause")))
			.isFalse();
	}

	/**
	 * Signed in as a partner, the database goes away: the 503 page carries the quick exit
	 * in the layout's look (its style sheet and script still load, for her as for
	 * anyone), and the exit answers without the database: the plain page (200) moves on
	 * to the neutral site, the post goes on to it, and both tell the browser to forget
	 * the session it cannot end.
	 */
	@Test
	void whileTheDatabaseIsAwayItsPageCarriesTheQuickExitAndTheExitStillLeaves() throws Exception {
		Person partner = new TestPeople(this.accounts, this.jdbc, this.details).withRole(Role.PARTNER);
		Cookie session = TestPeople.signInThroughForms(this.mvc, partner.email());
		assertThat(this.mvc.get().uri("/couple").cookie(session)).hasStatusOk();

		Away.database(true);
		MvcTestResult page = get("/couple", session);
		assertThat(page).hasStatus(503);
		assertThat(page).bodyText()
			.contains("be back shortly", "/css/steadfast.css", "<script src=\"/js/steadfast.js\" defer></script>")
			.containsPattern(EXIT_FORM);
		assertThat(exitAddress(page)).isEqualTo("https://www.weather.gov/");
		for (Cookie cookie : new Cookie[] { session, null }) {
			for (String file : List.of("/css/steadfast.css", "/js/steadfast.js", "/images/favicon.svg")) {
				assertThat(get(file, cookie)).as(file).hasStatusOk();
			}
			assertThat(get("/js/steadfast.js", cookie)).bodyText()
				.contains("form[data-quick-exit]", "'Escape'", "window.location.replace");

			MvcTestResult plain = get("/leave", cookie);
			assertThat(plain).hasStatusOk();
			assertThat(plain).bodyText()
				.contains("http-equiv=\"refresh\" content=\"0; url=https://www.weather.gov/\"")
				.doesNotContain("Steadfast", "Madrega", "partner", "crisis");
			var leave = this.mvc.post().uri("/leave");
			MvcTestResult post = (cookie != null) ? leave.cookie(cookie).exchange() : leave.exchange();
			assertThat(post).hasStatus(303).hasRedirectedUrl("/leave");
			if (cookie != null) {
				// Her session cannot be ended without the database: her browser forgets
				// it.
				assertThat(plain.getResponse().getHeader("Set-Cookie")).contains("STEADFAST_SESSION=;", "Max-Age=0");
				assertThat(post.getResponse().getHeader("Set-Cookie")).contains("STEADFAST_SESSION=;", "Max-Age=0");
			}
		}

		Away.database(false);
		assertThat(this.mvc.get().uri("/leave")).hasStatusOk().bodyText().contains("url=https://www.weather.gov/");
	}

	/**
	 * The practice's own neutral site, as this node last read it, is where the exit leads
	 * while the database is away.
	 */
	@Test
	void whileTheDatabaseIsAwayTheExitLeadsWhereThePracticeLastSaid() throws Exception {
		Person client = new TestPeople(this.accounts, this.jdbc, this.details).client();
		Cookie session = TestPeople.signInThroughForms(this.mvc, client.email());
		this.settings.put(PracticeSettings.QUICK_EXIT, "https://example.org/news");
		try {
			assertThat(this.settings.get(PracticeSettings.QUICK_EXIT)).hasValue("https://example.org/news");
			Away.database(true);
			MvcTestResult page = get("/checkins", session);
			assertThat(page).hasStatus(503);
			assertThat(exitAddress(page)).isEqualTo("https://example.org/news");
			assertThat(this.mvc.get().uri("/leave")).hasStatusOk().bodyText().contains("url=https://example.org/news");
		}
		finally {
			Away.database(false);
			this.settings.put(PracticeSettings.QUICK_EXIT, null);
		}
	}

	private MvcTestResult get(String path, Cookie session) {
		var request = this.mvc.get().uri(path);
		return (session != null) ? request.cookie(session).exchange() : request.exchange();
	}

	private static String exitAddress(MvcTestResult page) throws Exception {
		var exit = EXIT_FORM.matcher(page.getResponse().getContentAsString());
		assertThat(exit.find()).as("the quick exit form").isTrue();
		return exit.group(1);
	}

	/**
	 * The application's database, switchable: while away, every new connection fails as a
	 * server out of reach would.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Away {

		private static final AtomicBoolean away = new AtomicBoolean();

		static void database(boolean gone) {
			away.set(gone);
		}

		@Bean
		static BeanPostProcessor switchableDatabase() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof DataSource dataSource && "dataSource".equals(name))
							? new Switchable(dataSource) : bean;
				}

			};
		}

		static final class Switchable extends DelegatingDataSource {

			Switchable(DataSource target) {
				super(target);
			}

			@Override
			public Connection getConnection() throws SQLException {
				refuseWhileAway();
				return super.getConnection();
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				refuseWhileAway();
				return super.getConnection(username, password);
			}

			private static void refuseWhileAway() throws SQLException {
				if (away.get()) {
					throw new SQLTransientConnectionException("The database is away (test)", "08001");
				}
			}

		}

	}

}
