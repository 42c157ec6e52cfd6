package app.steadfast.commitments;

import java.time.LocalDate;

import app.steadfast.shared.AccountId;

/**
 * A commitment was paused: from that day nothing falls due until it is resumed. Carries
 * ids and the date only.
 *
 * @param commitment the commitment
 * @param owner whose it is
 * @param from the first day it is paused
 */
public record CommitmentPaused(CommitmentId commitment, AccountId owner, LocalDate from) {
}
