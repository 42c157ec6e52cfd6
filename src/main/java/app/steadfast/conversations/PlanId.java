package app.steadfast.conversations;

import java.util.UUID;

/**
 * Identifies one plan made before a talk.
 *
 * @param value the id
 */
public record PlanId(UUID value) {
}
