package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import app.steadfast.shared.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * A person's account. Its email is stored trimmed and in lower case.
 */
class Account {

	@Id
	private final UUID id;

	private final String email;

	private final String displayName;

	private String passwordHash;

	private Role role;

	private final Instant createdAt;

	private String zone;

	@Version
	private Long version;

	@PersistenceCreator
	Account(UUID id, String email, String displayName, String passwordHash, Role role, Instant createdAt, String zone,
			Long version) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
		this.zone = zone;
		this.version = version;
	}

	static Account create(String email, String displayName, String passwordHash, Role role, ZoneId zone, Instant now) {
		return new Account(UUID.randomUUID(), normalise(email), displayName.strip(), passwordHash, role, now,
				zone.getId(), null);
	}

	static String normalise(String email) {
		return (email != null) ? email.strip().toLowerCase(java.util.Locale.ROOT) : "";
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	void changeRole(Role newRole) {
		this.role = newRole;
	}

	void changeZone(ZoneId newZone) {
		this.zone = newZone.getId();
	}

	AccountId id() {
		return new AccountId(this.id);
	}

	UUID uuid() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	/** The zone id as stored; {@link TimeZones} reads it, falling back when unknown. */
	String zone() {
		return this.zone;
	}

	Person person() {
		return new Person(id(), this.email, this.displayName, this.role);
	}

}
