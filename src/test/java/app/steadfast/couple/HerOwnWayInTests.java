package app.steadfast.couple;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
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
 * The partner who was hurt, starting on her own: she signs up without him, her private
 * intake comes first, and every page of hers works with no one linked; nothing of hers
 * reaches anyone else. When she chooses, she invites him: he accepts from the email with
 * a new account or the one he is signed in with, and sees only what she shares. The
 * questions she needs answered wait with her, sealed, until she sends them.
 */
@SteadfastTest
class HerOwnWayInTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	private static final Pattern ACCEPT = Pattern.compile("(/couple/accept\\?token=([A-Za-z0-9_-]+))");

	private static final Pattern CONFIRM = Pattern.compile("/signup/confirm\\?token=([A-Za-z0-9_-]+)");

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CoupleManagement couple;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	JournalManagement journal;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void theSignUpFormAsksWhichFitsAndKeepsWhatWasTyped() {
		assertThat(this.mvc.get().uri("/signup")).hasStatusOk()
			.bodyText()
			.contains("I'm here to do the work of rebuilding trust.", "I'm the one who was hurt.",
					"You can invite your partner later, or never.", "id=\"path-hurt\"", "id=\"path-work\"");

		MvcTestResult none = signUp(TestPeople.uniqueEmail("none"), "Ana", null);
		assertThat(none).hasStatusOk()
			.bodyText()
			.contains("id=\"path-error\"", "Choose the one that fits you best", "value=\"Ana\"");
		// The form names two paths, never a role: anything else is no choice.
		assertThat(signUp(TestPeople.uniqueEmail("admin"), "Ana", "ADMIN")).hasStatusOk()
			.bodyText()
			.contains("id=\"path-error\"", "Choose one of the two.");
	}

	@Test
	void theQuickExitStandsOnTheSignInAndSignUpPagesBeforeAnyoneIsSignedIn() {
		for (String page : List.of("/signup", "/login")) {
			assertThat(this.mvc.get().uri(page)).hasStatusOk()
				.bodyText()
				.contains("Leave this site now", "action=\"/leave\"");
		}
		// A man signed in to his own pages has no exit bar: it is hers, and these pages'.
		Person him = this.people.client();
		assertThat(this.mvc.get().uri("/").with(this.people.signedIn(him))).hasStatusOk()
			.bodyText()
			.doesNotContain("Leave this site now");
	}

	@Test
	void sheSignsUpAloneIsSignedInAndHerPrivateIntakeComesFirst() throws Exception {
		String email = TestPeople.uniqueEmail("hurt");
		assertThat(signUp(email, "Ana", "WAS_HURT")).hasRedirectedUrl("/signup/sent");
		MvcTestResult confirmed = confirm(email);
		assertThat(confirmed).hasRedirectedUrl("/couple/intake");
		Cookie session = TestPeople.sessionOf(confirmed);

		Person her = this.accounts.findByEmail(email).orElseThrow();
		assertThat(her.role()).isEqualTo(Role.PARTNER);
		assertThat(this.couple.partnerOf(her.id())).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM couple_link WHERE partner_id = :me OR client_id = :me")
			.param("me", her.id().value())
			.query(Long.class)
			.single()).isZero();

		assertThat(this.mvc.get().uri("/couple/intake").cookie(session)).hasStatusOk()
			.bodyText()
			.contains("Do you feel afraid of your partner, or unsafe at home?", "Leave this site now");
		assertThat(this.mvc.get().uri("/").cookie(session)).hasStatusOk()
			.bodyText()
			.contains("A few private questions first", "Leave this site now");

		// A "yes" shows her safety page, and her space keeps it one tap away.
		assertThat(this.mvc.post()
			.uri("/couple/intake")
			.cookie(session)
			.with(csrf())
			.param("brings", "What happened last spring")
			.param("hopes", "To feel steady again")
			.param("afraid", "YES")
			.param("harmed", "NO")).hasRedirectedUrl("/couple/safety");
		assertThat(this.mvc.get().uri("/couple/safety").cookie(session)).hasStatusOk()
			.bodyText()
			.contains("Leave this site now");
		assertThat(this.mvc.get().uri("/couple").cookie(session)).hasStatusOk()
			.bodyText()
			.contains("You're not linked with anyone.", "Your safety page")
			.doesNotContain("A few private questions come first");
		assertThat(this.mvc.get().uri("/").cookie(session)).bodyText().doesNotContain("A few private questions first");

		// The quick exit signs her out.
		assertThat(this.mvc.post().uri("/leave").cookie(session).with(csrf())).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/couple").cookie(session)).hasStatus3xxRedirection()
			.redirectedUrl()
			.contains("/login");
	}

	@Test
	void onHerOwnEveryPageOfHersWorksAndEveryLinkLeadsSomewhere() throws Exception {
		Person her = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.get().uri("/couple/pulse").with(this.people.signedIn(her)))
			.as("the pulse waits for her intake")
			.hasRedirectedUrl("/couple");
		this.couple.answerIntake(her.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));

		MvcTestResult space = this.mvc.get().uri("/couple").with(this.people.signedIn(her)).exchange();
		assertThat(space).hasStatusOk()
			.bodyText()
			.contains("You're not linked with anyone.", "Review your answers", "Answer this week")
			.doesNotContain("End the link", "Your safety page");
		MvcTestResult pulse = this.mvc.get().uri("/couple/pulse").with(this.people.signedIn(her)).exchange();
		assertThat(pulse).hasStatusOk()
			.bodyText()
			.contains("Your answers stay with you.")
			.doesNotContain("name=\"shared\"", "Remind me by email");
		var answer = this.mvc.post().uri("/couple/pulse").with(this.people.signedIn(her)).with(csrf());
		for (PulseItem item : PulseItem.values()) {
			answer = answer.param(item.field(), "3");
		}
		assertThat(answer).hasRedirectedUrl("/couple/pulse/weeks");
		assertThat(this.mvc.get().uri("/couple/pulse/weeks").with(this.people.signedIn(her))).hasStatusOk()
			.bodyText()
			.contains("3.0");
		assertThat(this.mvc.post()
			.uri("/checkins/journal")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("body", "A page of my own.")).hasStatus3xxRedirection();

		MvcTestResult today = this.mvc.get().uri("/").with(this.people.signedIn(her)).exchange();
		assertThat(today).hasStatusOk()
			.bodyText()
			.contains("Your space, your choices")
			.doesNotContain("Talks shared with you", "Ask what you need to know");

		// Every page her Today, her space, her pulse and her progress point to answers.
		Set<String> links = new LinkedHashSet<>();
		for (String page : List.of("/", "/couple", "/couple/pulse", "/couple/pulse/weeks", "/checkins",
				"/checkins/journal", "/insights", "/insights/review", "/repair")) {
			MvcTestResult result = this.mvc.get().uri(page).with(this.people.signedIn(her)).exchange();
			assertThat(result).as(page).hasStatusOk();
			links.addAll(internalLinks(result.getResponse().getContentAsString()));
		}
		for (String link : links) {
			assertThat(this.mvc.get().uri(link).with(this.people.signedIn(her))).as(link).hasStatusOk();
		}
		assertThat(links).contains("/couple/pulse", "/checkins/new", "/couple/intake");
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(her))).bodyText()
			.doesNotContain("While you and your partner are linked");
	}

	@Test
	void beforeAnyLinkNoOtherAccountSeesAnythingOfHers() {
		Person her = this.people.withRole(Role.PARTNER);
		this.couple.answerIntake(her.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		this.checkIns.record(her.id(), new CheckInDetails(List.of("hurt"), 8, BodyLocation.CHEST,
				"Found the old messages", null, null, Instant.now().minusSeconds(60)), false);
		UUID entry = this.journal.write(her.id(), null, "Nobody else should read this line.").id();
		Person client = this.people.client();
		Person otherPartner = this.people.withRole(Role.PARTNER);

		for (Person other : List.of(client, otherPartner)) {
			for (String page : List.of("/checkins/shared", "/couple/pulse/weeks", "/repair/shared",
					"/commitments/shared", "/conversations/shared")) {
				assertThat(this.mvc.get().uri(page).with(this.people.signedIn(other))).as(page)
					.bodyText()
					.doesNotContain("Found the old messages", "Nobody else should read this line.");
			}
			assertThat(this.mvc.get().uri("/checkins/journal/{id}/edit", entry).with(this.people.signedIn(other)))
				.hasStatus(404);
			assertThat(this.mvc.post()
				.uri("/checkins/journal/{id}/delete", entry)
				.with(this.people.signedIn(other))
				.with(csrf())).hasStatus(404);
		}
		assertThat(this.mvc.get().uri("/checkins/journal/{id}/edit", UUID.randomUUID()).with(this.people.signedIn(her)))
			.hasStatus(404);
		assertThat(this.journal.entries(her.id(), her.id())).hasSize(1);
	}

	@Test
	void herQuestionsAreKeptSealedAndSentOnlyWhenSheChoosesAfterLinking() throws Exception {
		Person her = herOnHerOwn();
		assertThat(this.mvc.post()
			.uri("/repair/kept")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("question", " ")
			.param("importance", "HIGH")).hasStatusOk()
			.bodyText()
			.contains("id=\"question-error\"", "Write a question first.");
		assertThat(this.mvc.post()
			.uri("/repair/kept")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("question", "Who else knew while I did not?")
			.param("importance", "HIGH")).hasRedirectedUrl("/repair/kept");
		assertThat(this.mvc.get().uri("/repair/kept").with(this.people.signedIn(her))).hasStatusOk()
			.bodyText()
			.contains("Who else knew while I did not?", "Matters a lot to me", "You're not linked with anyone")
			.doesNotContain("Send them to my partner");
		UUID kept = this.jdbc.sql("SELECT id FROM partner_question WHERE partner_id = :me")
			.param("me", her.id().value())
			.query(UUID.class)
			.single();
		assertThat(this.jdbc.sql("SELECT words FROM partner_question WHERE id = :id")
			.param("id", kept)
			.query(String.class)
			.single()).as("sealed at rest").doesNotContain("Who else knew");

		// Nobody else reaches it, and with no one linked it goes nowhere.
		Person client = this.people.client();
		Person otherPartner = herOnHerOwn();
		assertThat(this.mvc.get().uri("/repair/kept").with(this.people.signedIn(client))).hasStatus(403);
		assertThat(this.mvc.post().uri("/repair/kept/send").with(this.people.signedIn(client)).with(csrf()))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/repair/kept").with(this.people.signedIn(otherPartner))).bodyText()
			.doesNotContain("Who else knew");
		assertThat(this.mvc.post()
			.uri("/repair/questions/{id}/delete", kept)
			.with(this.people.signedIn(otherPartner))
			.with(csrf())).hasStatus(404);
		assertThat(this.mvc.get().uri("/repair/questions/{id}", kept).with(this.people.signedIn(client)))
			.hasStatus(404);
		assertThat(this.mvc.post().uri("/repair/kept/send").with(this.people.signedIn(her)).with(csrf()))
			.hasStatus(404);

		// Linked, they still wait with her until she sends them.
		Person him = this.people.client();
		new app.steadfast.TestCouples(this.jdbc, this.couple).link(him, her);
		assertThat(this.mvc.get().uri("/repair/questions").with(this.people.signedIn(him))).bodyText()
			.doesNotContain("Who else knew");
		assertThat(this.mvc.get().uri("/repair/kept").with(this.people.signedIn(her))).bodyText()
			.contains("Send them to my partner");
		assertThat(this.mvc.post().uri("/repair/kept/send").with(this.people.signedIn(her)).with(csrf()))
			.hasRedirectedUrl("/repair/questions");
		assertThat(this.mvc.get().uri("/repair/questions").with(this.people.signedIn(him))).bodyText()
			.contains("Who else knew while I did not?");
		assertThat(this.mvc.get().uri("/repair/questions/{id}", kept).with(this.people.signedIn(him))).hasStatusOk();
		assertThat(this.mvc.get().uri("/repair/kept").with(this.people.signedIn(her))).bodyText()
			.contains("Nothing kept yet.");

		// She deletes one she no longer wants to ask, from the page that keeps it.
		this.mvc.post()
			.uri("/repair/kept")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("question", "Did you ever plan to tell me?")
			.exchange();
		UUID later = this.jdbc.sql("SELECT id FROM partner_question WHERE partner_id = :me AND client_id IS NULL")
			.param("me", her.id().value())
			.query(UUID.class)
			.single();
		assertThat(this.mvc.post()
			.uri("/repair/questions/{id}/delete", later)
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("from", "kept")).hasRedirectedUrl("/repair/kept");
		assertThat(this.mvc.get().uri("/repair/kept").with(this.people.signedIn(her))).bodyText()
			.contains("Nothing kept yet.");
	}

	private MvcTestResult signUp(String email, String name, String path) {
		int n = addresses.incrementAndGet();
		var request = this.mvc.post().uri("/signup").with(csrf()).with((r) -> {
			// Sign-up requests are counted per network address: each its own.
			r.setRemoteAddr("198.19." + (n / 250 % 250) + "." + (n % 250 + 1));
			return r;
		}).param("email", email).param("displayName", name).param("password", TestPeople.PASSWORD);
		return (path != null) ? request.param("path", path).exchange() : request.exchange();
	}

	private MvcTestResult confirm(String email) throws Exception {
		Matcher link = CONFIRM.matcher(String.valueOf(TestMail.awaitTo(smtp, email).getContent()));
		assertThat(link.find()).as("a link to finish signing up").isTrue();
		int n = addresses.incrementAndGet();
		return this.mvc.post().uri("/signup/confirm").with(csrf()).with((request) -> {
			request.setRemoteAddr("198.19." + (n / 250 % 250) + "." + (n % 250 + 1));
			return request;
		}).param("token", link.group(1)).param("password", TestPeople.PASSWORD).exchange();
	}

	/** The addresses of the pages a page's main part links to (not its actions). */
	private static Set<String> internalLinks(String html) {
		int start = html.indexOf("<main");
		int end = html.indexOf("</main>");
		String main = (start >= 0 && end > start) ? html.substring(start, end) : html;
		Set<String> links = new LinkedHashSet<>();
		Matcher href = Pattern.compile("href=\"(/[^\"#]*)").matcher(main);
		while (href.find()) {
			String link = href.group(1).replace("&amp;", "&");
			if (!link.startsWith("/insights/export") && !link.startsWith("/insights/data")
					&& !link.startsWith("/accounts/")) {
				links.add(link);
			}
		}
		return links;
	}

	@Test
	void sheInvitesHimHeJoinsWithANewAccountAndSeesOnlyWhatSheShares() throws Exception {
		Person her = herOnHerOwn();
		this.checkIns.record(her.id(), new CheckInDetails(List.of("hurt"), 8, BodyLocation.CHEST,
				"Found the old messages", null, null, Instant.now().minusSeconds(60)), false);
		this.journal.write(her.id(), null, "What I need is the whole truth.");

		assertThat(this.mvc.get().uri("/couple").with(this.people.signedIn(her))).bodyText()
			.contains("Invite your partner");
		assertThat(this.mvc.post()
			.uri("/couple/invitation")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("email", "not an address")).hasStatusOk()
			.bodyText()
			.contains("id=\"email-error\"", "value=\"not an address\"");
		String his = TestPeople.uniqueEmail("him");
		String path = invite(her, his);
		assertThat(this.mvc.get().uri("/couple").with(this.people.signedIn(her))).bodyText()
			.contains("An invitation from you is waiting");
		MimeMessage mail = TestMail.awaitTo(smtp, his);
		assertThat(String.valueOf(mail.getContent())).contains("nothing of theirs")
			.doesNotContain("whole truth", "old messages");

		assertThat(this.mvc.get().uri(path)).hasStatusOk().bodyText().contains("Test client invited you");
		MvcTestResult weak = accept(path, his, "Marcus", "password");
		assertThat(weak).hasStatusOk().bodyText().contains("id=\"password-error\"", "value=\"Marcus\"");
		MvcTestResult joined = accept(path, his, "Marcus", TestPeople.PASSWORD);
		assertThat(joined).hasRedirectedUrl("/couple/intake");
		Cookie session = TestPeople.sessionOf(joined);
		Person him = this.accounts.findByEmail(his).orElseThrow();
		assertThat(him.role()).isEqualTo(Role.CLIENT);
		assertThat(this.couple.partnerOf(her.id())).contains(him.id());
		assertThat(this.couple.partnerOf(him.id())).contains(her.id());
		assertThat(this.mvc.get().uri(path)).bodyText().contains("This invitation no longer works");

		// Linked, and his intake answered: nothing of hers until she shares it.
		assertThat(this.mvc.post()
			.uri("/couple/intake")
			.cookie(session)
			.with(csrf())
			.param("brings", "")
			.param("hopes", "")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(him))).hasStatusOk()
			.bodyText()
			.doesNotContain("whole truth", "old messages");
		assertThat(this.mvc.post()
			.uri("/couple/sharing")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("category", "JOURNAL")
			.param("share", "true")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(him))).bodyText()
			.contains("What I need is the whole truth.")
			.doesNotContain("old messages");
		// Another client still sees nothing of hers.
		Person other = this.people.client();
		assertThat(this.mvc.get().uri("/checkins/shared").with(this.people.signedIn(other))).bodyText()
			.doesNotContain("whole truth", "old messages");
		// Linked, she invites no one else.
		assertThat(this.mvc.get().uri("/couple/invitation").with(this.people.signedIn(her)))
			.hasRedirectedUrl("/couple");
		assertThat(this.mvc.post()
			.uri("/couple/invitation")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("email", TestPeople.uniqueEmail("second"))).hasStatus(404);
	}

	@Test
	void aSignedInClientAcceptsAndNoOtherAccountCan() throws Exception {
		Person her = herOnHerOwn();
		String path = invite(her, TestPeople.uniqueEmail("him"));
		String token = path.substring(path.indexOf('=') + 1);
		Person anotherPartner = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.get().uri(path).with(this.people.signedIn(anotherPartner))).hasStatusOk()
			.bodyText()
			.contains("Sign out first");
		assertThat(this.mvc.post()
			.uri("/couple/accept")
			.with(this.people.signedIn(anotherPartner))
			.with(csrf())
			.param("token", token)).hasStatusOk().bodyText().contains("Sign out first");
		assertThat(this.couple.partnerOf(her.id())).isEmpty();

		Person him = this.people.client();
		assertThat(this.mvc.post()
			.uri("/couple/accept")
			.with(this.people.signedIn(him))
			.with(csrf())
			.param("token", token)).hasRedirectedUrl("/couple/intake");
		assertThat(this.couple.partnerOf(her.id())).contains(him.id());
		assertThat(this.mvc.post()
			.uri("/couple/accept")
			.with(this.people.signedIn(this.people.client()))
			.with(csrf())
			.param("token", token)).hasStatusOk().bodyText().contains("This invitation no longer works");
	}

	@Test
	void onlyAPartnerOnHerOwnWithHerIntakeAnsweredInvites() {
		Person her = herOnHerOwn();
		Person client = this.people.client();
		assertThat(this.mvc.get().uri("/couple/invitation").with(this.people.signedIn(client))).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/couple/invitation")
			.with(this.people.signedIn(client))
			.with(csrf())
			.param("email", TestPeople.uniqueEmail("x"))).hasStatus(403);
		assertThat(this.mvc.get().uri("/couple/invitation")).hasStatus3xxRedirection();
		Person fresh = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.get().uri("/couple/invitation").with(this.people.signedIn(fresh)))
			.hasRedirectedUrl("/couple");
		assertThat(this.mvc.post()
			.uri("/couple/invitation")
			.with(this.people.signedIn(fresh))
			.with(csrf())
			.param("email", TestPeople.uniqueEmail("x"))).hasStatus(404);
		assertThat(this.mvc.get().uri("/couple/accept?token=no-such-token")).hasStatusOk()
			.bodyText()
			.contains("This invitation no longer works");
		// His invitation's token never opens hers, nor hers his.
		this.couple.invite(client.id(), TestPeople.uniqueEmail("his-to-her"));
		String hers = invite(her, TestPeople.uniqueEmail("her-to-him"));
		assertThat(this.mvc.get().uri(hers.replace("/couple/accept", "/couple/join"))).bodyText()
			.contains("This invitation no longer works");
	}

	private String invite(Person her, String email) {
		assertThat(this.mvc.post()
			.uri("/couple/invitation")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("email", email)).hasRedirectedUrl("/couple");
		try {
			Matcher link = ACCEPT.matcher(String.valueOf(TestMail.awaitTo(smtp, email).getContent()));
			assertThat(link.find()).isTrue();
			return link.group(1);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MvcTestResult accept(String path, String email, String name, String password) {
		return this.mvc.post()
			.uri("/couple/accept")
			.with(csrf())
			.param("token", path.substring(path.indexOf('=') + 1))
			.param("email", email)
			.param("displayName", name)
			.param("password", password)
			.exchange();
	}

	/** A partner on her own, her intake answered: she may invite. */
	private Person herOnHerOwn() {
		Person her = this.people.withRole(Role.PARTNER);
		this.couple.answerIntake(her.id(), new IntakeAnswers("", "", SafetyAnswer.NO, SafetyAnswer.NO));
		return her;
	}

}
