package app.steadfast.couple;

import java.time.DayOfWeek;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
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
 * The couple forms are bound and converted by Spring: what cannot be read (a score, a
 * date, a day, a choice) is a message beside its field with everything typed kept, the
 * rules of requests, offers and the pulse give their own messages beside their fields,
 * and good input is saved.
 */
@SteadfastTest
class CoupleFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CoupleManagement couple;

	@Autowired
	PulseManagement pulse;

	@Autowired
	RequestsAndOffers requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	Person partner;

	Person unlinked;

	@BeforeEach
	void couple() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
		this.partner = this.people.withRole(Role.PARTNER);
		this.unlinked = this.people.client();
		this.jdbc.sql(
				"INSERT INTO couple_link (id, client_id, partner_id, linked_at) VALUES (:id, :c, :p, CURRENT_TIMESTAMP)")
			.param("id", java.util.UUID.randomUUID())
			.param("c", this.client.id().value())
			.param("p", this.partner.id().value())
			.update();
	}

	@Test
	void aScoreOrDayThatCannotBeReadIsAMessageBesideItWithTheOtherAnswersKept() {
		intakes();
		MvcTestResult unreadable = pulse("3", "lots", "5", "4", "6", "MONDAY", "A hard week");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"honest-error\">Choose a number from 1 to 7.</p>", "href=\"#honest\"",
					"aria-describedby=\"honest-error\"", "id=\"countOn-3\" value=\"3\" checked",
					"id=\"hopeful-6\" value=\"6\" checked", ">A hard week</textarea>")
			.doesNotContain("id=\"countOn-error\"", "id=\"note-error\"");
		assertThat(pulse("3", "4", "5", "4", "6", "FUNDAY", "A hard week")).bodyText()
			.contains("id=\"day-error\">Choose a day of the week.</p>", "id=\"safe-5\" value=\"5\" checked");
		// The pulse's rules: every statement scored from 1 to 7.
		assertThat(pulse("3", "4", "9", "4", "6", "MONDAY", "A hard week")).bodyText()
			.contains("id=\"safe-error\">Choose a number from 1 to 7 for each statement.</p>",
					"id=\"listened-4\" value=\"4\" checked", ">A hard week</textarea>");
		assertThat(pulse("3", "4", "5", "", "6", "MONDAY", "")).bodyText()
			.contains("id=\"listened-error\">Choose a number from 1 to 7 for each statement.</p>");
		assertThat(this.pulse.thisWeeks(this.partner.id())).isEmpty();

		assertThat(pulse("3", "4", "5", "4", "6", "FRIDAY", "A hard week")).hasRedirectedUrl("/couple/pulse/weeks");
		assertThat(this.pulse.thisWeeks(this.partner.id()))
			.hasValueSatisfying((week) -> assertThat(week.scores()).containsExactly(3, 4, 5, 4, 6));
		assertThat(this.pulse.reminderDay(this.partner.id())).isEqualTo(DayOfWeek.FRIDAY);
		assertThat(this.mvc.get().uri("/couple/pulse").with(this.people.signedIn(this.partner))).bodyText()
			.contains("id=\"countOn-3\" value=\"3\" checked", "value=\"FRIDAY\" selected", ">A hard week</textarea>");
	}

	@Test
	void anOfferEndingOnADayThatIsNoDateIsRefusedBesideTheDateWithTheOfferKept() {
		intakes();
		String words = "You can ask me where I was, any evening.";
		MvcTestResult unreadable = offer(words, "next month");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"until-error\">Use a date like 2027-03-01, or leave it empty for “until we review it”.</p>",
					"value=\"next month\"", ">" + words + "</textarea>", "aria-describedby=\"until-error\"")
			.doesNotContain("id=\"offer-error\"");
		// The offer's rules: something offered, an end after today.
		assertThat(offer(words, "2020-01-01")).bodyText()
			.contains("id=\"until-error\">Pick an end date after today, or choose “until we review it”.</p>",
					"value=\"2020-01-01\"", ">" + words + "</textarea>");
		assertThat(offer("  ", "2099-01-01")).bodyText()
			.contains("id=\"offer-error\">Say what you offer to share.</p>", "value=\"2099-01-01\"");
		assertThat(this.requests.currentOffer(this.client.id())).isEmpty();

		assertThat(offer(words, "2099-01-01")).hasRedirectedUrl("/couple");
		assertThat(this.requests.currentOffer(this.client.id())).isPresent();
	}

	@Test
	void aRequestForNothingOnTheListIsRefusedBesideTheListWithHerWordsKept() {
		intakes();
		String words = "Tell me before you go, not after.";
		MvcTestResult unreadable = request("EVERYTHING", words);
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"item-error\">Pick something from the list, or write it in your own words.</p>",
					">" + words + "</textarea>");
		// The request's rules: something chosen or written, and not too long.
		assertThat(request("", "")).bodyText()
			.contains("id=\"item-error\">Pick something from the list, or write it in your own words.</p>");
		assertThat(request("SPACE", "x".repeat(1001))).bodyText()
			.contains("id=\"ownWords-error\">Keep it under 1,000 characters.</p>", "value=\"SPACE\" checked");
		assertThat(this.requests.sentBy(this.partner.id())).isEmpty();

		assertThat(request("", words)).hasRedirectedUrl("/couple");
		assertThat(this.requests.sentBy(this.partner.id())).extracting(PartnerRequest::text).containsExactly(words);
	}

	@Test
	void anInvitationToSomethingThatIsNoAddressIsRefusedBesideItAndKept() {
		MvcTestResult wrong = invite("my partner");
		assertThat(wrong).hasStatusOk();
		assertThat(wrong).bodyText()
			.contains("id=\"email-error\">Enter your partner&#39;s email address, like name@example.org.</p>",
					"value=\"my partner\"", "aria-describedby=\"email-error\"");
		assertThat(invite("")).bodyText()
			.contains("id=\"email-error\">Enter your partner&#39;s email address, like name@example.org.</p>");
		assertThat(invite(" partner-" + java.util.UUID.randomUUID() + "@example.org ")).hasRedirectedUrl("/couple");
	}

	@Test
	void anIntakeAnswerThatIsNoneOfTheChoicesOrTooLongIsRefusedBesideItWithTheRestKept() {
		MvcTestResult unreadable = intake(this.partner, "Wanting to be heard", "MAYBE", "NO");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"afraid-error\">Choose one of the answers, or “I&#39;d rather not say”.</p>",
					">Wanting to be heard</textarea>", "id=\"harmed\" value=\"NO\" checked")
			.doesNotContain("id=\"harmed-error\"");
		assertThat(intake(this.partner, "x".repeat(2001), "NO", "NO")).bodyText()
			.contains("id=\"brings-error\">Keep each answer under 2,000 characters.</p>",
					"id=\"afraid\" value=\"NO\" checked");
		assertThat(this.couple.intake(this.partner.id())).isEmpty();

		assertThat(intake(this.partner, "Wanting to be heard", "NO", "NO")).hasRedirectedUrl("/couple");
		assertThat(this.couple.intake(this.partner.id()))
			.hasValueSatisfying((answers) -> assertThat(answers.brings()).isEqualTo("Wanting to be heard"));
	}

	@Test
	void sharingAKindThereIsNotNamesNothing() {
		intakes();
		assertThat(share("EVERYTHING", "true")).hasStatus(404);
		assertThat(share("CHECKINS", "perhaps")).hasStatus(404);
		assertThat(this.couple.sharedWithPartner(this.client.id())).isEmpty();
		assertThat(share("CHECKINS", "true")).hasRedirectedUrl("/couple");
		assertThat(this.couple.sharedWithPartner(this.client.id())).isNotEmpty();
	}

	private void intakes() {
		this.couple.answerIntake(this.client.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.couple.answerIntake(this.partner.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
	}

	private MvcTestResult pulse(String countOn, String honest, String safe, String listened, String hopeful, String day,
			String note) {
		return this.mvc.post()
			.uri("/couple/pulse")
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("countOn", countOn)
			.param("honest", honest)
			.param("safe", safe)
			.param("listened", listened)
			.param("hopeful", hopeful)
			.param("day", day)
			.param("note", note)
			.exchange();
	}

	private MvcTestResult offer(String offer, String until) {
		return this.mvc.post()
			.uri("/couple/offer")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("offer", offer)
			.param("until", until)
			.exchange();
	}

	private MvcTestResult request(String item, String ownWords) {
		return this.mvc.post()
			.uri("/couple/requests")
			.with(this.people.signedIn(this.partner))
			.with(csrf())
			.param("item", item)
			.param("ownWords", ownWords)
			.exchange();
	}

	private MvcTestResult invite(String email) {
		// A client not linked yet: the invitation form is on his page.
		return this.mvc.post()
			.uri("/couple/invite")
			.with(this.people.signedIn(this.unlinked))
			.with(csrf())
			.param("email", email)
			.exchange();
	}

	private MvcTestResult intake(Person person, String brings, String afraid, String harmed) {
		return this.mvc.post()
			.uri("/couple/intake")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("brings", brings)
			.param("hopes", "Honesty")
			.param("afraid", afraid)
			.param("harmed", harmed)
			.exchange();
	}

	private MvcTestResult share(String category, String share) {
		return this.mvc.post()
			.uri("/couple/sharing")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("category", category)
			.param("share", share)
			.exchange();
	}

}
