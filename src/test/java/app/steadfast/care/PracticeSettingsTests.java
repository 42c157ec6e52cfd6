package app.steadfast.care;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.PracticeSettings;
import app.steadfast.shared.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The admin changes the practice's name, email sender, crisis lines and quick exit; every
 * page and email follows at once; bad input is answered next to its field with what was
 * typed kept; nobody but an admin reaches the page.
 */
@SteadfastTest
class PracticeSettingsTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PracticeSettings settings;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person admin;

	@BeforeEach
	void admin() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.admin = this.people.withRole(Role.ADMIN);
	}

	@AfterEach
	void configuredAgain() {
		for (String setting : new String[] { PracticeSettings.NAME, PracticeSettings.MAIL_FROM,
				PracticeSettings.QUICK_EXIT, PracticeSettings.CRISIS_LINES, PracticeSettings.LOCALE }) {
			this.settings.put(setting, "");
		}
	}

	@Test
	void everyPageAndEmailFollowsTheSettingsAtOnce() throws Exception {
		assertThat(save("Harbour Counselling", "Harbour Counselling <care@harbour.example>",
				"https://www.example.org/weather",
				"Emergency services | Call 112 | tel:112 | If someone is in danger now.\n"
						+ "Samaritans | Call 116 123 | tel:116123 | Any time, about anything."))
			.hasRedirectedUrl("/admin/settings");
		assertThat(this.mvc.get().uri("/articles")).bodyText().contains("Harbour Counselling");
		assertThat(this.mvc.get().uri("/crisis")).bodyText()
			.contains("Samaritans", "tel:116123", "tel:112")
			.doesNotContain("tel:988");
		assertThat(this.mvc.get().uri("/couple/safety").with(this.people.signedIn(this.people.withRole(Role.PARTNER))))
			.bodyText()
			.contains("https://www.example.org/weather");

		this.accounts.requestReset(this.people.client().email(), null);
		assertThat(smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1].getFrom()[0].toString())
			.isEqualTo("Harbour Counselling <care@harbour.example>");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'PRACTICE_SETTINGS_CHANGED'")
			.query(Integer.class)
			.single()).isPositive();

		// Empty fields go back to the configured values.
		assertThat(save("", "", "", "")).hasRedirectedUrl("/admin/settings");
		assertThat(this.mvc.get().uri("/crisis")).bodyText().contains("tel:988");
	}

	@Test
	void badInputIsAnsweredNextToItsFieldAndKept() {
		assertThat(save("X", "not an address", "javascript:alert(1)", "Only one line | Call | tel:12 | now"))
			.hasStatusOk()
			.bodyText()
			.contains("2 to 80 characters", "Give an address like", "Give an https:// address",
					"Give the emergency number first", "value=\"not an address\"", "Only one line | Call");
		assertThat(save("Fine Name", "", "", "A | B | javascript:alert(1) | C\nD | E | tel:1 | F")).hasStatusOk()
			.bodyText()
			.contains("the link must be tel: or sms: with digits, or an https:// address");
		assertThat(this.settings.get(PracticeSettings.NAME)).isEmpty();
	}

	@Test
	void onlyAnAdminReachesTheSettings() {
		assertThat(this.mvc.get().uri("/admin/settings")).hasStatus3xxRedirection();
		for (Role role : new Role[] { Role.CLIENT, Role.PARTNER, Role.THERAPIST }) {
			assertThat(this.mvc.get().uri("/admin/settings").with(this.people.signedIn(this.people.withRole(role))))
				.hasStatus(403);
		}
		assertThat(this.mvc.get().uri("/admin/settings").with(this.people.signedIn(this.admin))).hasStatusOk()
			.bodyText()
			.contains("Crisis and safety lines", "tel:988");
	}

	@Test
	void theLocaleNamesThePagesLanguageAndChoosesTheBuiltInCrisisLines() throws Exception {
		String usLines = lines();
		assertThat(this.mvc.get().uri("/crisis")).bodyText().contains("<html lang=\"en-US\"");

		// The lines came with the form unchanged: they follow the new locale.
		assertThat(save("en-GB", "", "", "", usLines)).hasRedirectedUrl("/admin/settings");
		assertThat(this.mvc.get().uri("/crisis")).bodyText()
			.contains("<html lang=\"en-GB\"", "Samaritans", "href=\"tel:116123\"", "href=\"tel:999\"")
			.doesNotContain("tel:988");
		assertThat(this.settings.get(PracticeSettings.CRISIS_LINES)).isEmpty();

		// Steadfast knows no lines for Ireland: the admin must write them.
		String gbLines = lines();
		assertThat(save("en-IE", "", "", "", gbLines)).hasStatusOk()
			.bodyText()
			.contains("no crisis lines of its own for English (Ireland)", "<option value=\"en-IE\" selected");
		assertThat(this.settings.current().locale()).isEqualTo("en-GB");
		assertThat(save("en-IE", "", "", "",
				"Emergency services | Call 112 | tel:112 | If someone is in danger now.\n"
						+ "Samaritans Ireland | Call 116 123 | tel:116123 | Any time, about anything."))
			.hasRedirectedUrl("/admin/settings");
		assertThat(this.mvc.get().uri("/crisis")).bodyText()
			.contains("<html lang=\"en-IE\"", "Samaritans Ireland", "tel:112");

		assertThat(save("xx-YY", "", "", "", "")).hasStatusOk().bodyText().contains("Choose one of the listed locales");
		assertThat(this.settings.current().locale()).isEqualTo("en-IE");
	}

	private String lines() throws Exception {
		String page = this.mvc.get()
			.uri("/admin/settings")
			.with(this.people.signedIn(this.admin))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String text = page.substring(page.indexOf('>', page.indexOf("<textarea id=\"crisisLines\"")) + 1,
				page.indexOf("</textarea>"));
		return org.springframework.web.util.HtmlUtils.htmlUnescape(text);
	}

	private MvcTestResult save(String name, String mailFrom, String quickExit, String crisisLines) {
		return save("en-US", name, mailFrom, quickExit, crisisLines);
	}

	private MvcTestResult save(String locale, String name, String mailFrom, String quickExit, String crisisLines) {
		return this.mvc.post()
			.uri("/admin/settings")
			.with(this.people.signedIn(this.admin))
			.with(csrf())
			.param("locale", locale)
			.param("name", name)
			.param("mailFrom", mailFrom)
			.param("quickExit", quickExit)
			.param("crisisLines", crisisLines)
			.exchange();
	}

}
