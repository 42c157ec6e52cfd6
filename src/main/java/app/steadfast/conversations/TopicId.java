package app.steadfast.conversations;

import java.util.UUID;

/**
 * Identifies one of his conversation topics; the only way other modules refer to one.
 *
 * @param value the id
 */
public record TopicId(UUID value) {
}
