package app.steadfast.conversations;

/**
 * Why a topic counts as recurring.
 */
public enum RecurrenceKind {

	/** Three or more talks on it within four weeks (28 days, today included). */
	FREQUENT,

	/** He marked it resolved after a talk, and it came back in a later talk. */
	CAME_BACK

}
