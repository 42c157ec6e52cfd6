package app.steadfast.safety;

import java.util.List;
import java.util.Map;

import app.steadfast.SteadfastTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisResourcesTests {

	static final app.steadfast.shared.PracticeSettings CONFIGURED = app.steadfast.shared.PracticeSettings
		.configuredOnly(new app.steadfast.shared.Practice("Test practice", "http://localhost", java.time.ZoneOffset.UTC,
				"en-US"));

	@Test
	void theDefaultIsTheUnitedStates() {
		CrisisResources resources = new CrisisResources(
				new CrisisResources.SafetySettings(null, "https://www.weather.gov/"), CONFIGURED);
		assertThat(resources.current().emergency().contact()).isEqualTo("Call 911");
		assertThat(resources.current().primary().contact()).isEqualTo("Call or text 988");
		assertThat(resources.current().lines()).extracting(CrisisLine::name)
			.contains("National Domestic Violence Hotline");
	}

	@Test
	void aPracticeConfiguresItsOwnLocale() {
		CrisisLine emergency = new CrisisLine("Emergency services", "Call 999", "tel:999", "If someone is in danger.");
		CrisisLine samaritans = new CrisisLine("Samaritans", "Call 116 123", "tel:116123", "Any time, any reason.");
		CrisisResources resources = new CrisisResources(
				new CrisisResources.SafetySettings(Map.of("en-GB", List.of(emergency, samaritans)),
						"https://www.metoffice.gov.uk/"),
				app.steadfast.shared.PracticeSettings.configuredOnly(new app.steadfast.shared.Practice("Test practice",
						"http://localhost", java.time.ZoneOffset.UTC, "en-GB")));
		assertThat(resources.current().emergency()).isEqualTo(emergency);
		assertThat(resources.current().primary()).isEqualTo(samaritans);
	}

	@Test
	void theUnitedKingdomHasBuiltInLinesAndACountryWithoutThemHasNone() {
		CrisisResources resources = new CrisisResources(new CrisisResources.SafetySettings(null, "https://a.example/"),
				app.steadfast.shared.PracticeSettings.configuredOnly(new app.steadfast.shared.Practice("Test practice",
						"http://localhost", java.time.ZoneOffset.UTC, "en-GB")));
		assertThat(resources.current().emergency().href()).isEqualTo("tel:999");
		assertThat(resources.current().primary().name()).isEqualTo("Samaritans");
		assertThat(resources.forLocale("en-IE")).isEmpty();
		assertThat(resources.forLocale("en-US").orElseThrow().emergency().href()).isEqualTo("tel:911");
	}

	@Nested
	@SteadfastTest
	class Page {

		@Autowired
		MockMvcTester mvc;

		@Test
		void theCrisisPageIsOpenToEveryoneAndListsEveryLine() {
			assertThat(this.mvc.get().uri("/crisis")).hasStatusOk()
				.bodyText()
				.contains("Crisis and safety resources", "href=\"tel:911\"", "href=\"tel:988\"",
						"href=\"tel:+18007997233\"", "href=\"sms:741741\"");
		}

	}

}
