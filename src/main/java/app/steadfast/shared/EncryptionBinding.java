package app.steadfast.shared;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an encrypted value lives: its table, its row and its owner. The binding is
 * authenticated with the value, so a value copied to another row, table or owner no
 * longer opens.
 *
 * @param table the table that holds the value
 * @param rowId the row's id
 * @param ownerId the id of the person who owns the value
 */
public record EncryptionBinding(String table, String rowId, String ownerId) {

	public EncryptionBinding {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(rowId, "rowId");
		Objects.requireNonNull(ownerId, "ownerId");
	}

	/** A binding from any ids, using their text form. */
	public static EncryptionBinding of(String table, Object rowId, Object ownerId) {
		return new EncryptionBinding(table, String.valueOf(rowId), String.valueOf(ownerId));
	}

	byte[] associatedData() {
		// Length-prefixed so that ("ab","c") and ("a","bc") never bind alike.
		StringBuilder data = new StringBuilder("steadfast/v1");
		for (String part : new String[] { this.table, this.rowId, this.ownerId }) {
			data.append('|').append(part.length()).append(':').append(part);
		}
		return data.toString().getBytes(StandardCharsets.UTF_8);
	}

}
