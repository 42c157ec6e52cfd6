package app.steadfast.shared;

import org.springframework.validation.Errors;

/**
 * Input a module refuses, with the message to show next to the form field it belongs to.
 * A module keeps a subtype of its own where its controllers must tell its refusals from
 * those of modules it calls, or where it carries more than one problem.
 */
public class InvalidInput extends RuntimeException {

	private final String field;

	public InvalidInput(String field, String message) {
		super(message, null, false, false);
		this.field = field;
	}

	/** The form field the problem belongs to. */
	public String field() {
		return this.field;
	}

	/** Shows the message next to its field, the one way every form does. */
	public void rejectIn(Errors errors) {
		errors.rejectValue(this.field, this.field, getMessage());
	}

}
