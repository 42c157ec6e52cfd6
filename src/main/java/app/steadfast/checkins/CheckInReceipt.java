package app.steadfast.checkins;

/**
 * What saving a check-in produced.
 *
 * @param id the check-in
 * @param crisisResources whether what he wrote reads as risk language, so the next page
 * shows crisis resources at once (saving is never blocked)
 */
public record CheckInReceipt(CheckInId id, boolean crisisResources) {
}
