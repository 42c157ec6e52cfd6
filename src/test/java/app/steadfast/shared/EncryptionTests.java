package app.steadfast.shared;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionTests {

	private static final String SENTINEL = "I lied to her about the money in March";

	private final String keyset = Encryption.newKeyset();

	private final Encryption encryption = new Encryption(this.keyset);

	private final EncryptionBinding binding = EncryptionBinding.of("journal_entry", "row-1", "owner-1");

	@Test
	void roundTripReturnsTheText() {
		String sealed = this.encryption.seal(SENTINEL, this.binding);
		assertThat(sealed).doesNotContain("lied").isNotEqualTo(SENTINEL);
		assertThat(this.encryption.open(sealed, this.binding)).isEqualTo(SENTINEL);
	}

	@Test
	void sealingTwiceGivesDifferentCiphertexts() {
		assertThat(this.encryption.seal(SENTINEL, this.binding))
			.isNotEqualTo(this.encryption.seal(SENTINEL, this.binding));
	}

	@Test
	void nullStaysNull() {
		assertThat(this.encryption.seal(null, this.binding)).isNull();
		assertThat(this.encryption.open(null, this.binding)).isNull();
	}

	@Test
	void aTamperedByteFails() {
		byte[] sealed = Base64.getDecoder().decode(this.encryption.seal(SENTINEL, this.binding));
		sealed[sealed.length - 5] ^= 0x01;
		String tampered = Base64.getEncoder().encodeToString(sealed);
		assertThatThrownBy(() -> this.encryption.open(tampered, this.binding)).isInstanceOf(EncryptionFailed.class)
			.hasMessageNotContaining(SENTINEL);
	}

	@Test
	void aValueMovedToAnotherRowFails() {
		String sealed = this.encryption.seal(SENTINEL, this.binding);
		assertThatThrownBy(
				() -> this.encryption.open(sealed, EncryptionBinding.of("journal_entry", "row-2", "owner-1")))
			.isInstanceOf(EncryptionFailed.class);
	}

	@Test
	void aValueMovedToAnotherOwnerOrTableFails() {
		String sealed = this.encryption.seal(SENTINEL, this.binding);
		assertThatThrownBy(
				() -> this.encryption.open(sealed, EncryptionBinding.of("journal_entry", "row-1", "owner-2")))
			.isInstanceOf(EncryptionFailed.class);
		assertThatThrownBy(() -> this.encryption.open(sealed, EncryptionBinding.of("check_in", "row-1", "owner-1")))
			.isInstanceOf(EncryptionFailed.class);
	}

	@Test
	void bindingPartsCannotBeShiftedIntoEachOther() {
		String sealed = this.encryption.seal(SENTINEL, EncryptionBinding.of("ab", "c", "o"));
		assertThatThrownBy(() -> this.encryption.open(sealed, EncryptionBinding.of("a", "bc", "o")))
			.isInstanceOf(EncryptionFailed.class);
	}

	@Test
	void aRotatedKeysetStillOpensOldValuesAndSealsWithTheNewKey() {
		String old = this.encryption.seal(SENTINEL, this.binding);
		Encryption rotated = new Encryption(Encryption.rotate(this.keyset));
		assertThat(rotated.keyIds()).hasSize(2);
		assertThat(rotated.keyIds().get(0)).isNotEqualTo(this.encryption.keyIds().get(0));
		assertThat(rotated.open(old, this.binding)).isEqualTo(SENTINEL);
		String fresh = rotated.seal(SENTINEL, this.binding);
		assertThat(rotated.open(fresh, this.binding)).isEqualTo(SENTINEL);
		// The old keyset lacks the new primary key, so it cannot open what the new one
		// sealed.
		assertThatThrownBy(() -> this.encryption.open(fresh, this.binding)).isInstanceOf(EncryptionFailed.class);
	}

	@Test
	void anotherDeploymentsKeyCannotOpenAValue() {
		String sealed = this.encryption.seal(SENTINEL, this.binding);
		assertThatThrownBy(() -> new Encryption(Encryption.newKeyset()).open(sealed, this.binding))
			.isInstanceOf(EncryptionFailed.class);
	}

	@Test
	void aKeysetFileIsGeneratedOnceAndThenReused(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("data/keyset.json");
		String first = Encryption.readKeysetFile(file, true);
		String second = Encryption.readKeysetFile(file, true);
		assertThat(second).isEqualTo(first);
		assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
	}

	@Test
	void aMissingKeysetFileIsAnErrorWhenGenerationIsOff(@TempDir Path folder) {
		assertThatThrownBy(() -> Encryption.readKeysetFile(folder.resolve("none.json"), false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("steadfast.encryption.keyset");
	}

}
