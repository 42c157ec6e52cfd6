package app.steadfast.commitments;

import java.time.LocalTime;

/**
 * How and when he wants to be reminded of his commitments.
 *
 * @param reminders whether a commitment with a reminder time emails him at that time on
 * each due day he hasn't recorded yet
 * @param digest whether he gets one email a day listing what is due
 * @param digestAt when that email comes, in his time zone
 * @param titlesInEmail whether emails may name his commitments; otherwise they only say
 * that something is due. Every time he gives is read in his own time zone, kept on his
 * account.
 */
public record ReminderSettings(boolean reminders, boolean digest, LocalTime digestAt, boolean titlesInEmail) {

	/** When the digest comes unless he chooses another time. */
	public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(7, 30);

	/** What applies until he changes anything. */
	static ReminderSettings defaults() {
		return new ReminderSettings(true, false, DEFAULT_DIGEST_AT, false);
	}

}
