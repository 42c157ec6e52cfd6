package app.steadfast.accounts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;

/**
 * A person's passkeys, read from and removed in the JDBC stores Spring Security's
 * WebAuthn support writes, so every node sees the same ones.
 */
@Component
class Passkeys {

	/** One passkey as its owner sees it. */
	record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
	}

	private final PublicKeyCredentialUserEntityRepository users;

	private final UserCredentialRepository credentials;

	Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials) {
		this.users = users;
		this.credentials = credentials;
	}

	/** The person's passkeys, newest first. */
	List<Passkey> list(String email) {
		return user(email)
			.map((user) -> this.credentials.findByUserId(user.getId())
				.stream()
				.map((record) -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
						record.getCreated(), record.getLastUsed()))
				.sorted(Comparator.comparing(Passkey::created, Comparator.nullsLast(Comparator.reverseOrder())))
				.toList())
			.orElse(List.of());
	}

	/** Removes one of the person's own passkeys; false when it is not his. */
	boolean remove(String email, String id) {
		Optional<PublicKeyCredentialUserEntity> user = user(email);
		if (user.isEmpty() || id == null || !id.matches("[A-Za-z0-9_-]{1,1000}")) {
			return false;
		}
		Bytes credentialId = Bytes.fromBase64(id);
		CredentialRecord record = this.credentials.findByCredentialId(credentialId);
		if (record == null || !record.getUserEntityUserId().equals(user.get().getId())) {
			return false;
		}
		this.credentials.delete(credentialId);
		return true;
	}

	/** Removes every passkey of the person and the handle that names him. */
	void forget(String email) {
		user(email).ifPresent((user) -> {
			this.credentials.findByUserId(user.getId())
				.forEach((record) -> this.credentials.delete(record.getCredentialId()));
			this.users.delete(user.getId());
		});
	}

	private Optional<PublicKeyCredentialUserEntity> user(String email) {
		return Optional.ofNullable(this.users.findByUsername(email));
	}

}
