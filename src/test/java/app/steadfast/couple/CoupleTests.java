package app.steadfast.couple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.PartnerLinks;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
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
 * The partner's side through its pages: invitation, link, intake, sharing each category
 * on and off, the audit of reads, the safety pause, and ending the link.
 */
@SteadfastTest
class CoupleTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern LINK = Pattern.compile("(/couple/join\\?token=([A-Za-z0-9_-]+))");

	@Autowired
	private PartnerLinks links;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CoupleManagement couple;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	JournalManagement journal;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

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
	void heInvitesAndShePicksHerOwnAccountFromTheEmail() throws Exception {
		String path = invite(this.client, "partner-" + java.util.UUID.randomUUID() + "@example.org");
		assertThat(this.mvc.get().uri(path)).hasStatusOk()
			.bodyText()
			.contains("Test client invited you", "Create my account");

		MvcTestResult noAddress = join(path, "ana at home", "Ana", TestPeople.PASSWORD);
		assertThat(noAddress).hasStatusOk();
		assertThat(noAddress).bodyText()
			.contains("id=\"email-error\">Enter your email address, like name@example.org.</p>",
					"value=\"ana at home\"", "value=\"Ana\"")
			.doesNotContain("id=\"displayName-error\"");

		MvcTestResult weak = join(path, "her-" + java.util.UUID.randomUUID() + "@example.org", "Ana", "password");
		assertThat(weak).hasStatusOk();
		assertThat(weak).bodyText().contains("id=\"password-error\"", "value=\"Ana\"");

		String email = "her-" + java.util.UUID.randomUUID() + "@example.org";
		MvcTestResult joined = join(path, email, "Ana", TestPeople.PASSWORD);
		// Signed in at once, as after sign-up: her private intake is next.
		assertThat(joined).hasRedirectedUrl("/couple/intake");
		assertThat(this.mvc.get().uri("/couple/intake").cookie(TestPeople.sessionOf(joined))).hasStatusOk()
			.bodyText()
			.contains("Sign out");
		assertThat(this.mvc.get().uri("/couple/intake")).hasStatus3xxRedirection();
		Person partner = this.accounts.findByEmail(email).orElseThrow();
		assertThat(partner.role()).isEqualTo(Role.PARTNER);
		assertThat(this.couple.partnerOf(this.client.id())).contains(partner.id());
		assertThat(this.couple.partnerOf(partner.id())).contains(this.client.id());

		// Used once: the link is spent.
		assertThat(this.mvc.get().uri(path)).bodyText().contains("This invitation no longer works");
		assertThat(join(path, "other-" + java.util.UUID.randomUUID() + "@example.org", "Eve", TestPeople.PASSWORD))
			.bodyText()
			.contains("This invitation no longer works");
	}

	@Test
	void anExpiredInvitationOrTheWrongAccountLinksNothing() throws Exception {
		String path = invite(this.client, "late@example.org");
		String token = path.substring(path.indexOf('=') + 1);
		Person otherClient = this.people.client();
		MvcTestResult wrong = this.mvc.post()
			.uri("/couple/join")
			.with(this.people.signedIn(otherClient))
			.with(csrf())
			.param("token", token)
			.exchange();
		assertThat(wrong).bodyText().contains("This invitation is for a partner account.");
		assertThat(this.couple.partnerOf(this.client.id())).isEmpty();

		this.jdbc.sql("UPDATE partner_invitation SET expires_at = :past WHERE token_hash = :hash")
			.param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
			.param("hash", CoupleManagement.hash(token))
			.update();
		assertThat(this.mvc.get().uri(path)).bodyText().contains("This invitation no longer works");
		Person partner = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.post()
			.uri("/couple/join")
			.with(this.people.signedIn(partner))
			.with(csrf())
			.param("token", token)).bodyText().contains("This invitation no longer works");
		assertThat(this.couple.partnerOf(this.client.id())).isEmpty();
	}

	@Test
	void sharingOpensAfterBothIntakesIsPerCategoryAndStopsOnTheVeryNextRequest() throws Exception {
		Person partner = linkedPartner();
		this.checkIns.record(this.client.id(), new CheckInDetails(List.of("guilt"), 6, BodyLocation.CHEST,
				"Missed the call I promised", null, null, Instant.now().minusSeconds(60)), false);
		this.journal.write(this.client.id(), null, "A private thought about the weekend.");

		assertThat(share(this.client, "CHECKINS", true)).hasStatus(404);
		intake(this.client, "NO", "NO");
		intake(partner, "NO", "NO");

		assertThat(share(this.client, "CHECKINS", true)).hasRedirectedUrl("/couple");
		String seen = body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(partner)).exchange());
		assertThat(seen).contains("From Test client", "guilt", "Missed the call I promised")
			.doesNotContain("A private thought about the weekend.");
		assertThat(this.couple.sharedWithPartner(this.client.id())).containsExactly(Category.CHECKINS);

		assertThat(this.mvc.get().uri("/couple/reads").with(this.people.signedIn(this.client))).bodyText()
			.contains("Check-ins", "Your partner, through your share");

		assertThat(share(this.client, "JOURNAL", true)).hasRedirectedUrl("/couple");
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(partner)).exchange()))
			.contains("A private thought about the weekend.");

		assertThat(share(this.client, "CHECKINS", false)).hasRedirectedUrl("/couple");
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(partner)).exchange()))
			.doesNotContain("Missed the call I promised")
			.contains("A private thought about the weekend.");
		assertThat(share(this.client, "JOURNAL", false)).hasRedirectedUrl("/couple");
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(partner)).exchange()))
			.contains("Nothing is shared with you right now.");
	}

	@Test
	void herSafetyAnswersPauseHerSharingAndHeNeverLearnsWhy() throws Exception {
		Person partner = linkedPartner();
		assertThat(this.links.linkOf(partner.id())).get()
			.extracting(PartnerLinks.PartnerLink::open, PartnerLinks.PartnerLink::carriesWords)
			.containsExactly(false, false);
		intake(this.client, "NO", "NO");
		intake(partner, "NO", "NO");
		assertThat(this.links.linkOf(this.client.id())).get()
			.satisfies((link) -> assertThat(link.carriesWords()).isTrue())
			.satisfies((link) -> assertThat(link.other(this.client.id())).isEqualTo(partner.id()));
		this.journal.write(partner.id(), null, "What I need right now is space.");
		share(partner, "JOURNAL", true);
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(this.client)).exchange()))
			.contains("What I need right now is space.");

		MvcTestResult afraid = intake(partner, "YES", "NO");
		assertThat(afraid).hasRedirectedUrl("/couple/safety");
		assertThat(this.links.linkOf(this.client.id())).get()
			.satisfies((link) -> assertThat(link.paused()).isTrue())
			.satisfies((link) -> assertThat(link.carriesWords()).isFalse());
		assertThat(this.mvc.get().uri("/couple/safety").with(this.people.signedIn(partner))).bodyText()
			.contains("Leave this site now", "action=\"/leave\"", "data-quick-exit=\"https://www.weather.gov/\"",
					"tel:+18007997233", "text START to 88788", "monitored");

		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(this.client)).exchange()))
			.doesNotContain("What I need right now is space.");
		String his = body(this.mvc.get().uri("/couple").with(this.people.signedIn(this.client)).exchange());
		// He is not told: his page reads as if she simply shared nothing.
		assertThat(his).contains("linked with").doesNotContain("paused", "afraid", "safety questions", "unsafe");
		// A new share of hers starts paused too.
		this.checkIns.record(partner.id(), new CheckInDetails(List.of("fear"), 7, BodyLocation.STOMACH, "Raised voices",
				null, null, Instant.now().minusSeconds(30)), false);
		share(partner, "CHECKINS", true);
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(this.client)).exchange()))
			.doesNotContain("Raised voices");

		intake(partner, "NO", "NO");
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(this.client)).exchange()))
			.contains("What I need right now is space.", "Raised voices");
	}

	@Test
	void eitherPartnerEndsTheLinkAndEverySharePairEnds() throws Exception {
		Person partner = linkedPartner();
		intake(this.client, "NO", "NO");
		intake(partner, "NO", "NO");
		share(this.client, "CHECKINS", true);
		share(partner, "JOURNAL", true);

		assertThat(this.mvc.post().uri("/couple/end").with(this.people.signedIn(partner)).with(csrf()))
			.hasRedirectedUrl("/couple");
		assertThat(this.couple.partnerOf(this.client.id())).isEmpty();
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(partner)).exchange()))
			.contains("Nothing is shared with you right now.");
		assertThat(body(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(this.client)).exchange()))
			.contains("Nothing is shared with you right now.");
		assertThat(this.mvc.get().uri("/couple").with(this.people.signedIn(this.client))).bodyText()
			.contains("Send the invitation");
	}

	@Test
	void onlyTheRightPeopleReachTheCouplePages() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		Person partner = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.get().uri("/couple").with(this.people.signedIn(therapist))).hasStatus(403);
		assertThat(this.mvc.get().uri("/couple/safety").with(this.people.signedIn(this.client))).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/couple/invite")
			.with(this.people.signedIn(partner))
			.with(csrf())
			.param("email", "x@example.org")).hasStatus(403);
		assertThat(this.mvc.post().uri("/couple/end").with(this.people.signedIn(this.client)).with(csrf()))
			.hasStatus(404);
		assertThat(this.mvc.get().uri("/couple")).hasStatus(302);
		assertThat(this.mvc.get().uri("/couple/join?token=nonsense")).bodyText()
			.contains("This invitation no longer works");
	}

	private Person linkedPartner() throws Exception {
		String path = invite(this.client, "p-" + java.util.UUID.randomUUID() + "@example.org");
		String email = "p-" + java.util.UUID.randomUUID() + "@example.org";
		join(path, email, "Ana", TestPeople.PASSWORD);
		return this.accounts.findByEmail(email).orElseThrow();
	}

	private String invite(Person client, String email) throws Exception {
		int before = smtp.getReceivedMessages().length;
		assertThat(this.mvc.post()
			.uri("/couple/invite")
			.with(this.people.signedIn(client))
			.with(csrf())
			.param("email", email)).hasRedirectedUrl("/couple");
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(before + 1);
		MimeMessage mail = mails[mails.length - 1];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
		Matcher link = LINK.matcher(String.valueOf(mail.getContent()));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private MvcTestResult join(String path, String email, String name, String password) {
		return this.mvc.post()
			.uri("/couple/join")
			.with(csrf())
			.param("token", path.substring(path.indexOf('=') + 1))
			.param("email", email)
			.param("displayName", name)
			.param("password", password)
			.exchange();
	}

	private MvcTestResult intake(Person person, String afraid, String harmed) {
		return this.mvc.post()
			.uri("/couple/intake")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("brings", "Wanting to be heard")
			.param("hopes", "Honesty")
			.param("afraid", afraid)
			.param("harmed", harmed)
			.exchange();
	}

	private MvcTestResult share(Person person, String category, boolean on) {
		return this.mvc.post()
			.uri("/couple/sharing")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("category", category)
			.param("share", String.valueOf(on))
			.exchange();
	}

	private static String body(MvcTestResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

}
