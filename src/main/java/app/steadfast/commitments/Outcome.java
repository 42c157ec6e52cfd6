package app.steadfast.commitments;

/**
 * What happened on a due date.
 */
public enum Outcome {

	KEPT, MISSED

}
