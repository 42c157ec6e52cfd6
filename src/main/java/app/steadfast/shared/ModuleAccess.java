package app.steadfast.shared;

import java.util.List;

/**
 * A module's own URL rules. Each module declares one bean next to its controllers; the
 * shared security configuration composes them and denies every request none of them
 * names.
 */
@FunctionalInterface
public interface ModuleAccess {

	/** The rules, each naming a pattern that no other module's rules also match. */
	List<AccessRule> rules();

}
