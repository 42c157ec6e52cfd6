package app.steadfast.checkins;

import app.steadfast.shared.AccountId;

/**
 * One of the owner's check-ins was changed or deleted. Carries ids only.
 *
 * @param checkIn the check-in
 * @param owner whose it was
 * @param deleted whether it is gone
 */
public record CheckInChanged(CheckInId checkIn, AccountId owner, boolean deleted) {
}
