package app.steadfast.couple;

import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The weekly pulse: each answers for themselves; he sees hers only for weeks she marked
 * shared while she shares her trust pulse, never while her safety pause is on; the gap is
 * worked out per item.
 */
@SteadfastTest
class PulseTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PulseManagement pulse;

	@Autowired
	CoupleManagement couple;

	@Autowired
	RequestsAndOffers requests;

	@Autowired
	PulseReminders reminders;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	Person partner;

	@BeforeEach
	void couple() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
		this.partner = this.people.withRole(Role.PARTNER);
		this.jdbc.sql(
				"INSERT INTO couple_link (id, client_id, partner_id, linked_at) VALUES (:id, :c, :p, CURRENT_TIMESTAMP)")
			.param("id", java.util.UUID.randomUUID())
			.param("c", this.client.id().value())
			.param("p", this.partner.id().value())
			.update();
	}

	@Test
	void thePulseWaitsForBothIntakes() {
		assertThatThrownBy(() -> this.pulse.answer(this.partner.id(), List.of(4, 4, 4, 4, 4), null, true))
			.isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/couple/pulse").with(this.people.signedIn(this.partner)))
			.hasRedirectedUrl("/couple");
	}

	@Test
	void heSeesHerScoresOnlyWhenSharedAndTheGapPerItem() {
		intakes("NO");
		MvcTestResult missing = answer(this.partner, List.of("3", "", "5", "4", "6"), "Better than last week", true);
		assertThat(missing).hasStatusOk();
		assertThat(missing).bodyText()
			.contains("Choose a number from 1 to 7 for each statement.", "Better than last week");

		assertThat(answer(this.partner, List.of("3", "4", "5", "4", "6"), "Better than last week", false))
			.hasRedirectedUrl("/couple/pulse/weeks");
		assertThat(answer(this.client, List.of("6", "4", "5", "2", "6"), "", false))
			.hasRedirectedUrl("/couple/pulse/weeks");
		assertThat(this.pulse.partners(this.client.id())).isEmpty();
		assertThat(this.pulse.gaps(this.client.id())).isEmpty();

		// A week she marks shared reaches him while she shares her trust pulse, and she
		// is
		// told so until then.
		assertThat(this.mvc.get().uri("/couple/pulse").with(this.people.signedIn(this.partner))).bodyText()
			.contains("You aren't sharing your trust pulse with your partner right now");
		assertThat(answer(this.partner, List.of("3", "4", "5", "4", "6"), "Better than last week", true)).flash()
			.containsEntry("notice", "Saved. Your partner will see it once you share your trust pulse with them.");
		assertThat(this.pulse.partners(this.client.id())).isEmpty();
		this.couple.share(this.partner.id(), app.steadfast.sharing.Category.PULSE, true);
		assertThat(this.mvc.get().uri("/couple/pulse").with(this.people.signedIn(this.partner))).bodyText()
			.doesNotContain("sharing your trust pulse with your partner right now");
		assertThat(this.pulse.partners(this.client.id())).singleElement()
			.satisfies((w) -> assertThat(w.note()).isEqualTo("Better than last week"));
		List<PulseGap> gaps = this.pulse.gaps(this.client.id());
		assertThat(gaps).hasSize(5);
		assertThat(gaps.get(0)).satisfies((g) -> {
			assertThat(g.item()).isEqualTo(PulseItem.COUNT_ON);
			assertThat(g.gap()).isEqualTo(3);
			assertThat(g.reading()).contains("You rate yourself higher");
		});
		assertThat(gaps.get(3).gap()).isEqualTo(-2);
		assertThat(gaps.get(1).reading()).isEqualTo("You see this about the same way.");
		assertThat(this.mvc.get().uri("/couple/pulse/weeks").with(this.people.signedIn(this.client))).bodyText()
			.contains("What your partner shared", "Better than last week", "Where your views differ");

		// Her safety pause hides even what she shared.
		this.couple.answerIntake(this.partner.id(), new IntakeAnswers("", "", SafetyAnswer.YES, SafetyAnswer.NO));
		assertThat(this.pulse.partners(this.client.id())).isEmpty();
		assertThat(this.mvc.get().uri("/couple/pulse/weeks").with(this.people.signedIn(this.client))).bodyText()
			.doesNotContain("Better than last week");
	}

	@Test
	void herRequestsReachHimAndStayHisThroughHerSafetyPauseAndHisOfferIsShownToBoth() {
		intakes("NO");
		assertThat(this.mvc.post()
			.uri("/couple/requests")
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("item", "WHERE_YOU_ARE")).hasRedirectedUrl("/couple");
		assertThat(this.mvc.post()
			.uri("/couple/requests")
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("ownWords", "Tell me the truth the first time I ask.")).hasRedirectedUrl("/couple");
		assertThat(this.mvc.post().uri("/couple/requests").with(this.people.signedIn(this.partner)).with(csrf()))
			.bodyText()
			.contains("Pick something from the list, or write it in your own words.");
		assertThat(this.requests.receivedBy(this.client.id())).extracting(PartnerRequest::text)
			.containsExactlyInAnyOrder("Tell me where you are when plans change.",
					"Tell me the truth the first time I ask.");
		assertThat(this.mvc.post()
			.uri("/couple/requests")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("item", "SPACE")).hasStatus(403);

		assertThat(this.mvc.post()
			.uri("/couple/offer")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("offer", "I'll tell you who I was with when I'm out late.")
			.param("until", "2020-01-01")).bodyText().contains("Pick an end date after today");
		assertThat(this.mvc.post()
			.uri("/couple/offer")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("offer", "I'll tell you who I was with when I'm out late.")
			.param("until", "")).hasRedirectedUrl("/couple");
		assertThat(this.mvc.get().uri("/couple").with(this.people.signedIn(this.partner))).bodyText()
			.contains("Your partner offered:", "I&#39;ll tell you who I was with when I&#39;m out late.",
					"Until you review it together.");

		// Her safety pause: what she sent before stays with him, as when she turns her
		// shares off (hiding it would tell him); nothing new reaches him until it ends.
		this.couple.answerIntake(this.partner.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.YES));
		assertThat(this.requests.receivedBy(this.client.id())).hasSize(2);
		assertThat(this.requests.sentBy(this.partner.id())).hasSize(2);

		PartnerRequest first = this.requests.sentBy(this.partner.id()).get(0);
		assertThat(this.mvc.post()
			.uri("/couple/requests/{id}/withdraw", first.id())
			.with(this.people.signedIn(this.partner))
			.with(csrf())).hasRedirectedUrl("/couple");
		assertThat(this.requests.sentBy(this.partner.id())).hasSize(1);
	}

	@Test
	void noReminderGoesToHerWhileHerSafetyPauseIsOnAndHisKeepsComingAsIfNothingChanged() {
		intakes("YES");
		var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getDayOfWeek();
		this.pulse.chooseReminderDay(this.client.id(), today);
		this.pulse.chooseReminderDay(this.partner.id(), today);
		this.reminders.sendDue();
		// His reminder stopping would tell him: it comes as it would if she shared
		// nothing. Hers, a reconciliation prompt, waits.
		assertThat(sentTo(this.client)).isEqualTo(1);
		assertThat(sentTo(this.partner)).isZero();
		this.couple.answerIntake(this.partner.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.reminders.sendDue();
		assertThat(sentTo(this.client)).isEqualTo(1);
		assertThat(sentTo(this.partner)).isEqualTo(1);
	}

	private long sentTo(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM pulse_reminder_sent WHERE account_id = :a")
			.param("a", person.id().value())
			.query(Long.class)
			.single();
	}

	@Test
	void theNoteIsEncryptedAtRest() {
		intakes("NO");
		answer(this.partner, List.of("3", "4", "5", "4", "6"), "Still hurting about March", false);
		String raw = this.jdbc.sql("SELECT note FROM trust_pulse WHERE account_id = :p")
			.param("p", this.partner.id().value())
			.query(String.class)
			.single();
		assertThat(raw).doesNotContain("March");
	}

	private void intakes(String afraid) {
		this.couple.answerIntake(this.client.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.couple.answerIntake(this.partner.id(),
				new IntakeAnswers("", "", SafetyAnswer.valueOf(afraid), SafetyAnswer.NO));
	}

	private MvcTestResult answer(Person person, List<String> scores, String note, boolean shared) {
		var request = this.mvc.post()
			.uri("/couple/pulse")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("note", note)
			.param("shared", String.valueOf(shared))
			.param("day", "THURSDAY");
		for (PulseItem item : PulseItem.values()) {
			request = request.param(item.field(), scores.get(item.ordinal()));
		}
		return request.exchange();
	}

}
