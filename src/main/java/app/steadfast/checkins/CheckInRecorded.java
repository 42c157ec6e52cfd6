package app.steadfast.checkins;

import app.steadfast.accounts.AccountId;

/**
 * A check-in was recorded.
 *
 * @param checkIn the check-in
 * @param owner whose it is
 * @param inTheMoment whether it came from the quick flow
 */
public record CheckInRecorded(CheckInId checkIn, AccountId owner, boolean inTheMoment) {
}
