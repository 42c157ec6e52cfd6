package app.steadfast.checkins;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The check-in form is bound and converted by Spring, its rules are the service's, and
 * its words come from {@code messages.properties}: text that is not a value is a message
 * beside its field, never an error page, and nothing he typed is lost.
 */
@SteadfastTest
class CheckInFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	MessageSource messages;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	java.time.Clock clock;

	TestPeople people;

	Person client;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
	}

	@Test
	void lettersForTheIntensityAndAnImpossibleDateAreMessagesBesideTheirFieldsAndTheRestIsKept() {
		MvcTestResult result = this.mvc.post()
			.uri("/checkins/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("step", "details")
			.param("words", "shame", "fear")
			.param("primary", "fear")
			.param("intensity", "seven")
			.param("body", "JAW")
			.param("trigger", "The question about last March")
			.param("response", "BREATHED")
			.param("responseNote", "Counted to ten")
			.param("when", "2026-02-30T10:00")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("<p class=\"field-error\" id=\"intensity-error\">Choose how strong it is, from 1 to 10.</p>")
			.contains("<p class=\"field-error\" id=\"when-error\">Use a date and time like 2026-11-27 18:30, "
					+ "or leave it for now.</p>")
			.contains("value=\"2026-02-30T10:00\"")
			.contains("value=\"JAW\" checked", "value=\"BREATHED\" checked", "value=\"fear\" checked")
			.contains(">The question about last March</textarea>", ">Counted to ten</textarea>")
			.doesNotContain("id=\"body-error\"", "id=\"words-error\"");
		assertThat(this.checkIns.history(this.client.id(), this.client.id())).isEmpty();
	}

	@Test
	void aChoiceThatIsNoOptionIsAMessageBesideItsField() {
		MvcTestResult result = this.mvc.post()
			.uri("/checkins/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("step", "details")
			.param("words", "hope")
			.param("intensity", "4")
			.param("body", "ELBOW")
			.param("response", "SHRUGGED")
			.param("responseNote", "x".repeat(CheckInDetails.MAX_TEXT + 1))
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"body-error\">Choose where you feel it, or “None I can tell”.</p>",
					"id=\"response-error\">Choose one of the options, or leave it empty.</p>",
					"id=\"responseNote-error\">Keep it under 1000 characters.</p>")
			.contains("value=\"4\" checked");
	}

	@Test
	void everyProblemIsShownAtOnceBesideItsField() {
		MvcTestResult result = this.mvc.post()
			.uri("/checkins/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("step", "details")
			.param("words", "hope")
			.param("intensity", "11")
			.param("trigger", "x".repeat(CheckInDetails.MAX_TEXT + 1))
			.param("when", "2999-01-01T10:00")
			.exchange();
		assertThat(result).hasStatusOk();
		assertThat(result).bodyText()
			.contains("id=\"intensity-error\">Choose how strong it is, from 1 to 10.</p>",
					"id=\"body-error\">Choose where you feel it, or “None I can tell”.</p>",
					"id=\"trigger-error\">Keep it under 1000 characters.</p>",
					"id=\"when-error\">A check-in can&#39;t be in the future.</p>");
	}

	@Test
	void theQuickFlowShowsEachProblemBesideItsFieldAndKeepsHisChoice() {
		MvcTestResult unreadable = quick("ELBOW", "fear");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"body-error\">Choose where you feel it, or “None I can tell”.</p>", "value=\"fear\" checked",
					"name=\"back\" value=\"/checkins\"")
			.doesNotContain("id=\"word-error\"");
		MvcTestResult nothing = quick("JAW", "");
		assertThat(nothing).bodyText()
			.contains("id=\"word-error\">Pick the word that comes closest.", "value=\"JAW\" checked")
			.doesNotContain("id=\"body-error\"");
		assertThat(quick("JAW", "not-a-feeling")).bodyText()
			.contains("id=\"word-error\">Pick words from the list.</p>");
		assertThat(this.checkIns.history(this.client.id(), this.client.id())).isEmpty();

		assertThat(quick("JAW", "fear")).bodyText().contains("You named it: fear.");
		assertThat(this.checkIns.history(this.client.id(), this.client.id())).singleElement()
			.satisfies((saved) -> assertThat(saved.body()).isEqualTo(BodyLocation.JAW));
	}

	@Test
	void aMonthThatCannotBeReadShowsThisMonth() {
		String thisMonth = java.time.YearMonth.now(this.clock)
			.atDay(1)
			.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
		for (String month : List.of("2026-13", "soon", "")) {
			assertThat(this.mvc.get().uri("/checkins/calendar?month=" + month).with(this.people.signedIn(this.client)))
				.as(month)
				.hasStatusOk()
				.bodyText()
				.contains("Check-in calendar: " + thisMonth);
		}
		assertThat(this.mvc.get().uri("/checkins/calendar?month=2026-01").with(this.people.signedIn(this.client)))
			.bodyText()
			.contains("Check-in calendar: January 2026", "month=2025-12", "month=2026-02");
	}

	private MvcTestResult quick(String body, String word) {
		return this.mvc.post()
			.uri("/checkins/quick")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("body", body)
			.param("word", word)
			.param("back", "/checkins")
			.exchange();
	}

	@Test
	void theServiceRefusesWithTheWordsOfTheMessagesFile() {
		assertThat(this.messages.getMessage("checkin.intensity.range", null, Locale.ENGLISH))
			.isEqualTo("Choose how strong it is, from 1 to 10.");
		assertThatExceptionOfType(InvalidCheckIn.class)
			.isThrownBy(() -> this.checkIns.record(this.client.id(),
					new CheckInDetails(List.of("hope", "fear", "shame", "guilt", "hurt", "lonely"), 0,
							BodyLocation.CHEST, null, null, null, Instant.now().minusSeconds(5)),
					false))
			.satisfies((refused) -> assertThat(refused.problems()).containsExactly(
					java.util.Map.entry("words", "Pick up to 5 words: the strongest ones."),
					java.util.Map.entry("intensity", "Choose how strong it is, from 1 to 10.")));
	}

}
