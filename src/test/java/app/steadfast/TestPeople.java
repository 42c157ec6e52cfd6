package app.steadfast;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignInFactors;
import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
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

	/**
	 * The authenticator-app secret (base32) every staff fixture gets, so tests can type
	 * its codes.
	 */
	public static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final Map<String, Long> usedSteps = new ConcurrentHashMap<>();

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
		if (role == Role.THERAPIST || role == Role.ADMIN) {
			// Staff sign in with two factors; theirs is an app with a known secret.
			this.accounts.prepareAuthenticator(person.id(), TOTP_SECRET);
		}
		return this.accounts.find(person.id()).orElseThrow();
	}

	/**
	 * Signs the person in for one MockMvc request, as Spring Security would after a
	 * complete sign-in just now: the password, and for staff the authenticator code.
	 */
	public RequestPostProcessor signedIn(Person person) {
		return signedInAt(person, Instant.now());
	}

	/**
	 * Signs the person in for one MockMvc request, as if the sign-in (every factor)
	 * happened at the given moment.
	 */
	public RequestPostProcessor signedInAt(Person person, Instant at) {
		return withEveryFactor(this.details.loadUserByUsername(person.email()), at);
	}

	/**
	 * Signs the account in for one MockMvc request with every factor it needs (the
	 * password, and the authenticator app where the account must prove a second one).
	 */
	public static RequestPostProcessor withEveryFactor(UserDetails user, Instant at) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities
			.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(at).build());
		if (authorities.stream().anyMatch((a) -> SignInFactors.SECOND_FACTOR_REQUIRED.equals(a.getAuthority()))) {
			authorities.add(FactorGrantedAuthority.withAuthority(SignInFactors.TOTP).issuedAt(at).build());
		}
		return SecurityMockMvcRequestPostProcessors
			.authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}

	/**
	 * A code from the fixture's authenticator app that the account has not used yet (each
	 * code works once): waits for the next 30-second step when the ones around now are
	 * used up.
	 */
	public static String nextCode(String email) {
		long[] chosen = new long[1];
		Awaitility.await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(250)).until(() -> {
			long current = Math.floorDiv(Instant.now().getEpochSecond(), 30);
			// Never the step before now: under load the form may take long enough to post
			// that
			// it has left the server's window (one step either side) by the time it
			// arrives.
			long step = Math.max(usedSteps.getOrDefault(email, Long.MIN_VALUE) + 1, current);
			chosen[0] = step;
			return step <= current + 1;
		});
		usedSteps.put(email, chosen[0]);
		return totpCode(chosen[0]);
	}

	/**
	 * Signs in through the real forms (password, then for staff the authenticator code)
	 * and returns the session cookie.
	 */
	public static Cookie signInThroughForms(org.springframework.test.web.servlet.assertj.MockMvcTester mvc,
			String email) {
		MvcTestResult password = mvc.post()
			.uri("/login")
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("email", email)
			.param("password", PASSWORD)
			.exchange();
		Cookie session = sessionOf(password);
		if (!"/login/code".equals(password.getResponse().getRedirectedUrl())) {
			return session;
		}
		MvcTestResult code = mvc.post()
			.uri("/login/code")
			.cookie(session)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("code", nextCode(email))
			.exchange();
		assertThat(code.getResponse().getRedirectedUrl()).as("after the code").isNotEqualTo("/login/code");
		return sessionOf(code);
	}

	/**
	 * Completes the set-up of an authenticator app that sign-in asks of a staff member
	 * who has none yet (reading the secret from the page, as a person would) and returns
	 * the signed-in session cookie.
	 */
	public static Cookie setUpAuthenticator(org.springframework.test.web.servlet.assertj.MockMvcTester mvc,
			Cookie halfSignedIn) throws java.io.UnsupportedEncodingException {
		String page = mvc.get().uri("/login/code").cookie(halfSignedIn).exchange().getResponse().getContentAsString();
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<").matcher(page);
		assertThat(secret.find()).as("the set-up page shows the secret").isTrue();
		MvcTestResult enrolled = mvc.post()
			.uri("/login/code/setup")
			.cookie(halfSignedIn)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.param("code", totpCode(secret.group(1), Instant.now().getEpochSecond() / 30))
			.exchange();
		assertThat(enrolled.getResponse().getStatus()).isEqualTo(200);
		return sessionOf(enrolled);
	}

	/** The fixture app's code for one 30-second step (RFC 6238, HMAC-SHA1, 6 digits). */
	public static String totpCode(long step) {
		return totpCode(TOTP_SECRET, step);
	}

	/** An app's code for one 30-second step, for a secret in base32. */
	public static String totpCode(String base32Secret, long step) {
		try {
			byte[] secret = base32(base32Secret.replace(" ", ""));
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[19] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
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
