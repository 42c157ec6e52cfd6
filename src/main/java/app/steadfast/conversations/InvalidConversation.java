package app.steadfast.conversations;

import java.util.Map;

/**
 * A plan, log, topic or card that cannot be saved as given; each message is for the
 * person and names no internals.
 */
public class InvalidConversation extends RuntimeException {

	private final Map<String, String> problems;

	InvalidConversation(Map<String, String> problems) {
		super(String.join(" ", problems.values()));
		this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
	}

	InvalidConversation(String field, String message) {
		this(Map.of(field, message));
	}

	/** Each problem by the form field it belongs to. */
	public Map<String, String> problems() {
		return this.problems;
	}

}
