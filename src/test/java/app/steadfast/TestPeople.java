package app.steadfast;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates real accounts for tests, each with a unique email, and signs them in for
 * MockMvc.
 */
public final class TestPeople {

	/** The password every test account gets. */
	public static final String PASSWORD = "steady-oak-river-42";

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	private final UserDetailsService details;

	public TestPeople(AccountManagement accounts, JdbcClient jdbc, UserDetailsService details) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.details = details;
	}

	/** A new client account. */
	public Person client() {
		return this.accounts.signUp(uniqueEmail("client"), "Test client", PASSWORD, null);
	}

	/**
	 * A new account with the given role (set directly in the database: a fixture, not a
	 * flow).
	 */
	public Person withRole(Role role) {
		Person person = client();
		this.jdbc.sql("UPDATE account SET role = :role WHERE id = :id")
			.param("role", role.name())
			.param("id", person.id().value())
			.update();
		return this.accounts.find(person.id()).orElseThrow();
	}

	/**
	 * Signs the person in for one MockMvc request, as Spring Security would after
	 * sign-in.
	 */
	public RequestPostProcessor signedIn(Person person) {
		UserDetails user = this.details.loadUserByUsername(person.email());
		return SecurityMockMvcRequestPostProcessors.user(user);
	}

	/**
	 * The session cookie a response set: sessions live in the database, not in MockMvc.
	 */
	public static Cookie sessionOf(MvcTestResult result) {
		String header = result.getResponse().getHeader("Set-Cookie");
		assertThat(header).as("a session cookie").startsWith("STEADFAST_SESSION=");
		String value = header.substring("STEADFAST_SESSION=".length(), header.indexOf(';'));
		return new Cookie("STEADFAST_SESSION", value);
	}

	public static String uniqueEmail(String prefix) {
		return prefix + "-" + UUID.randomUUID() + "@example.org";
	}

}
