package app.steadfast.shared;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's own recent check-ins, for other capabilities that let him link a record to
 * the check-in he made (a logged talk to what he felt before it) without depending on the
 * check-ins module. The check-ins module implements it.
 */
public interface RecentCheckIns {

	/** His newest check-ins, newest first, at most {@code limit}. */
	List<CheckInRef> recent(UUID owner, int limit);

	/** Whether the check-in exists and is his. */
	boolean isOwn(UUID owner, UUID checkIn);

	/**
	 * A check-in as a choice in a list, for its owner's eyes only.
	 *
	 * @param id the check-in
	 * @param occurredAt when he felt it
	 * @param words the words he named, first the primary one
	 */
	record CheckInRef(UUID id, Instant occurredAt, List<String> words) {
	}

}
