package app.steadfast.safety;

/**
 * How sure the risk-language check is about a hit. Both show crisis resources at once;
 * the therapist's alert (where the client granted it) says which it was.
 */
public enum RiskConfidence {

	/**
	 * The sentence model reads risk in it, with no rule to confirm it: worth a gentle
	 * question, not an assumption.
	 */
	POSSIBLE,

	/** A rule matched, or the sentence model reads risk with high confidence. */
	CLEAR

}
