package app.steadfast.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import app.steadfast.shared.Role;
import app.steadfast.shared.SignInFactors;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security and the layout see them. Kept in the session,
 * so it holds ids and names only; the password hash is erased once sign-in succeeds.
 */
final class SignedInAccount implements UserDetails, CredentialsContainer, SignedIn {

	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final String email;

	private final String displayName;

	private final Role role;

	private final boolean secondFactorRequired;

	private final ZoneId zone;

	// Added after sessions were already kept: an older session reads it as null.
	private final @Nullable Instant joinedAt;

	private String passwordHash;

	SignedInAccount(Account account, boolean secondFactorRequired, ZoneId zone) {
		this.secondFactorRequired = secondFactorRequired;
		this.zone = zone;
		this.accountId = account.uuid();
		this.email = account.email();
		this.displayName = account.displayName();
		this.role = account.role();
		this.passwordHash = account.passwordHash();
		this.joinedAt = account.createdAt();
	}

	private SignedInAccount(SignedInAccount signedIn, ZoneId zone) {
		this.accountId = signedIn.accountId;
		this.email = signedIn.email;
		this.displayName = signedIn.displayName;
		this.role = signedIn.role;
		this.secondFactorRequired = signedIn.secondFactorRequired;
		this.passwordHash = signedIn.passwordHash;
		this.joinedAt = signedIn.joinedAt;
		this.zone = zone;
	}

	@Override
	public UUID accountId() {
		return this.accountId;
	}

	@Override
	public String displayName() {
		return this.displayName;
	}

	@Override
	public Role role() {
		return this.role;
	}

	@Override
	public ZoneId zone() {
		return this.zone;
	}

	@Override
	public @Nullable Instant joinedAt() {
		return this.joinedAt;
	}

	/** The same sign-in, in another zone. */
	SignedInAccount withZone(ZoneId newZone) {
		return new SignedInAccount(this, newZone);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (this.secondFactorRequired) {
			return List.of(new SimpleGrantedAuthority(this.role.authority()),
					new SimpleGrantedAuthority(SignInFactors.SECOND_FACTOR_REQUIRED));
		}
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	/** Whether a password alone is not enough for this account. */
	boolean secondFactorRequired() {
		return this.secondFactorRequired;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInAccount that && this.accountId.equals(that.accountId);
	}

	@Override
	public int hashCode() {
		return this.accountId.hashCode();
	}

	@Override
	public String toString() {
		return "SignedInAccount[" + this.accountId + ", " + this.role + "]";
	}

}
