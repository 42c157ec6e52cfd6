package app.steadfast.checkins;

import java.util.UUID;

/**
 * What saving a journal entry produced.
 *
 * @param id the entry
 * @param crisisResources whether what he wrote reads as risk language, so the next page
 * shows crisis resources at once (saving is never blocked)
 */
public record JournalReceipt(UUID id, boolean crisisResources) {
}
