package app.steadfast.consultations;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.consultations.ConsultationChange.Kind;
import app.steadfast.consultations.ConsultationViews.InvitationView;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import app.steadfast.shared.SingleUseTokens;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitation that turns a consultation into a client account: the single-use link
 * staff send, what it offers, and accepting it, which links him to his therapist.
 */
@Component
class ClientInvitations {

	private final Consultations consultations;

	private final ConsultationChanges changes;

	private final SingleUseTokens tokens;

	private final SingleUseTokens.Kind invitation;

	private final ConsultationMail mail;

	private final AccountManagement accounts;

	private final TherapistAssignments assignments;

	private final AuditLog audit;

	private final Clock clock;

	ClientInvitations(Consultations consultations, ConsultationChanges changes, SingleUseTokens tokens,
			ConsultationSettings settings, ConsultationMail mail, AccountManagement accounts,
			TherapistAssignments assignments, AuditLog audit, Clock clock) {
		this.consultations = consultations;
		this.changes = changes;
		this.tokens = tokens;
		this.invitation = new SingleUseTokens.Kind("client_invitation", "consultation_id", "CLIENT_INVITATION",
				settings.invitationLifetime());
		this.mail = mail;
		this.accounts = accounts;
		this.assignments = assignments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Emails him a single-use link to create his client account, linked to his therapist.
	 * Only for a request closed because he became a client, with an email.
	 */
	@Transactional
	void inviteClient(ConsultationId id, SignedIn staff) {
		Consultation c = this.consultations.findById(id.value()).orElseThrow(NotFound::new);
		if (!c.canInviteClient()) {
			throw new TriageRefused("invitation",
					"An invitation needs a request closed as “became a client”, an email address and a therapist.");
		}
		Person therapist = this.accounts.find(new AccountId(c.therapistId())).orElseThrow(NotFound::new);
		String token = this.tokens.issue(this.invitation, c.uuid());
		record(c, Kind.CLIENT_INVITED, staff.accountId(), this.clock.instant());
		this.audit.record(new AuditEntry(AuditAction.CLIENT_INVITATION_SENT, staff.accountId(), null, "CONSULTATION",
				c.uuid().toString(), staff.role().name(), null));
		this.mail.clientInvitation(c, therapist, token);
	}

	/** What an invitation link offers, while it works. */
	@Transactional(readOnly = true)
	Optional<InvitationView> invitation(String token) {
		return this.tokens.peek(this.invitation, token)
			.flatMap(this.consultations::findById)
			.filter((c) -> c.clientId() == null && c.email() != null && c.therapistId() != null)
			.map((c) -> new InvitationView(c.name(), c.email(),
					this.accounts.find(new AccountId(c.therapistId()))
						.map(Person::displayName)
						.orElse("Your therapist"),
					this.accounts.findByEmail(c.email()).isPresent()));
	}

	/**
	 * Creates his client account through the invitation (the accounts module checks the
	 * password, hashes it and records the sign-up) and links him to his therapist. All or
	 * nothing: if the account cannot be created, the link still works.
	 * @throws NotFound if the link is unknown, used or expired
	 */
	@Transactional
	Person acceptInvitation(String token, String displayName, String password, @Nullable String address) {
		Consultation c = redeem(token);
		Person client = this.accounts.signUpInvited(c.email(), displayName, password, address);
		join(c, client.id());
		return client;
	}

	/**
	 * Links the account already there, signed in with the address the invitation went to,
	 * to the therapist: his client account, or the account of a partner who asked for
	 * care of her own (it stays a partner's account, with everything in it).
	 * @throws NotFound if the link does not work, or belongs to another address
	 */
	@Transactional
	void acceptInvitationSignedIn(String token, SignedIn person) {
		Person client = this.accounts.find(person.account())
			.filter((p) -> p.role() == Role.CLIENT || p.role() == Role.PARTNER)
			.orElseThrow(NotFound::new);
		Consultation c = redeem(token);
		if (!client.email().equalsIgnoreCase(c.email())) {
			throw new NotFound();
		}
		join(c, client.id());
	}

	private Consultation redeem(String token) {
		return this.tokens.consume(this.invitation, token)
			.flatMap(this.consultations::findById)
			.filter((c) -> c.clientId() == null && c.email() != null && c.therapistId() != null)
			.orElseThrow(NotFound::new);
	}

	private void join(Consultation c, AccountId client) {
		Instant now = this.clock.instant();
		this.assignments.assign(client, c.therapistId(), now);
		c.joined(client.value());
		this.consultations.save(c);
		record(c, Kind.CLIENT_JOINED, client.value(), now);
	}

	private void record(Consultation c, Kind kind, @Nullable UUID actor, Instant now) {
		this.changes.save(ConsultationChange.of(c, kind, actor, now));
	}

}
