package app.steadfast.commitments;

import java.time.Instant;
import java.util.UUID;

import app.steadfast.shared.Encryption;
import app.steadfast.shared.EncryptionBinding;

/**
 * Wording a commitment had before he rewrote it, kept with the commitment (in
 * {@code commitment_wording}).
 *
 * @param changedAt when he rewrote it
 * @param oldTitle what it said, sealed (bound to this table, the commitment and its
 * owner)
 */
record EarlierWording(Instant changedAt, String oldTitle) {

	/** The wording he replaced, sealed. */
	static EarlierWording of(UUID commitment, UUID owner, String oldTitle, Instant changedAt, Encryption encryption) {
		return new EarlierWording(changedAt, encryption.seal(oldTitle, binding(commitment, owner)));
	}

	static EncryptionBinding binding(UUID commitment, UUID owner) {
		return EncryptionBinding.of("commitment_wording", commitment, owner);
	}

}
