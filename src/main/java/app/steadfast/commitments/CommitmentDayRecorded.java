package app.steadfast.commitments;

import java.time.LocalDate;

import app.steadfast.shared.AccountId;

/**
 * A due day of a commitment was recorded by its owner, or seen by his partner. Carries
 * ids and the date only.
 *
 * @param commitment the commitment
 * @param owner whose it is
 * @param dueDate the day
 */
public record CommitmentDayRecorded(CommitmentId commitment, AccountId owner, LocalDate dueDate) {
}
