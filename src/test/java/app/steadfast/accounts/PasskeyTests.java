package app.steadfast.accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Passkeys are kept in the database through Spring Security's JDBC stores (so every node
 * sees them): listed with their names and dates, removed only by their owner, audited,
 * gone with the account; the ceremony's endpoints answer the right people.
 */
@SteadfastTest
class PasskeyTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	PublicKeyCredentialUserEntityRepository users;

	@Autowired
	UserCredentialRepository credentials;

	TestPeople people;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void hisPasskeysAreListedWithNamesAndDatesAndOnlyHeCanRemoveThem() {
		Person client = this.people.client();
		Person other = this.people.client();
		Bytes phone = passkey(client, "My phone");
		Bytes laptop = passkey(client, "Work laptop <script>");
		Bytes theirs = passkey(other, "Their key");
		assertThat(auditCount(client, "PASSKEY_ADDED")).isEqualTo(2);

		MvcTestResult page = this.mvc.get().uri("/accounts/security").with(this.people.signedIn(client)).exchange();
		assertThat(page).hasStatusOk();
		assertThat(page).bodyText()
			.contains("My phone", "Work laptop &lt;script&gt;", "needs JavaScript")
			.doesNotContain("Their key")
			.contains(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() + "");

		assertThat(this.mvc.post()
			.uri("/accounts/security/passkeys/remove")
			.with(this.people.signedIn(client))
			.with(csrf())
			.param("id", theirs.toBase64UrlString())).flash().containsEntry("notice", "That passkey was not found.");
		assertThat(this.credentials.findByCredentialId(theirs)).isNotNull();

		assertThat(this.mvc.post()
			.uri("/accounts/security/passkeys/remove")
			.with(this.people.signedIn(client))
			.with(csrf())
			.param("id", phone.toBase64UrlString())).hasRedirectedUrl("/accounts/security");
		assertThat(this.credentials.findByCredentialId(phone)).isNull();
		assertThat(this.credentials.findByCredentialId(laptop)).isNotNull();
		assertThat(auditCount(client, "PASSKEY_REMOVED")).isEqualTo(1);
	}

	@Test
	void theStoresKeepEveryFieldOnThisDatabase() {
		Person client = this.people.client();
		Bytes id = passkey(client, "Security key");
		var stored = this.credentials.findByCredentialId(id);
		assertThat(stored.getLabel()).isEqualTo("Security key");
		assertThat(stored.getPublicKey().getBytes()).containsExactly(1, 2, 3, 4);
		assertThat(stored.getTransports()).containsExactly(AuthenticatorTransport.USB);
		assertThat(stored.getCreated()).isNotNull();
		assertThat(this.users.findByUsername(client.email()).getName()).isEqualTo(client.email());
	}

	@Test
	void aVisitorCannotStartAddingAPasskeyButCanStartSigningInWithOne() throws Exception {
		assertThat(this.mvc.post().uri("/webauthn/register/options").with(csrf())).hasStatus(403);
		MvcTestResult options = this.mvc.post().uri("/webauthn/authenticate/options").with(csrf()).exchange();
		assertThat(options).hasStatusOk();
		assertThat(options.getResponse().getContentAsString()).contains("\"challenge\"");

		Person client = this.people.client();
		MvcTestResult creation = this.mvc.post()
			.uri("/webauthn/register/options")
			.with(this.people.signedIn(client))
			.with(csrf())
			.exchange();
		assertThat(creation).hasStatusOk();
		assertThat(creation.getResponse().getContentAsString()).contains("\"challenge\"", client.email());
	}

	@Test
	void addingAPasskeyLongAfterSignInAsksHimToConfirmFirst() {
		Person client = this.people.client();
		assertThat(this.mvc.post()
			.uri("/webauthn/register")
			.with(this.people.signedInAt(client, Instant.now().minus(11, ChronoUnit.MINUTES)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(403);
	}

	@Test
	void aStaffMembersOnlySecondFactorCannotBeRemovedButAPasskeyLetsTheAppGo() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		Bytes key = passkey(therapist, "Office key");
		assertThat(this.mvc.post()
			.uri("/accounts/security/authenticator/off")
			.with(this.people.signedIn(therapist))
			.with(csrf())).hasRedirectedUrl("/accounts/security");
		assertThat(auditCount(therapist, "MFA_DISABLED")).isEqualTo(1);
		this.mvc.post()
			.uri("/accounts/security/passkeys/remove")
			.with(this.people.signedIn(therapist))
			.with(csrf())
			.param("id", key.toBase64UrlString())
			.exchange();
		assertThat(this.credentials.findByCredentialId(key)).as("his only second factor stays").isNotNull();
	}

	@Test
	void deletingHisAccountRemovesHisPasskeys() {
		Person client = this.people.client();
		Bytes key = passkey(client, "Phone");
		this.accounts.deleteOwnAccount(client.id(), TestPeople.PASSWORD);
		assertThat(this.credentials.findByCredentialId(key)).isNull();
		assertThat(this.users.findByUsername(client.email())).isNull();
	}

	private Bytes passkey(Person person, String label) {
		var user = this.users.findByUsername(person.email());
		if (user == null) {
			user = ImmutablePublicKeyCredentialUserEntity.builder()
				.name(person.email())
				.id(Bytes.random())
				.displayName(person.displayName())
				.build();
			this.users.save(user);
		}
		Bytes id = Bytes.random();
		this.credentials.save(ImmutableCredentialRecord.builder()
			.credentialId(id)
			.userEntityUserId(user.getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3, 4 }))
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.USB))
			.backupEligible(false)
			.backupState(false)
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label(label)
			.build());
		return id;
	}

	private long auditCount(Person person, String action) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = :action
				AND subject_id = (SELECT alias FROM audit_alias WHERE account_id = :id)
				""").param("action", action).param("id", person.id().value()).query(Long.class).single();
	}

}
