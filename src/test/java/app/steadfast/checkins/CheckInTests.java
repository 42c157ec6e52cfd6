package app.steadfast.checkins;

import java.util.List;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.safety.RiskLanguageDetected;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Recording, changing and deleting check-ins through the pages, and who may see them.
 */
@SteadfastTest
@RecordApplicationEvents
class CheckInTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	CheckInHistory history;

	@Autowired
	EmotionVocabulary vocabulary;

	@Autowired
	SharingManagement sharing;

	@Autowired
	ApplicationEvents events;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	app.steadfast.shared.Practice practice;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
	}

	@Test
	void theVocabularyPutsTheVulnerableFamiliesFirst() {
		assertThat(this.vocabulary.size()).isBetween(95, 110);
		assertThat(this.vocabulary.families()).extracting(EmotionFamily::name)
			.startsWith("shame", "guilt", "fear", "hurt", "sadness", "loneliness");
		assertThat(this.vocabulary.families().get(0).pleasant()).isFalse();
		assertThat(this.vocabulary.word("shame")).get().extracting(Emotion::family).isEqualTo("shame");
	}

	@Test
	void aCheckInTakesTwoShortStepsAndItsTextIsEncryptedAtRest() {
		MvcTestResult none = step("words", List.of(), null, null, null, null);
		assertThat(none).hasStatusOk();
		assertThat(none).bodyText().contains("id=\"words-error\"", "Pick the word that comes closest.");

		MvcTestResult second = step("words", List.of("shame", "fear"), null, null, null, null);
		assertThat(second).bodyText().contains("Which is strongest?", "value=\"shame\"", "How strong");

		MvcTestResult missing = step("details", List.of("shame", "fear"), "fear", null, "CHEST",
				"The question about last March");
		assertThat(missing).hasStatusOk();
		assertThat(missing).bodyText().contains("id=\"intensity-error\"", "The question about last March");

		MvcTestResult saved = step("details", List.of("shame", "fear"), "fear", "7", "CHEST",
				"The question about last March");
		assertThat(saved).hasRedirectedUrl("/checkins");

		CheckInView view = this.checkIns.history(id(this.client), id(this.client)).get(0);
		assertThat(view.words()).containsExactly("fear", "shame");
		assertThat(view.intensity()).isEqualTo(7);
		assertThat(view.trigger()).isEqualTo("The question about last March");
		String raw = this.jdbc.sql("SELECT trigger_text FROM check_in WHERE id = :id")
			.param("id", view.id().value())
			.query(String.class)
			.single();
		assertThat(raw).doesNotContain("March").isNotBlank();

		assertThat(this.mvc.get().uri("/checkins").with(this.people.signedIn(this.client))).bodyText()
			.contains("fear", "7/10", "The question about last March");
	}

	@Test
	void heChangesAndDeletesHisOwnCheckInsAndDeleteIsReal() {
		CheckInId id = recordFor(this.client, "guilt");
		MvcTestResult edited = this.mvc.post()
			.uri("/checkins/{id}/edit", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("words", "guilt")
			.param("primary", "guilt")
			.param("intensity", "3")
			.param("body", "STOMACH")
			.param("trigger", "Forgot to text")
			.exchange();
		assertThat(edited).hasRedirectedUrl("/checkins");
		assertThat(this.history.find(id(this.client), id).intensity()).isEqualTo(3);

		assertThat(this.mvc.post()
			.uri("/checkins/{id}/delete", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())).hasRedirectedUrl("/checkins");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM check_in WHERE id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM check_in_word WHERE check_in = :id")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void nobodyElseReachesHisCheckInsWithoutAGrant() {
		CheckInId id = recordFor(this.client, "hurt");
		Person other = this.people.client();
		Person partner = this.people.withRole(Role.PARTNER);
		Person therapist = this.people.withRole(Role.THERAPIST);

		assertThat(this.mvc.get().uri("/checkins/{id}/edit", id.value()).with(this.people.signedIn(other)))
			.hasStatus(404);
		assertThat(
				this.mvc.post().uri("/checkins/{id}/delete", id.value()).with(this.people.signedIn(other)).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/checkins/{id}/edit", UUID.randomUUID()).with(this.people.signedIn(other)))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/checkins").with(this.people.signedIn(therapist))).hasStatus(403);
		assertThat(this.history.find(id(this.client), id)).isNotNull();

		for (Person viewer : List.of(other, partner, therapist)) {
			assertThatThrownBy(() -> this.history.find(id(viewer), id)).isInstanceOf(NotFound.class);
			assertThatThrownBy(() -> this.checkIns.history(id(viewer), id(this.client))).isInstanceOf(NotFound.class);
		}
		this.sharing.grant(id(this.client), id(partner), Category.CHECKINS, GrantKind.PARTNER, null);
		assertThat(this.history.find(id(partner), id).primary()).isEqualTo("hurt");
		// A partner who may read still may not change or delete.
		assertThat(this.mvc.post()
			.uri("/checkins/{id}/delete", id.value())
			.with(this.people.signedIn(partner))
			.with(csrf())).hasStatus(404);
	}

	@Test
	void theQuickFlowSavesAnInTheMomentCheckInAndLeadsBack() {
		MvcTestResult incomplete = this.mvc.post()
			.uri("/checkins/quick")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("body", "THROAT")
			.param("back", "/accounts/password")
			.exchange();
		assertThat(incomplete).bodyText().contains("Pick the word that comes closest.", "value=\"THROAT\" checked");

		MvcTestResult saved = this.mvc.post()
			.uri("/checkins/quick")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("body", "THROAT")
			.param("word", "fear")
			.param("back", "/accounts/password")
			.exchange();
		assertThat(saved).hasStatusOk();
		assertThat(saved).bodyText()
			.contains("One slow breath", "You named it: fear.", "href=\"/accounts/password\"", "honestly, and slowly");
		CheckInView view = this.checkIns.history(id(this.client), id(this.client)).get(0);
		assertThat(view.inTheMoment()).isTrue();
		assertThat(view.body()).isEqualTo(BodyLocation.THROAT);
		assertThat(view.intensity()).isNull();

		assertThat(QuickCheckInController.safeBack("//evil.example/x")).isEqualTo("/");
		assertThat(QuickCheckInController.safeBack("https://evil.example")).isEqualTo("/");
		assertThat(QuickCheckInController.safeBack("/checkins")).isEqualTo("/checkins");
	}

	@Test
	void riskLanguageShowsCrisisResourcesAtOnceAndNeverBlocksSaving() {
		MvcTestResult saved = step("details", List.of("shame"), "shame", "9", "CHEST",
				"Honestly I don't want to be here anymore");
		assertThat(saved).hasRedirectedUrl("/checkins");
		assertThat(this.checkIns.history(id(this.client), id(this.client))).hasSize(1);
		assertThat(this.events.stream(RiskLanguageDetected.class)).singleElement()
			.satisfies((event) -> assertThat(event.owner()).isEqualTo(this.client.id().value()));
		assertThat(this.mvc.get()
			.uri("/checkins")
			.with(this.people.signedIn(this.client))
			.cookie(app.steadfast.TestPeople.sessionOf(saved))).bodyText()
			.contains("You don't have to carry this alone right now", "href=\"tel:988\"");
		assertThat(this.mvc.get().uri("/checkins").with(this.people.signedIn(this.client))).bodyText()
			.as("an ordinary visit shows no crisis panel")
			.doesNotContain("crisis-panel");

		MvcTestResult ordinary = step("details", List.of("anger"), "anger", "5", "JAW", "This job is killing me");
		assertThat(ordinary).hasRedirectedUrl("/checkins");
		assertThat(ordinary.getMvcResult().getFlashMap().get("crisis")).isEqualTo(false);
		assertThat(saved.getMvcResult().getFlashMap().get("crisis")).isEqualTo(true);
	}

	@Test
	void aCheckInCanBeForEarlierButNotForTheFuture() {
		MvcTestResult future = this.mvc.post()
			.uri("/checkins/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("step", "details")
			.param("words", "hope")
			.param("intensity", "4")
			.param("body", "CHEST")
			.param("when", "2999-01-01T10:00")
			.exchange();
		assertThat(future).hasStatusOk();
		assertThat(future).bodyText().contains("id=\"when-error\"", "can&#39;t be in the future", "2999-01-01T10:00");
		assertThat(this.mvc.post()
			.uri("/checkins/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("step", "details")
			.param("words", "hope")
			.param("intensity", "4")
			.param("body", "CHEST")
			.param("when", "2026-11-01T07:15")).hasRedirectedUrl("/checkins");
		assertThat(this.checkIns.history(id(this.client), id(this.client)).get(0).occurredAt())
			.isEqualTo(java.time.Instant.parse("2026-11-01T07:15:00Z"));
	}

	@Test
	void everySignedInPageOffersTheQuickFlow() {
		assertThat(this.mvc.get().uri("/accounts/password").with(this.people.signedIn(this.client))).bodyText()
			.contains("href=\"/checkins/quick?back=/accounts/password\"");
	}

	private MvcTestResult step(String step, List<String> words, String primary, String intensity, String body,
			String trigger) {
		var request = this.mvc.post()
			.uri("/checkins/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("step", step);
		for (String word : words) {
			request = request.param("words", word);
		}
		if (primary != null) {
			request = request.param("primary", primary);
		}
		if (intensity != null) {
			request = request.param("intensity", intensity);
		}
		if (body != null) {
			request = request.param("body", body);
		}
		if (trigger != null) {
			request = request.param("trigger", trigger);
		}
		return request.exchange();
	}

	private CheckInId recordFor(Person person, String word) {
		return this.checkIns
			.record(id(person),
					new CheckInDetails(List.of(word), 5, BodyLocation.CHEST, "A note", Response.BREATHED, null,
							java.time.Instant.now().minusSeconds(5)),
					false)
			.id();
	}

	private static AccountId id(Person person) {
		return person.id();
	}

	@Test
	void theWeekOfManyOwnersIsCountedAtOnceFromEachCheckInsFirstWord() {
		Person other = this.people.client();
		Person quiet = this.people.client();
		java.time.ZoneId zone = this.practice.zone();
		java.time.LocalDate monday = java.time.LocalDate.now(zone)
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
			.minusWeeks(1);
		java.time.Instant start = monday.atStartOfDay(zone).toInstant();
		java.time.Instant end = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
		checkIn(this.client, List.of("furious", "hurt"), 9, start, false);
		checkIn(this.client, List.of("ashamed"), 8, start.plusSeconds(3600), false);
		checkIn(this.client, List.of("hurt", "anger"), 9, start.plusSeconds(7200), false);
		checkIn(this.client, List.of("calm"), null, end.minusSeconds(1), true);
		checkIn(this.client, List.of("anger"), 10, start.minusSeconds(1), false);
		checkIn(this.client, List.of("anger"), 10, end, false);
		checkIn(other, List.of("anger"), 10, start.plusSeconds(60), false);
		String calm = this.vocabulary.word("calm").orElseThrow().family();

		java.util.Map<AccountId, CheckInWeek> weeks = this.checkIns
			.weeksOf(List.of(this.client.id(), other.id(), quiet.id()), monday);

		assertThat(weeks).containsExactly(
				java.util.Map.entry(this.client.id(),
						new CheckInWeek(monday, 4, 26, 3, java.util.Map.of("anger", 1, "shame", 1, "hurt", 1, calm, 1),
								2)),
				java.util.Map.entry(other.id(), new CheckInWeek(monday, 1, 10, 1, java.util.Map.of("anger", 1), 1)),
				java.util.Map.entry(quiet.id(), new CheckInWeek(monday, 0, 0, 0, java.util.Map.of(), 0)));
		for (Person person : List.of(this.client, other, quiet)) {
			assertThat(this.checkIns.weekOf(person.id(), monday)).isEqualTo(weeks.get(person.id()));
		}
	}

	private void checkIn(Person person, List<String> words, Integer intensity, java.time.Instant when,
			boolean inTheMoment) {
		this.checkIns.record(person.id(),
				new CheckInDetails(words, intensity, BodyLocation.CHEST, null, null, null, when), inTheMoment);
	}

}
