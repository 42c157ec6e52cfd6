package app.steadfast.sharing;

import java.time.Instant;

import app.steadfast.shared.AccountId;

import org.jspecify.annotations.Nullable;

/**
 * A grant as the screens show it.
 *
 * @param id the grant
 * @param owner whose records it opens
 * @param grantee who may see them
 * @param category which kind of record
 * @param kind why it exists
 * @param createdAt when the owner granted it
 * @param expiresAt when it stops working by itself, if ever
 * @param paused whether it is paused (for example by a partner's safety pause)
 * @param revokedAt when the owner took it back, if they did
 */
public record Grant(GrantId id, AccountId owner, AccountId grantee, Category category, GrantKind kind,
		Instant createdAt, @Nullable Instant expiresAt, boolean paused, @Nullable Instant revokedAt) {

	/**
	 * Whether the grant opens records at the given moment; never for a category no one
	 * may be granted.
	 */
	public boolean isActiveAt(Instant moment) {
		return this.category.grantable() && this.revokedAt == null && !this.paused
				&& (this.expiresAt == null || this.expiresAt.isAfter(moment));
	}

}
