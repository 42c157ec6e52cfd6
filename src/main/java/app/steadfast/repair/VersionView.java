package app.steadfast.repair;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;

import org.jspecify.annotations.Nullable;

/**
 * One saved version of a statement.
 *
 * @param id the version's id
 * @param statement its statement
 * @param owner who wrote it
 * @param number 1 for the first save, then 2, 3...
 * @param savedAt when it was saved
 * @param sharedWithPartnerAt when he shared it with his partner, if he did
 * @param sharedWithTherapistAt when he shared it with his therapist, if he did
 * @param parts what he wrote in each part (empty parts left out)
 * @param responses his partner's responses to it, oldest first
 */
public record VersionView(UUID id, StatementId statement, AccountId owner, int number, Instant savedAt,
		@Nullable Instant sharedWithPartnerAt, @Nullable Instant sharedWithTherapistAt,
		Map<StatementPart, String> parts, List<Response> responses) {

	/** Whether it was ever shared: a shared version never changes. */
	public boolean frozen() {
		return this.sharedWithPartnerAt != null || this.sharedWithTherapistAt != null;
	}

	/** The words of one part, empty when he left it out. */
	public String text(StatementPart part) {
		return this.parts.getOrDefault(part, "");
	}

	/**
	 * A partner's response to a shared version.
	 *
	 * @param words what they wrote
	 * @param respondedAt when
	 */
	public record Response(String words, Instant respondedAt) {
	}

}
