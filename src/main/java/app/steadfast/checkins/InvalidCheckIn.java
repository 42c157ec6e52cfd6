package app.steadfast.checkins;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import app.steadfast.shared.InvalidInput;

import org.springframework.validation.Errors;

/**
 * A check-in the rules refuse, with every problem it has: the field each belongs to and
 * words for the person. {@link #field()} and {@link #getMessage()} are the first of them.
 */
public class InvalidCheckIn extends InvalidInput {

	private final Map<String, String> problems;

	InvalidCheckIn(String field, String message) {
		this(Map.of(field, message));
	}

	InvalidCheckIn(Map<String, String> problems) {
		super(problems.keySet().iterator().next(), problems.values().iterator().next());
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	/**
	 * Each field's problem, by the field's name in {@link CheckInDetails}, in the form's
	 * order.
	 */
	public Map<String, String> problems() {
		return this.problems;
	}

	@Override
	public void rejectIn(Errors errors) {
		this.problems.forEach((field, message) -> errors.rejectValue(field, field, message));
	}

}
