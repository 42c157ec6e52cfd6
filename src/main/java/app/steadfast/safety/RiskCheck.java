package app.steadfast.safety;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of checking one text for risk language. It names the rules that matched,
 * never the words that matched them, so it may be logged, stored or sent on.
 *
 * @param hit whether any rule matched; exactly when {@code kinds} is not empty
 * @param kinds what the matched rules are about
 * @param matchedRules the ids of the matched rules, in the order of the rules file
 */
public record RiskCheck(boolean hit, Set<RiskKind> kinds, List<String> matchedRules) {

	/** No rule matched. */
	public static final RiskCheck CLEAR = new RiskCheck(false, Set.of(), List.of());

	public RiskCheck {
		kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
		matchedRules = List.copyOf(matchedRules);
		if (hit == kinds.isEmpty()) {
			throw new IllegalArgumentException("A check is a hit exactly when it has kinds");
		}
	}

	static RiskCheck of(Collection<RiskKind> kinds, List<String> matchedRules) {
		return kinds.isEmpty() ? CLEAR : new RiskCheck(true, EnumSet.copyOf(kinds), matchedRules);
	}

}
