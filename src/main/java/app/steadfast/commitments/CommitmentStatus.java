package app.steadfast.commitments;

/**
 * Where a commitment stands. Nothing is due while it is paused or after it ended; its
 * history stays either way.
 */
public enum CommitmentStatus {

	ACTIVE, PAUSED, ENDED

}
