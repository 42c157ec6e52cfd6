package app.steadfast.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.Hkdf;

/**
 * Encrypts free text at rest with AES-256-GCM (a Tink keyset). Each value is bound to its
 * table, row and owner. The keyset may hold several keys: the primary one seals, every
 * one opens, so adding a new primary key (rotation) keeps old rows readable.
 */
public class Encryption {

	static {
		try {
			AeadConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Tink AEAD could not be registered", ex);
		}
	}

	private final KeysetHandle keyset;

	private final Aead aead;

	private final Map<String, SecretKeySpec> macKeys = new ConcurrentHashMap<>();

	/** Uses the given keyset, in Tink's JSON form. */
	public Encryption(String keysetJson) {
		try {
			this.keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
			this.aead = this.keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The encryption keyset is not a valid Tink AEAD keyset", ex);
		}
	}

	/**
	 * Seals text for storage; {@code null} stays {@code null}.
	 * @return the ciphertext in Base64, safe for a text column
	 */
	public String seal(String plaintext, EncryptionBinding binding) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] sealed = this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData());
			return Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new EncryptionFailed("A value could not be sealed for " + binding.table(), ex);
		}
	}

	/**
	 * Opens a value sealed by {@link #seal}; {@code null} stays {@code null}.
	 * @throws EncryptionFailed if the value was altered, belongs to another binding, or
	 * no key in the keyset opens it
	 */
	public String open(String sealed, EncryptionBinding binding) {
		if (sealed == null) {
			return null;
		}
		try {
			byte[] plain = this.aead.decrypt(Base64.getDecoder().decode(sealed), binding.associatedData());
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new EncryptionFailed("A value in " + binding.table() + " could not be opened", ex);
		}
	}

	/** The id of the primary key: the one that seals, and that new MACs are made with. */
	public int primaryKeyId() {
		return this.keyset.getPrimary().getId();
	}

	/**
	 * A message authentication code (HMAC-SHA256) of the message, with a key derived
	 * (HKDF-SHA256) from the keyset's key of the given id and the purpose, so each
	 * purpose has a key of its own and none of them is the key that seals. Only someone
	 * holding the keyset can make or check one; nothing of the key is ever stored with
	 * the data.
	 * @throws EncryptionFailed if the keyset holds no key of that id
	 */
	public byte[] authenticate(int keyId, String purpose, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.macKeys.computeIfAbsent(keyId + "/" + purpose, (name) -> macKey(keyId, purpose)));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Whether the keyset holds a key of this id. */
	public boolean holdsKey(int keyId) {
		return keyIds().contains(keyId);
	}

	private SecretKeySpec macKey(int keyId, String purpose) {
		for (int i = 0; i < this.keyset.size(); i++) {
			KeysetHandle.Entry entry = this.keyset.getAt(i);
			if (entry.getId() != keyId) {
				continue;
			}
			if (!(entry.getKey() instanceof AesGcmKey key)) {
				throw new EncryptionFailed("Key " + keyId + " is not an AES-GCM key; MAC keys are derived from those",
						null);
			}
			try {
				byte[] derived = Hkdf.computeHkdf("HMACSHA256",
						key.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), new byte[0],
						("steadfast " + purpose).getBytes(StandardCharsets.UTF_8), 32);
				return new SecretKeySpec(derived, "HmacSHA256");
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("A MAC key could not be derived", ex);
			}
		}
		throw new EncryptionFailed("The keyset holds no key " + keyId, null);
	}

	/** The ids of the keys this deployment holds, the primary one first. */
	public List<Integer> keyIds() {
		int primary = this.keyset.getPrimary().getId();
		return java.util.stream.IntStream.range(0, this.keyset.size())
			.mapToObj((i) -> this.keyset.getAt(i).getId())
			.sorted((a, b) -> (a == primary) ? -1 : (b == primary) ? 1 : Integer.compare(a, b))
			.toList();
	}

	/** A new keyset with one AES-256-GCM key, in Tink's JSON form. */
	public static String newKeyset() {
		try {
			return TinkJsonProtoKeysetFormat.serializeKeyset(
					KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A keyset could not be generated", ex);
		}
	}

	/**
	 * Rotation: the given keyset plus a new AES-256-GCM key that becomes primary. Old
	 * keys stay, so values sealed with them still open.
	 */
	public static String rotate(String keysetJson) {
		try {
			KeysetHandle current = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
			KeysetHandle rotated = KeysetHandle.newBuilder(current)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The keyset could not be rotated", ex);
		}
	}

	/**
	 * Reads a keyset file, first writing a new keyset there if it is missing and that is
	 * allowed.
	 */
	static String readKeysetFile(Path file, boolean generateIfMissing) {
		try {
			if (Files.notExists(file)) {
				if (!generateIfMissing) {
					throw new IllegalStateException("No encryption keyset at " + file
							+ "; set steadfast.encryption.keyset or steadfast.encryption.keyset-file");
				}
				writeKeysetFile(file, newKeyset());
			}
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeKeysetFile(Path file, String keysetJson) throws IOException {
		Path parent = PrivateFiles.folder(file.toAbsolutePath().getParent());
		Path temporary = Files.createTempFile(parent, "keyset", ".tmp");
		try {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system; the folder's own permissions protect it.
		}
		Files.writeString(temporary, keysetJson, StandardOpenOption.TRUNCATE_EXISTING);
		Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
