package app.steadfast.consultations;

import app.steadfast.shared.InvalidInput;

/**
 * The time chosen is no longer open: someone booked it a moment before, or it fell out of
 * the hours offered. The page offers the open times again.
 */
public class SlotTaken extends InvalidInput {

	SlotTaken(String field) {
		super(field, "That time was just taken. Please choose another.");
	}

}
