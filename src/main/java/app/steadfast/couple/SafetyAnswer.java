package app.steadfast.couple;

/**
 * An answer to a safety question. "Not sure" is treated like "yes": when in doubt, safety
 * first.
 */
public enum SafetyAnswer {

	NO, YES, NOT_SURE, PREFER_NOT_TO_SAY

}
