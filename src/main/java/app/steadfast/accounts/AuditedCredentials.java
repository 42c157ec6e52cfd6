package app.steadfast.accounts;

import java.util.List;
import java.util.UUID;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * The passkey store, with every passkey added or removed written to the audit log.
 */
final class AuditedCredentials implements UserCredentialRepository {

	private final UserCredentialRepository store;

	private final PublicKeyCredentialUserEntityRepository users;

	private final Accounts accounts;

	private final AuditLog audit;

	AuditedCredentials(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository users, Accounts accounts,
			AuditLog audit) {
		this.store = store;
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public void delete(Bytes credentialId) {
		CredentialRecord record = this.store.findByCredentialId(credentialId);
		this.store.delete(credentialId);
		if (record != null) {
			UUID account = accountOf(record.getUserEntityUserId());
			if (account != null) {
				this.audit.record(AuditEntry.security(AuditAction.PASSKEY_REMOVED, account, account, null));
			}
		}
	}

	@Override
	public void save(CredentialRecord record) {
		boolean added = this.store.findByCredentialId(record.getCredentialId()) == null;
		this.store.save(record);
		if (added) {
			UUID account = accountOf(record.getUserEntityUserId());
			if (account != null) {
				this.audit.record(AuditEntry.security(AuditAction.PASSKEY_ADDED, account, account, null));
			}
		}
	}

	@Override
	public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.store.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.store.findByUserId(userId);
	}

	private @Nullable UUID accountOf(Bytes userId) {
		PublicKeyCredentialUserEntity user = this.users.findById(userId);
		if (user == null) {
			return null;
		}
		return this.accounts.findByEmail(user.getName()).map(Account::uuid).orElse(null);
	}

}
