package app.steadfast.consultations;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.Role;
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
 * A request that became a client: staff email him a single-use link, he creates his
 * account through the accounts module, and he is linked to his therapist.
 */
@SteadfastTest
class ClientInvitationTests {

	private static final Pattern LINK = Pattern
		.compile("http://localhost:8080(/consultation/invitation\\?token=([A-Za-z0-9_-]+))");

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person therapist;

	@BeforeEach
	void therapist() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.therapist = this.people.withRole(Role.THERAPIST);
	}

	@Test
	void heCreatesHisAccountThroughTheEmailedLinkOnceAndIsLinkedToHisTherapist() throws Exception {
		String email = "joining-" + UUID.randomUUID() + "@example.org";
		ConsultationId id = becameClient("Tomas", email);

		assertThat(post(id, "invitation")).hasRedirectedUrl("/consultations/" + id);
		MimeMessage invitation = lastTo(email);
		assertThat(invitation.getSubject()).startsWith("Your private space at");
		String text = ConsultationRequestTests.text(invitation);
		assertThat(text).contains("Hello Tomas", this.therapist.displayName(), "works once and for 7 days");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).isTrue();
		String path = link.group(1);
		String token = link.group(2);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM client_invitation WHERE token_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single()).as("only a hash of the token is stored").isZero();

		MvcTestResult page = this.mvc.get().uri(path).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("Create your private account", email, this.therapist.displayName(), "value=\"Tomas\"");

		MvcTestResult weak = join(token, "Tom", "password1");
		assertThat(weak).hasStatusOk();
		assertThat(weak).bodyText().contains("id=\"password-error\"", "one of the most common", "value=\"Tom\"");
		assertThat(this.accounts.findByEmail(email)).isEmpty();

		MvcTestResult joined = join(token, "Tom", TestPeople.PASSWORD);
		assertThat(joined).hasRedirectedUrl("/consultation/invitation?joined");
		// Signed in at once, as after sign-up: the session the answer set is his.
		jakarta.servlet.http.Cookie session = TestPeople.sessionOf(joined);
		assertThat(this.mvc.get().uri("/consultation/invitation?joined").cookie(session)).bodyText()
			.contains("Your account is ready", "connected with " + this.therapist.displayName(), "You're signed in",
					"Go to your home page");
		assertThat(this.mvc.get().uri("/insights").cookie(session)).hasStatusOk();

		Person client = this.accounts.findByEmail(email).orElseThrow();
		assertThat(client.role()).isEqualTo(Role.CLIENT);
		assertThat(client.displayName()).isEqualTo("Tom");
		TherapistAssignment assignment = this.consultations.therapistOf(client.id()).orElseThrow();
		assertThat(assignment.therapist()).isEqualTo(this.therapist.id());
		assertThat(this.consultations.clientsOf(this.therapist.id())).extracting(TherapistAssignment::client)
			.containsExactly(client.id());
		assertThat(this.audit.about(client.id().value(), 10)).anySatisfy((r) -> {
			assertThat(r.action()).isEqualTo(AuditAction.SIGNED_UP);
			assertThat(r.reason()).isEqualTo("INVITATION");
		});
		List<AuditRecord> sent = this.audit.latest(50)
			.stream()
			.filter((r) -> r.action() == AuditAction.CLIENT_INVITATION_SENT && id.toString().equals(r.recordRef()))
			.toList();
		assertThat(sent).singleElement()
			.satisfies((r) -> assertThat(r.actorId()).isEqualTo(this.therapist.id().value()));

		assertThat(
				this.mvc.post().uri("/login").with(csrf()).param("email", email).param("password", TestPeople.PASSWORD))
			.hasRedirectedUrl("/");
		assertThat(this.mvc.get().uri(path)).hasStatus(404).bodyText().contains("This link no longer works");
		assertThat(join(token, "Again", TestPeople.PASSWORD)).hasStatus(404);
		assertThat(this.mvc.get().uri("/consultations/" + id).with(this.people.signedIn(this.therapist))).bodyText()
			.contains("They created their account and work with", "Created their account")
			.doesNotContain("Email them the invitation");
	}

	@Test
	void aNewInvitationReplacesTheOldOneAndAnUnknownLinkAnswers404() throws Exception {
		String email = "twice-" + UUID.randomUUID() + "@example.org";
		ConsultationId id = becameClient("Luis", email);
		post(id, "invitation");
		String first = token(lastTo(email));
		post(id, "invitation");
		String second = token(lastTo(email));
		assertThat(first).isNotEqualTo(second);
		assertThat(this.mvc.get().uri("/consultation/invitation?token=" + first)).hasStatus(404);
		assertThat(this.mvc.get().uri("/consultation/invitation?token=" + second)).hasStatusOk();
		assertThat(this.mvc.get().uri("/consultation/invitation?token=made-up")).hasStatus(404);
		assertThat(this.mvc.get().uri("/consultation/invitation")).hasStatus(404);
		assertThat(this.mvc.get().uri("/consultation/invitation?joined")).hasStatus(404);
	}

	@Test
	void onlyARequestClosedAsBecameAClientWithAnEmailCanBeInvited() {
		ConsultationId open = RequestSamples.store(this.consultations, "Open", "open@example.org", "", "EMAIL", "");
		assertThat(post(open, "invitation").getMvcResult().getFlashMap().get("problem")).asString()
			.contains("closed as “became a client”");
		ConsultationId phoneOnly = RequestSamples.store(this.consultations, "Phone", "", "+1 555 010 1111",
				"PHONE_CALL", "");
		post(phoneOnly, "assign", "therapist", this.therapist.id().toString());
		post(phoneOnly, "close", "reason", "BECAME_CLIENT");
		assertThat(post(phoneOnly, "invitation").getMvcResult().getFlashMap().get("problem")).isNotNull();
		assertThat(smtp.getReceivedMessages()).noneMatch((m) -> {
			try {
				return m.getSubject().startsWith("Your private space");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Test
	void someoneWhoAlreadyHasAnAccountConnectsItWhileSignedIn() throws Exception {
		String email = "existing-" + UUID.randomUUID() + "@example.org";
		Person existing = this.accounts.signUp(email, "Pete", TestPeople.PASSWORD, null);
		ConsultationId id = becameClient("Pete", email);
		post(id, "invitation");
		String token = token(lastTo(email));

		MvcTestResult refused = join(token, "Pete", "another-good-passphrase");
		assertThat(refused).hasStatusOk();
		assertThat(refused).bodyText().contains("There is already a Steadfast account with");

		Person stranger = this.people.client();
		assertThat(this.mvc.post()
			.uri("/consultation/invitation")
			.with(this.people.signedIn(stranger))
			.with(csrf())
			.param("token", token)).hasStatus(404);
		assertThat(this.consultations.therapistOf(stranger.id())).isEmpty();

		assertThat(this.mvc.get().uri("/consultation/invitation?token=" + token).with(this.people.signedIn(existing)))
			.bodyText()
			.contains("Connect my account");
		assertThat(this.mvc.post()
			.uri("/consultation/invitation")
			.with(this.people.signedIn(existing))
			.with(csrf())
			.param("token", token)).hasRedirectedUrl("/consultation/invitation?joined");
		assertThat(this.consultations.therapistOf(existing.id())).map(TherapistAssignment::therapist)
			.contains(this.therapist.id());
	}

	/**
	 * The partner who was hurt, with her own partner account, asks for a consultation
	 * with the same email and staff invite her: the link does not make a second account
	 * (it tells her to sign in), and signed in she connects her own account to the
	 * therapist. She stays a partner, with her space as it was, and the therapist sees
	 * nothing of hers until she shares it.
	 */
	@Test
	void aPartnerWithHerOwnAccountConnectsItAndStaysAPartner() throws Exception {
		String email = "partner-" + UUID.randomUUID() + "@example.org";
		Person her = this.accounts.signUp(email, "Robin", TestPeople.PASSWORD, null);
		this.jdbc.sql("UPDATE account SET role = 'PARTNER' WHERE id = :id").param("id", her.id().value()).update();
		ConsultationId id = becameClient("Robin", email);
		assertThat(this.mvc.get().uri("/consultations/" + id).with(this.people.signedIn(this.therapist))).hasStatusOk()
			.bodyText()
			.contains("This address belongs to a partner’s own account");
		post(id, "invitation");
		String token = token(lastTo(email));

		assertThat(this.mvc.get().uri("/consultation/invitation?token=" + token)).hasStatusOk()
			.bodyText()
			.contains("There is already a Steadfast account with", "sign in with it")
			.doesNotContain("Create my account");
		assertThat(this.mvc.get().uri("/consultation/invitation?token=" + token).with(this.people.signedIn(her)))
			.hasStatusOk()
			.bodyText()
			.contains("Your account stays exactly as it is", "Connect my account");
		assertThat(this.mvc.post()
			.uri("/consultation/invitation")
			.with(this.people.signedIn(her))
			.with(csrf())
			.param("token", token)).hasRedirectedUrl("/consultation/invitation?joined");

		assertThat(this.accounts.find(her.id())).map(Person::role).contains(Role.PARTNER);
		assertThat(this.consultations.therapistOf(her.id())).map(TherapistAssignment::therapist)
			.contains(this.therapist.id());
		assertThat(this.mvc.get().uri("/care/clients/" + her.id().value()).with(this.people.signedIn(this.therapist)))
			.hasStatusOk();
		assertThat(this.mvc.get()
			.uri("/care/clients/" + her.id().value() + "/journal")
			.with(this.people.signedIn(this.therapist))).hasStatus(404);
	}

	private ConsultationId becameClient(String name, String email) {
		ConsultationId id = RequestSamples.store(this.consultations, name, email, "", "EMAIL", "");
		post(id, "assign", "therapist", this.therapist.id().toString());
		post(id, "close", "reason", "BECAME_CLIENT");
		return id;
	}

	private MvcTestResult post(ConsultationId id, String step, String... params) {
		var request = this.mvc.post()
			.uri("/consultations/" + id + "/" + step)
			.with(this.people.signedIn(this.therapist))
			.with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private MvcTestResult join(String token, String name, String password) {
		return this.mvc.post()
			.uri("/consultation/invitation")
			.with(csrf())
			.param("token", token)
			.param("displayName", name)
			.param("password", password)
			.exchange();
	}

	private static MimeMessage lastTo(String email) throws Exception {
		MimeMessage found = null;
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(email)) {
				found = message;
			}
		}
		assertThat(found).as("an email to " + email).isNotNull();
		return found;
	}

	private static String token(MimeMessage message) {
		Matcher link = LINK.matcher(ConsultationRequestTests.text(message));
		assertThat(link.find()).isTrue();
		return link.group(2);
	}

}
