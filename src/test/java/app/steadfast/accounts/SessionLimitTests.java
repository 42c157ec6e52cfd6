package app.steadfast.accounts;

import java.time.Duration;
import java.time.Instant;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.Role;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Sessions live in the database (so these hold on every node): 30 minutes without a
 * request ends one, 12 hours ends one however busy, and signing out, changing the
 * password or an admin deactivating a staff account end them.
 */
@SteadfastTest
class SessionLimitTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void aSessionEndsAfterThirtyIdleMinutes() {
		Person client = this.people.client();
		Cookie session = TestPeople.signInThroughForms(this.mvc, client.email());
		assertThat(this.jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = :email")
			.param("email", client.email())
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);
		assertThat(this.mvc.get().uri("/checkins").cookie(session)).hasStatusOk();
		// As if his last request was 31 minutes ago.
		this.jdbc.sql(
				"UPDATE spring_session SET last_access_time = :at, expiry_time = :expiry WHERE principal_name = :email")
			.param("at", Instant.now().minus(Duration.ofMinutes(31)).toEpochMilli())
			.param("expiry", Instant.now().minus(Duration.ofMinutes(1)).toEpochMilli())
			.param("email", client.email())
			.update();
		assertThat(this.mvc.get().uri("/checkins").cookie(session)).hasStatus(302);
	}

	@Test
	void aSessionEndsTwelveHoursAfterItBeganHoweverBusy() {
		Person client = this.people.client();
		Cookie session = TestPeople.signInThroughForms(this.mvc, client.email());
		this.jdbc.sql("UPDATE spring_session SET creation_time = :at WHERE principal_name = :email")
			.param("at", Instant.now().minus(Duration.ofHours(11)).toEpochMilli())
			.param("email", client.email())
			.update();
		assertThat(this.mvc.get().uri("/checkins").cookie(session)).hasStatusOk();
		this.jdbc.sql("UPDATE spring_session SET creation_time = :at WHERE principal_name = :email")
			.param("at", Instant.now().minus(Duration.ofHours(12).plusMinutes(1)).toEpochMilli())
			.param("email", client.email())
			.update();
		MvcTestResult expired = this.mvc.get().uri("/checkins").cookie(session).exchange();
		assertThat(expired).hasRedirectedUrl("/login?expired");
		assertThat(sessionsOf(client)).isZero();
		assertThat(this.mvc.get().uri("/login?expired")).bodyText()
			.contains("signed you out to keep your account safe");
	}

	@Test
	void signingOutEndsTheSessionInTheDatabase() {
		Person client = this.people.client();
		Cookie session = TestPeople.signInThroughForms(this.mvc, client.email());
		assertThat(sessionsOf(client)).isEqualTo(1);
		assertThat(this.mvc.post().uri("/logout").cookie(session).with(csrf())).hasRedirectedUrl("/login?signedout");
		assertThat(sessionsOf(client)).isZero();
		assertThat(this.mvc.get().uri("/checkins").cookie(session)).hasStatus(302);
	}

	@Test
	void changingThePasswordEndsEveryOtherSessionAndKeepsThisOne() {
		Person client = this.people.client();
		Cookie here = TestPeople.signInThroughForms(this.mvc, client.email());
		Cookie elsewhere = TestPeople.signInThroughForms(this.mvc, client.email());
		assertThat(sessionsOf(client)).isEqualTo(2);
		assertThat(this.mvc.post()
			.uri("/accounts/password")
			.cookie(here)
			.with(csrf())
			.param("currentPassword", TestPeople.PASSWORD)
			.param("newPassword", "a-much-newer-password-2")).hasRedirectedUrl("/accounts/password");
		assertThat(sessionsOf(client)).isEqualTo(1);
		assertThat(this.mvc.get().uri("/checkins").cookie(elsewhere)).hasStatus(302);
		assertThat(this.mvc.get().uri("/checkins").cookie(here)).hasStatusOk();
	}

	@Test
	void deactivatingAStaffAccountEndsItsSessions() {
		Person admin = this.people.withRole(Role.ADMIN);
		Person therapist = this.people.withRole(Role.THERAPIST);
		Cookie session = TestPeople.signInThroughForms(this.mvc, therapist.email());
		assertThat(this.mvc.get().uri("/care").cookie(session)).hasStatusOk();
		this.accounts.deactivate(admin.id(), therapist.id());
		assertThat(sessionsOf(therapist)).isZero();
		assertThat(this.mvc.get().uri("/care").cookie(session)).hasStatus(302);
	}

	private long sessionsOf(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :email")
			.param("email", person.email())
			.query(Long.class)
			.single();
	}

}
