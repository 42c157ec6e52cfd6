package app.steadfast.checkins;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One of his check-ins as a choice in a list, for its owner's eyes only: what another
 * record of his (a logged talk) may point to.
 *
 * @param id the check-in
 * @param occurredAt when he felt it
 * @param words the words he named, first the primary one
 */
public record CheckInRef(UUID id, Instant occurredAt, List<String> words) {
}
