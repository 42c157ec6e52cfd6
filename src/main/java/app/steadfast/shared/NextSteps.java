package app.steadfast.shared;

import java.util.List;

/**
 * A module's contribution to the signed-in home page: the steps it offers the person.
 */
@FunctionalInterface
public interface NextSteps {

	/** The steps for this person; empty when the module has nothing for them. */
	List<NextStep> forPerson(SignedIn person);

}
