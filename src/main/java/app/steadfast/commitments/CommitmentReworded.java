package app.steadfast.commitments;

import app.steadfast.shared.AccountId;

/**
 * A commitment's wording or reason was rewritten; the earlier wording is kept. Carries
 * ids only, never the words.
 *
 * @param commitment the commitment
 * @param owner whose it is
 */
public record CommitmentReworded(CommitmentId commitment, AccountId owner) {
}
