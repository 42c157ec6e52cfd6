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
 * @param pathStep the step of the partner's path it answers, if any
 * @param asked that step's prompt as it was asked, if any
 */
public record JournalEntryView(UUID id, AccountId owner, JournalPrompt prompt, String body, Instant writtenAt,
		String pathStep, String asked) {

	/** The question this entry answers, in words; null when it answers none. */
	public String question() {
		if (this.prompt != null) {
			return this.prompt.text();
		}
		return this.asked;
	}

}
