package app.steadfast.shared;

import app.steadfast.SteadfastTest;

import java.util.List;
import java.util.UUID;

import app.steadfast.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the encryption service seals is stored as ciphertext: a dump of the database holds
 * no plaintext, and the row reads back only through the service with its own binding.
 */
@SteadfastTest
class EncryptionAtRestTests {

	@Autowired
	Encryption encryption;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDatabaseDumpHoldsNoPlaintext() {
		String sentinel = "SENTINEL-" + UUID.randomUUID() + " I hid the messages from my partner";
		this.jdbc
			.sql("CREATE TABLE IF NOT EXISTS encryption_probe (id UUID PRIMARY KEY, owner_id UUID NOT NULL, "
					+ "body VARCHAR(4000) NOT NULL)")
			.update();
		UUID id = UUID.randomUUID();
		UUID owner = UUID.randomUUID();
		EncryptionBinding binding = EncryptionBinding.of("encryption_probe", id, owner);
		this.jdbc.sql("INSERT INTO encryption_probe (id, owner_id, body) VALUES (:id, :owner, :body)")
			.param("id", id)
			.param("owner", owner)
			.param("body", this.encryption.seal(sentinel, binding))
			.update();

		String dump = String.join("\n", dump());
		assertThat(dump).contains(id.toString()).doesNotContain(sentinel).doesNotContain("SENTINEL-");

		String stored = this.jdbc.sql("SELECT body FROM encryption_probe WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(this.encryption.open(stored, binding)).isEqualTo(sentinel);
	}

	private List<String> dump() {
		if (TestDatabases.onPostgres()) {
			// Every column of every row, as PostgreSQL prints it.
			return this.jdbc.sql("SELECT p::text FROM encryption_probe p").query(String.class).list();
		}
		return this.jdbc.sql("SCRIPT").query((rs, i) -> rs.getString(1)).list();
	}

}
