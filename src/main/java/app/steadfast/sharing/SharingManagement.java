package app.steadfast.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.steadfast.accounts.AccountId;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.NotFound;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sharing module's API: the store of grants and the one decision every capability
 * asks. Grants are written by the screens that own them (the couple and care modules);
 * capabilities only ask {@link #maySee} or {@link #requireVisible}.
 */
@Service
public class SharingManagement {

	private final ShareGrants grants;

	private final AuditLog audit;

	private final Clock clock;

	SharingManagement(ShareGrants grants, AuditLog audit, Clock clock) {
		this.grants = grants;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Whether the viewer may see the owner's record of this category. The owner always
	 * may. For anyone else it takes an active grant (not revoked, not paused, not
	 * expired), and each allowed read is written to the audit log with the grant's kind
	 * as its reason.
	 * @param recordRef the record's id, for the audit log
	 */
	@Transactional(readOnly = true)
	public boolean maySee(AccountId viewer, AccountId owner, Category category, String recordRef) {
		if (viewer.equals(owner)) {
			return true;
		}
		Optional<Grant> grant = activeGrant(viewer, owner, category);
		grant.ifPresent((g) -> this.audit
			.record(AuditEntry.read(viewer.value(), owner.value(), category.name(), recordRef, g.kind().name())));
		return grant.isPresent();
	}

	/**
	 * {@link #maySee} for many owners at once, with a fixed number of statements: which
	 * of them let the viewer see their records of this category. The viewer always sees
	 * his own; every other allowed read is written to the audit log, one row per owner in
	 * the order given, with the reason {@link #maySee} would give.
	 * @param recordRef the records' id, for the audit log
	 * @return the owners whose records the viewer may see
	 */
	@Transactional(readOnly = true)
	public Set<AccountId> visibleAmong(AccountId viewer, Collection<AccountId> owners, Category category,
			String recordRef) {
		Set<AccountId> visible = new LinkedHashSet<>();
		List<UUID> others = owners.stream().filter((o) -> !o.equals(viewer)).map(AccountId::value).distinct().toList();
		Map<AccountId, Grant> grants = new HashMap<>();
		if (!others.isEmpty()) {
			Instant now = this.clock.instant();
			this.grants.findByGranteeIdAndCategoryAndOwnerIdIn(viewer.value(), category, others)
				.stream()
				.map(ShareGrant::view)
				.filter((g) -> g.isActiveAt(now))
				.forEach((g) -> grants.merge(g.owner(), g, (a, b) -> b.createdAt().isBefore(a.createdAt()) ? b : a));
		}
		List<AuditEntry> reads = new ArrayList<>();
		for (AccountId owner : owners) {
			if (owner.equals(viewer)) {
				visible.add(owner);
			}
			else if (grants.containsKey(owner) && visible.add(owner)) {
				reads.add(AuditEntry.read(viewer.value(), owner.value(), category.name(), recordRef,
						grants.get(owner).kind().name()));
			}
		}
		this.audit.recordAll(reads);
		return visible;
	}

	/**
	 * Like {@link #maySee}, for showing a record: a refusal throws {@link NotFound}, so
	 * it answers exactly like a record that does not exist.
	 */
	public void requireVisible(AccountId viewer, AccountId owner, Category category, String recordRef) {
		if (!maySee(viewer, owner, category, recordRef)) {
			throw new NotFound();
		}
	}

	/**
	 * The owner grants the grantee sight of one category. An expiry, if given, must lie
	 * in the future; break-glass grants must have one.
	 */
	@Transactional
	public GrantId grant(AccountId owner, AccountId grantee, Category category, GrantKind kind,
			@Nullable Instant expiresAt) {
		Instant now = this.clock.instant();
		if (owner.equals(grantee)) {
			throw new IllegalArgumentException("An owner needs no grant to see their own records");
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

	/**
	 * The owner takes a grant back; it stops opening records at once.
	 * @throws NotFound if the grant does not exist or is not the owner's
	 */
	@Transactional
	public void revoke(AccountId owner, GrantId id) {
		ShareGrant grant = owned(owner, id);
		grant.revoke(this.clock.instant());
		this.grants.save(grant);
		this.audit.record(new AuditEntry(AuditAction.GRANT_REVOKED, owner.value(), grant.view().grantee().value(),
				grant.view().category().name(), id.value().toString(), grant.view().kind().name(), null));
	}

	/** Pauses a grant (the partner's safety pause); it opens nothing until resumed. */
	@Transactional
	public void pause(GrantId id) {
		ShareGrant grant = this.grants.findById(id.value()).orElseThrow(NotFound::new);
		grant.pause();
		this.grants.save(grant);
		this.audit.record(new AuditEntry(AuditAction.GRANT_PAUSED, null, grant.ownerId(),
				grant.view().category().name(), id.value().toString(), grant.view().kind().name(), null));
	}

	/** Resumes a paused grant. */
	@Transactional
	public void resume(GrantId id) {
		ShareGrant grant = this.grants.findById(id.value()).orElseThrow(NotFound::new);
		grant.resume();
		this.grants.save(grant);
		this.audit.record(new AuditEntry(AuditAction.GRANT_RESUMED, null, grant.ownerId(),
				grant.view().category().name(), id.value().toString(), grant.view().kind().name(), null));
	}

	/**
	 * Every grant the owner has made, newest first, including revoked and expired ones.
	 */
	@Transactional(readOnly = true)
	public List<Grant> grantsBy(AccountId owner) {
		return this.grants.findByOwnerIdOrderByCreatedAtDesc(owner.value()).stream().map(ShareGrant::view).toList();
	}

	/** The grants that open records to the grantee right now. */
	@Transactional(readOnly = true)
	public List<Grant> activeGrantsTo(AccountId grantee) {
		Instant now = this.clock.instant();
		return this.grants.findByGranteeIdOrderByCreatedAtDesc(grantee.value())
			.stream()
			.map(ShareGrant::view)
			.filter((g) -> g.isActiveAt(now))
			.toList();
	}

	private Optional<Grant> activeGrant(AccountId viewer, AccountId owner, Category category) {
		Instant now = this.clock.instant();
		return this.grants.findByOwnerIdAndGranteeIdAndCategory(owner.value(), viewer.value(), category)
			.stream()
			.map(ShareGrant::view)
			.filter((g) -> g.isActiveAt(now))
			.min(Comparator.comparing(Grant::createdAt));
	}

	private ShareGrant owned(AccountId owner, GrantId id) {
		return this.grants.findById(id.value())
			.filter((g) -> g.ownerId().equals(owner.value()))
			.orElseThrow(NotFound::new);
	}

}
