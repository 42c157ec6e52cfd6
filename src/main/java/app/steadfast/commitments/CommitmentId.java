package app.steadfast.commitments;

import java.util.UUID;

/**
 * Identifies a commitment; the only way other modules refer to one.
 *
 * @param value the id
 */
public record CommitmentId(UUID value) {
}
