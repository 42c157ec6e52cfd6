package app.steadfast.repair;

import java.time.Instant;

/**
 * A statement in his list.
 *
 * @param id the statement
 * @param createdAt when he began it
 * @param updatedAt when he last saved it
 * @param versions how many versions it has
 * @param firstWords the start of "what happened" in the latest version, to tell
 * statements apart
 */
public record StatementSummary(StatementId id, Instant createdAt, Instant updatedAt, int versions, String firstWords) {
}
