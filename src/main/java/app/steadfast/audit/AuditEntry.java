package app.steadfast.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One event to record: who did what to whose data, and why. Codes only, never free text:
 * the constructor refuses values that are not short codes, so clinical text cannot slip
 * in.
 *
 * @param action what happened
 * @param actorId who did it, if known
 * @param subjectId whose account or data it concerned, if anyone's
 * @param category the kind of data, for reads (for example {@code CHECKINS})
 * @param recordRef which record, as an id
 * @param reason why it was allowed, as a code (for example {@code PARTNER})
 * @param address the network address the request came from
 */
public record AuditEntry(AuditAction action, @Nullable UUID actorId, @Nullable UUID subjectId,
		@Nullable String category, @Nullable String recordRef, @Nullable String reason, @Nullable String address) {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:/-]{1,80}");

	public AuditEntry {
		requireCode("category", category);
		requireCode("recordRef", recordRef);
		requireCode("reason", reason);
		if (address != null && !address.matches("[0-9A-Fa-f:.%\\[\\]a-z-]{1,64}")) {
			throw new IllegalArgumentException("address is not a network address");
		}
	}

	/** A security event about one account. */
	public static AuditEntry security(AuditAction action, @Nullable UUID actorId, @Nullable UUID subjectId,
			@Nullable String address) {
		return new AuditEntry(action, actorId, subjectId, null, null, null, address);
	}

	/** A read of someone else's record. */
	public static AuditEntry read(UUID viewerId, UUID ownerId, String category, String recordRef, String reason) {
		return new AuditEntry(AuditAction.RECORD_READ, viewerId, ownerId, category, recordRef, reason, null);
	}

	private static void requireCode(String name, String value) {
		if (value != null && !CODE.matcher(value).matches()) {
			throw new IllegalArgumentException(name + " must be a short code, not free text");
		}
	}

}
