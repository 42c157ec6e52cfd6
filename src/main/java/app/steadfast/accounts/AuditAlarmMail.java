package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.util.Set;

import app.steadfast.audit.AuditChainBroken;
import app.steadfast.shared.Mail;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells every active admin, by email, that the audit chain check failed. The email says
 * only that, and where to look: no row, no person, nothing anyone wrote.
 */
@Component
class AuditAlarmMail {

	static final String SUBJECT = "The audit log needs a look";

	private final AccountManagement accounts;

	private final Postbox postbox;

	private final Practice practice;

	AuditAlarmMail(AccountManagement accounts, Postbox postbox, Practice practice) {
		this.accounts = accounts;
		this.postbox = postbox;
		this.practice = practice;
	}

	@ApplicationModuleListener
	void on(AuditChainBroken broken) {
		Set<AccountId> deactivated = this.accounts.deactivatedStaff();
		String link = this.practice.baseUrl().replaceAll("/+$", "") + "/admin/audit";
		for (Person admin : this.accounts.staff()) {
			if (admin.role() == Role.ADMIN && !deactivated.contains(admin.id())) {
				this.postbox.send(new Mail(admin.email(), SUBJECT, """
						Hello %s,

						Steadfast checks its audit log regularly. The last check found that the log
						no longer matches what was written, or that rows copied outside the database
						earlier are missing from it. This email says no more on purpose.

						See where the problem starts, after signing in:
						%s

						Keep a copy of the database before anything is changed.
						""".formatted(admin.displayName(), link)));
			}
		}
	}

}
