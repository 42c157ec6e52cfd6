package app.steadfast.commitments;

import java.time.LocalDate;

import app.steadfast.shared.AccountId;

/**
 * A paused commitment was resumed: it falls due again from that day. Carries ids and the
 * date only.
 *
 * @param commitment the commitment
 * @param owner whose it is
 * @param from the first day it falls due again
 */
public record CommitmentResumed(CommitmentId commitment, AccountId owner, LocalDate from) {
}
