package app.steadfast.commitments;

import java.time.LocalDate;

import app.steadfast.shared.AccountId;

/**
 * A commitment was ended; its record stays. Carries ids and the date only.
 *
 * @param commitment the commitment
 * @param owner whose it is
 * @param lastDay the last day it could fall due
 */
public record CommitmentEnded(CommitmentId commitment, AccountId owner, LocalDate lastDay) {
}
