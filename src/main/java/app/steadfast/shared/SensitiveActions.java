package app.steadfast.shared;

import java.util.List;

/**
 * A module's sensitive requests: each needs a sign-in within the last ten minutes,
 * otherwise the person confirms it is him and then carries on where he was.
 */
@FunctionalInterface
public interface SensitiveActions {

	List<SensitiveAction> actions();

}
