package app.steadfast.checkins;

import java.time.Instant;
import java.util.UUID;

import app.steadfast.shared.AccountId;

/**
 * A reflection entry as its owner, or someone he shares the journal with, reads it.
 *
 * @param id the entry
 * @param owner whose it is
 * @param prompt the prompt it answers, if any
 * @param body what he wrote
 * @param writtenAt when he wrote it
 */
public record JournalEntryView(UUID id, AccountId owner, JournalPrompt prompt, String body, Instant writtenAt) {
}
