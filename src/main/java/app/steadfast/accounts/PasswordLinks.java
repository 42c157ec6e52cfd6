package app.steadfast.accounts;

import java.util.Optional;
import java.util.UUID;

import app.steadfast.accounts.PasswordTokens.Purpose;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.Mail;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing a password through an emailed link: the invitation a new staff account gets,
 * and the reset of a forgotten one. Each link works once; using it ends every session of
 * the account.
 */
@Component
class PasswordLinks {

	private final Accounts accounts;

	private final PasswordTokens tokens;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final Sessions sessions;

	private final AuditLog audit;

	private final Postbox postbox;

	private final Practice practice;

	PasswordLinks(Accounts accounts, PasswordTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
			Sessions sessions, AuditLog audit, Postbox postbox, Practice practice) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.policy = policy;
		this.encoder = encoder;
		this.sessions = sessions;
		this.audit = audit;
		this.postbox = postbox;
		this.practice = practice;
	}

	/** Emails a new staff account a link to choose its password (valid for 7 days). */
	void invite(Account account) {
		String token = this.tokens.issue(account.uuid(), Purpose.INVITATION);
		this.postbox.send(new Mail(account.email(), "Your " + this.practice.name() + " staff account", """
				Hello %s,

				An account has been created for you at %s. To start, choose your password here:

				%s

				The link works once and for 7 days. If you weren't expecting this, you can ignore it.
				""".formatted(account.displayName(), this.practice.name(), link(token))));
	}

	/**
	 * Emails a reset link if an account uses the address; does nothing visible otherwise.
	 * The reset form calls it after its answer left ({@link AccountRequests}), so the
	 * answer never tells, nor takes longer, whether an address has an account.
	 */
	@Transactional
	void requestReset(String email, @Nullable String address) {
		this.accounts.findByEmail(Account.normalise(email)).ifPresent((account) -> {
			String token = this.tokens.issue(account.uuid(), Purpose.RESET);
			this.audit.record(AuditEntry.security(AuditAction.PASSWORD_RESET_REQUESTED, null, account.uuid(), address));
			this.postbox.send(new Mail(account.email(), "Reset your " + this.practice.name() + " password",
					"""
							Hello %s,

							Someone asked to reset the password for your account. If it was you, choose a new one here:

							%s

							The link works once and for 30 minutes. If it wasn't you, ignore this email; your password stays as it is.
							"""
						.formatted(account.displayName(), link(token))));
		});
	}

	/** Whether a reset or invitation link still works, and which it is. */
	@Transactional(readOnly = true)
	Optional<PasswordLink> check(String token) {
		return this.tokens.peek(token)
			.map((redeemable) -> (redeemable.purpose() == Purpose.INVITATION) ? PasswordLink.INVITATION
					: PasswordLink.RESET);
	}

	/**
	 * Sets a new password through a reset or invitation link, using the link up and
	 * ending every session of the account.
	 * @throws InvalidAccountInput if the password is not acceptable
	 * @throws NotFound if the link is unknown, used or expired
	 */
	@Transactional
	void reset(String token, String newPassword) {
		this.policy.problem(newPassword).ifPresent((problem) -> {
			throw new InvalidAccountInput("password", problem);
		});
		UUID accountId = this.tokens.redeem(token).orElseThrow(NotFound::new).accountId();
		Account account = this.accounts.findById(accountId).orElseThrow(NotFound::new);
		account.changePassword(this.encoder.encode(newPassword));
		this.accounts.save(account);
		this.sessions.endAllExcept(account.email(), null);
		this.audit.record(AuditEntry.security(AuditAction.PASSWORD_RESET, account.uuid(), account.uuid(), null));
	}

	private String link(String token) {
		return this.practice.baseUrl().replaceAll("/+$", "") + "/accounts/reset?token=" + token;
	}

}
