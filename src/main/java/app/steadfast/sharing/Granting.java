package app.steadfast.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.NotFound;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving, taking back, pausing and resuming grants, each written to the audit log, and
 * the list of grants an owner has made.
 */
@Component
class Granting {

	private final ShareGrants grants;

	private final AuditLog audit;

	private final Clock clock;

	Granting(ShareGrants grants, AuditLog audit, Clock clock) {
		this.grants = grants;
		this.audit = audit;
		this.clock = clock;
	}

	/** See {@link SharingManagement#grant}. */
	@Transactional
	GrantId grant(AccountId owner, AccountId grantee, Category category, GrantKind kind, @Nullable Instant expiresAt) {
		Instant now = this.clock.instant();
		if (owner.equals(grantee)) {
			throw new IllegalArgumentException("An owner needs no grant to see their own records");
		}
		if (!category.grantable()) {
			throw new IllegalArgumentException(
					category.label() + " are their owner's alone; no one can be granted them");
		}
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("A grant's expiry must lie in the future");
		}
		if (kind == GrantKind.BREAK_GLASS && expiresAt == null) {
			throw new IllegalArgumentException("Break-glass access always expires");
		}
		ShareGrant grant = this.grants.save(ShareGrant.grant(owner, grantee, category, kind, now, expiresAt));
		this.audit.record(new AuditEntry(AuditAction.GRANT_CREATED, owner.value(), grantee.value(), category.name(),
				grant.view().id().value().toString(), kind.name(), null));
		return grant.view().id();
	}

	/** See {@link SharingManagement#revoke}. */
	@Transactional
	void revoke(AccountId owner, GrantId id) {
		ShareGrant grant = owned(owner, id);
		grant.revoke(this.clock.instant());
		this.grants.save(grant);
		this.audit.record(new AuditEntry(AuditAction.GRANT_REVOKED, owner.value(), grant.view().grantee().value(),
				grant.view().category().name(), id.value().toString(), grant.view().kind().name(), null));
	}

	/** See {@link SharingManagement#pause}. */
	@Transactional
	void pause(GrantId id) {
		ShareGrant grant = this.grants.findById(id.value()).orElseThrow(NotFound::new);
		grant.pause();
		this.grants.save(grant);
		this.audit.record(new AuditEntry(AuditAction.GRANT_PAUSED, null, grant.ownerId(),
				grant.view().category().name(), id.value().toString(), grant.view().kind().name(), null));
	}

	/** See {@link SharingManagement#resume}. */
	@Transactional
	void resume(GrantId id) {
		ShareGrant grant = this.grants.findById(id.value()).orElseThrow(NotFound::new);
		grant.resume();
		this.grants.save(grant);
		this.audit.record(new AuditEntry(AuditAction.GRANT_RESUMED, null, grant.ownerId(),
				grant.view().category().name(), id.value().toString(), grant.view().kind().name(), null));
	}

	/** See {@link SharingManagement#grantsBy}. */
	@Transactional(readOnly = true)
	List<Grant> grantsBy(AccountId owner) {
		return this.grants.findByOwnerIdOrderByCreatedAtDesc(owner.value()).stream().map(ShareGrant::view).toList();
	}

	private ShareGrant owned(AccountId owner, GrantId id) {
		return this.grants.findById(id.value())
			.filter((g) -> g.ownerId().equals(owner.value()))
			.orElseThrow(NotFound::new);
	}

}
