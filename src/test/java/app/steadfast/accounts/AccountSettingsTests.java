package app.steadfast.accounts;

import java.time.ZoneId;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
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
 * "Your account": he sees his time zone, changes it from the list, and is told plainly
 * when what he sent is not on it.
 */
@SteadfastTest
class AccountSettingsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person him;

	@BeforeEach
	void signedUp() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.him = this.people.client();
	}

	@Test
	void thePageShowsHisZoneAndLeadsToHisPasswordAndSignInPages() {
		assertThat(this.mvc.get().uri("/accounts/settings").with(this.people.signedIn(this.him))).hasStatusOk()
			.bodyText()
			.contains("Your account", "<option value=\"UTC\" selected=\"selected\">UTC</option>",
					"<option value=\"Australia/Sydney\">Australia/Sydney</option>", "href=\"/accounts/password\"",
					"href=\"/accounts/security\"");
		assertThat(this.mvc.get().uri("/").with(this.people.signedIn(this.him))).bodyText()
			.contains("href=\"/accounts/settings\">Your account</a>")
			.doesNotContain(">Password</a>");
	}

	@Test
	void heChangesHisZoneAndThePageSaysSo() {
		MvcTestResult saved = this.mvc.post()
			.uri("/accounts/settings")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("zone", "America/Los_Angeles")
			.exchange();
		assertThat(saved).hasRedirectedUrl("/accounts/settings");
		assertThat(saved).flash().containsEntry("saved", true);
		assertThat(this.accounts.zone(this.him.id())).isEqualTo(ZoneId.of("America/Los_Angeles"));
		assertThat(this.mvc.get().uri("/accounts/settings").with(this.people.signedIn(this.him))).bodyText()
			.contains("<option value=\"America/Los_Angeles\" selected=\"selected\">America/Los Angeles</option>");
	}

	@Test
	void aZoneNotOnTheListIsRefusedNextToTheFieldAndNothingChanges() {
		for (String zone : new String[] { "Mars/Olympus_Mons", "", "+05:00", "SystemV/PST8", null }) {
			var post = this.mvc.post().uri("/accounts/settings").with(this.people.signedIn(this.him)).with(csrf());
			MvcTestResult refused = ((zone != null) ? post.param("zone", zone) : post).exchange();
			assertThat(refused).as(zone).hasStatusOk();
			assertThat(refused).bodyText()
				.contains("id=\"zone-error\"", "Choose your time zone from the list.", "aria-invalid=\"true\"");
		}
		assertThat(this.accounts.zone(this.him.id())).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void withoutItsCsrfTokenNothingChanges() {
		MvcTestResult kept = this.mvc.post()
			.uri("/accounts/settings")
			.with(this.people.signedIn(this.him))
			.param("zone", "Europe/Berlin")
			.exchange();
		assertThat(kept).as("no CSRF token").hasStatus(403);
		assertThat(this.accounts.zone(this.him.id())).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void aStrangerCannotSeeOrChangeIt() {
		assertThat(this.mvc.get().uri("/accounts/settings")).hasStatus(302).redirectedUrl().endsWith("/login");
		assertThat(this.mvc.post().uri("/accounts/settings").with(csrf()).param("zone", "Europe/Berlin")).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(this.mvc.post().uri("/accounts/settings").param("zone", "Europe/Berlin")).hasStatus(403);
	}

}
