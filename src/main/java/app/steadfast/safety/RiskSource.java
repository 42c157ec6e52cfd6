package app.steadfast.safety;

/**
 * Where checked text was written.
 */
public enum RiskSource {

	/** The note of an emotion check-in. */
	CHECK_IN,

	/** A reflection journal entry. */
	JOURNAL,

	/** A commitment's wording, or a note on one of its due dates. */
	COMMITMENT,

	/** A part of an accountability statement. */
	STATEMENT,

	/** An answer (or a correction) to a partner's question. */
	ANSWER,

	/** A plan for a hard conversation, or the log of one. */
	CONVERSATION,

	/** A message to his therapist. */
	MESSAGE,

	/** The line he wrote for his next session. */
	AGENDA

}
