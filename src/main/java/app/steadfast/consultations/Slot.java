package app.steadfast.consultations;

import java.time.Instant;

import app.steadfast.shared.AccountId;

/**
 * An open time in a therapist's calendar.
 *
 * @param therapist whose
 * @param start when it begins
 * @param end when it ends
 */
public record Slot(AccountId therapist, Instant start, Instant end) {

	/**
	 * What a form sends back for this slot: the therapist and the start, as text the
	 * visitor cannot use to name anything but an offer.
	 */
	public String code() {
		return this.therapist.value() + "@" + this.start;
	}

}
