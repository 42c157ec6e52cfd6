package app.steadfast.shared;

import java.util.UUID;

/**
 * What the layout and every module may know of the person signed in.
 */
public interface SignedIn {

	/** The account's id. */
	UUID accountId();

	/** The name the person chose to be called. */
	String displayName();

	/** The person's one role. */
	Role role();

}
