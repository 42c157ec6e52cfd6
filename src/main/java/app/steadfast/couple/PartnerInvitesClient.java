package app.steadfast.couple;

import java.time.Duration;
import java.util.Optional;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.shared.SingleUseTokens;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner who started on her own invites him, whenever she chooses or never: the same
 * emailed, single-use link as his invitation to her, and accepting it makes the same
 * link. Linking shows him nothing of hers: she shares category by category, as always.
 */
@Service
class PartnerInvitesClient {

	/** Her invitation: one working link per inviting partner, for 7 days. */
	static final SingleUseTokens.Kind INVITATION = new SingleUseTokens.Kind("partner_sent_invitation", "partner_id",
			"INVITED_BY_PARTNER", Duration.ofDays(7));

	private final CoupleManagement couple;

	private final AccountManagement accounts;

	private final SingleUseTokens tokens;

	private final AuditLog audit;

	private final Postbox postbox;

	private final Practice practice;

	PartnerInvitesClient(CoupleManagement couple, AccountManagement accounts, SingleUseTokens tokens, AuditLog audit,
			Postbox postbox, Practice practice) {
		this.couple = couple;
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
		this.postbox = postbox;
		this.practice = practice;
	}

	/**
	 * Whether this partner may invite now: a partner account with no active link, whose
	 * private intake (with its safety questions) is answered.
	 */
	@Transactional(readOnly = true)
	boolean mayInvite(AccountId partner) {
		return this.accounts.find(partner).filter((p) -> p.role() == Role.PARTNER).isPresent()
				&& this.couple.partnerOf(partner).isEmpty() && this.couple.intakeDone(partner);
	}

	/**
	 * She invites him by email. A newer invitation replaces an unused older one. The
	 * email carries her chosen name and the link, nothing she wrote.
	 * @throws NotFound if she may not invite now ({@link #mayInvite})
	 */
	@Transactional
	void invite(AccountId partner, String email) {
		if (!mayInvite(partner)) {
			throw new NotFound();
		}
		Person her = this.accounts.find(partner).orElseThrow(NotFound::new);
		String token = this.tokens.issue(INVITATION, partner.value());
		this.audit.record(AuditEntry.security(AuditAction.PARTNER_INVITED, partner.value(), partner.value(), null));
		this.postbox.send(new Mail(email.strip(), her.displayName() + " invited you to " + this.practice.name(),
				"""
						Hello,

						%s uses %s, a practice that helps couples rebuild trust, and has invited you to join with an account of your own.

						Joining links your two accounts. It shows you nothing of theirs: each of you decides what, if anything, to share, and either of you can end the link at any time. There is no obligation to say yes.

						If you'd like to join, open this link (it works once, for 7 days):

						%s

						If you'd rather not, you can ignore this email.
						"""
					.formatted(her.displayName(), this.practice.name(), link(token))));
	}

	/** The partner whose invitation this token is, while it still works. */
	@Transactional(readOnly = true)
	Optional<Person> invitedBy(@Nullable String token) {
		return this.tokens.peek(INVITATION, token).map(AccountId::new).flatMap(this.accounts::find);
	}

	/**
	 * Accepts her invitation with a new client account.
	 * @throws NotFound if the invitation no longer works, or she is linked by now
	 * @throws app.steadfast.accounts.InvalidAccountInput if the account details are
	 * refused
	 */
	@Transactional
	Person acceptWithNewAccount(String token, String email, String name, String password, @Nullable String address) {
		AccountId partner = this.tokens.peek(INVITATION, token).map(AccountId::new).orElseThrow(NotFound::new);
		Person client = this.accounts.signUpInvited(email, name, password, address);
		link(token, partner, client.id());
		return client;
	}

	/**
	 * Accepts her invitation with the client account already signed in.
	 * @throws NotFound if the invitation no longer works, the account is not a client's,
	 * or either of them is linked already
	 */
	@Transactional
	void acceptWithAccount(String token, AccountId client) {
		AccountId partner = this.tokens.peek(INVITATION, token).map(AccountId::new).orElseThrow(NotFound::new);
		this.accounts.find(client).filter((p) -> p.role() == Role.CLIENT).orElseThrow(NotFound::new);
		link(token, partner, client);
	}

	private void link(String token, AccountId partner, AccountId client) {
		boolean used = this.tokens.consume(INVITATION, token).filter(partner.value()::equals).isPresent();
		if (!used || this.couple.partnerOf(partner).isPresent() || this.couple.partnerOf(client).isPresent()) {
			throw new NotFound();
		}
		this.couple.insertLink(client, partner);
	}

	private String link(String token) {
		return this.practice.baseUrl().replaceAll("/+$", "") + "/couple/accept?token=" + token;
	}

}
