package app.steadfast.shared;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * The errors of a form record Spring has bound, held over the record itself.
 * <p>
 * When a field's text cannot be converted (letters for a number, an impossible date),
 * Spring still constructs the record, with no value for that field, but the errors it
 * puts in the model have no record behind them: the page finds no form and a rule's
 * problem cannot be added beside a field. {@link #of} gives errors over the record with
 * the same problems and puts both in the model, so the page shows every field as he left
 * it (the text he typed where it could not be read) with each message beside its field.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * The errors of {@code form}: {@code bound} itself when it holds the record,
	 * otherwise new errors over the record with the same problems, put in the model in
	 * their place.
	 */
	public static BindingResult of(Object form, BindingResult bound, Model model) {
		if (bound.getTarget() == form) {
			return bound;
		}
		BindingResult errors = new BeanPropertyBindingResult(form, bound.getObjectName());
		errors.addAllErrors(bound);
		model.addAllAttributes(errors.getModel());
		return errors;
	}

}
