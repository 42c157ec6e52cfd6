package app.steadfast.checkins;

import java.time.Instant;

import app.steadfast.shared.AccountId;

/**
 * A check-in was recorded.
 *
 * @param checkIn the check-in
 * @param owner whose it is
 * @param inTheMoment whether it came from the quick flow
 * @param occurredAt when he felt it (it may be earlier than now)
 */
public record CheckInRecorded(CheckInId checkIn, AccountId owner, boolean inTheMoment, Instant occurredAt) {
}
