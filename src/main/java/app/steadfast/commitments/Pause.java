package app.steadfast.commitments;

import java.time.LocalDate;

/**
 * A pause of a commitment: no date from {@code pausedOn} up to (not including)
 * {@code resumedOn} is due. Kept with the commitment, so the weeks before a pause keep
 * their record (in {@code commitment_pause}).
 *
 * @param pausedOn the first day it was paused
 * @param resumedOn the day it fell due again, or {@code null} while it is paused
 */
record Pause(LocalDate pausedOn, LocalDate resumedOn) {

	/** Whether the day lies in this pause. */
	boolean covers(LocalDate day) {
		return !day.isBefore(this.pausedOn) && (this.resumedOn == null || day.isBefore(this.resumedOn));
	}

	boolean open() {
		return this.resumedOn == null;
	}

	Pause endedOn(LocalDate day) {
		return new Pause(this.pausedOn, day);
	}

}
