package app.steadfast.sharing;

import java.time.Instant;
import java.util.UUID;

import app.steadfast.shared.AccountId;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * A grant as stored. Revoking keeps the row (the owner's history of who could see what)
 * but it never opens anything again.
 */
class ShareGrant {

	@Id
	private final UUID id;

	private final UUID ownerId;

	private final UUID granteeId;

	private final Category category;

	private final GrantKind kind;

	private final Instant createdAt;

	private final Instant expiresAt;

	private boolean paused;

	private Instant revokedAt;

	@Version
	private Long version;

	@PersistenceCreator
	ShareGrant(UUID id, UUID ownerId, UUID granteeId, Category category, GrantKind kind, Instant createdAt,
			Instant expiresAt, boolean paused, Instant revokedAt, Long version) {
		this.id = id;
		this.ownerId = ownerId;
		this.granteeId = granteeId;
		this.category = category;
		this.kind = kind;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.paused = paused;
		this.revokedAt = revokedAt;
		this.version = version;
	}

	static ShareGrant grant(AccountId owner, AccountId grantee, Category category, GrantKind kind, Instant now,
			Instant expiresAt) {
		return new ShareGrant(UUID.randomUUID(), owner.value(), grantee.value(), category, kind, now, expiresAt, false,
				null, null);
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	void pause() {
		this.paused = true;
	}

	void resume() {
		this.paused = false;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	Grant view() {
		return new Grant(new GrantId(this.id), new AccountId(this.ownerId), new AccountId(this.granteeId),
				this.category, this.kind, this.createdAt, this.expiresAt, this.paused, this.revokedAt);
	}

}
