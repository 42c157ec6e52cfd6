package app.steadfast.conversations;

import java.util.UUID;

/**
 * Identifies one logged talk; the only way other modules refer to one.
 *
 * @param value the id
 */
public record TalkId(UUID value) {
}
