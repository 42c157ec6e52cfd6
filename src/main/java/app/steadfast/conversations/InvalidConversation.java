package app.steadfast.conversations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import app.steadfast.shared.InvalidInput;

/**
 * A plan, log, topic or card that cannot be saved as given; each message is for the
 * person and names no internals. Unlike other refusals it can name several fields at
 * once; {@link #field()} is the first.
 */
public class InvalidConversation extends InvalidInput {

	private final Map<String, String> problems;

	InvalidConversation(Map<String, String> problems) {
		this(new LinkedHashMap<>(problems));
	}

	InvalidConversation(String field, String message) {
		this(Map.of(field, message));
	}

	private InvalidConversation(LinkedHashMap<String, String> problems) {
		super(problems.keySet().iterator().next(), String.join(" ", problems.values()));
		this.problems = Collections.unmodifiableMap(problems);
	}

	/** Each problem by the form field it belongs to. */
	public Map<String, String> problems() {
		return this.problems;
	}

}
