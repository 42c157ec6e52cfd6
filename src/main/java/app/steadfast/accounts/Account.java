package app.steadfast.accounts;

import java.time.Instant;
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

	@Version
	private Long version;

	@PersistenceCreator
	Account(UUID id, String email, String displayName, String passwordHash, Role role, Instant createdAt,
			Long version) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Account create(String email, String displayName, String passwordHash, Role role, Instant now) {
		return new Account(UUID.randomUUID(), normalise(email), displayName.strip(), passwordHash, role, now, null);
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

	Person person() {
		return new Person(id(), this.email, this.displayName, this.role);
	}

}
