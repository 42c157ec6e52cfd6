package app.steadfast.insights;

import java.util.List;

/**
 * A sign, read from his own data, that the work may be stuck: calm, specific, with its
 * evidence.
 *
 * @param kind which signal
 * @param headline one plain sentence
 * @param evidence the dates and figures behind it, one line each
 */
public record StuckSignal(Kind kind, String headline, List<String> evidence) {

	public StuckSignal {
		evidence = List.copyOf(evidence);
	}

	/**
	 * The signals DESIGN.md names that insights reads from check-ins, commitments and the
	 * pulse.
	 */
	public enum Kind {

		/** Promises kept below 60% in each of four weeks in a row. */
		PROMISES_LOW,

		/** His partner's shared pulse flat or falling for six weeks in a row. */
		PULSE_FLAT,

		/** Three or more check-ins of intense anger or shame in this week and last. */
		INTENSE_FEELINGS,

		/** The same conversation topic three or more times in four weeks. */
		TOPIC_RECURRING,

		/** A conversation topic he marked resolved came back. */
		TOPIC_RETURNED

	}

}
