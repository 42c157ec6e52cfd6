package app.steadfast.accounts;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.stereotype.Component;

/**
 * Writes a sign-in with a passkey to the audit log, as password sign-ins are.
 */
@Component
class PasskeySignIns {

	private final Accounts accounts;

	private final AuditLog audit;

	PasskeySignIns(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (!(event.getAuthentication() instanceof WebAuthnAuthentication passkey)) {
			return;
		}
		String address = (passkey.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		this.accounts.findByEmail(Account.normalise(passkey.getName()))
			.ifPresent((account) -> this.audit.record(new AuditEntry(AuditAction.SIGNED_IN, account.uuid(),
					account.uuid(), null, null, "PASSKEY", address)));
	}

}
