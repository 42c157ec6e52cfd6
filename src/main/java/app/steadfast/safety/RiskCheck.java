package app.steadfast.safety;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking one text for risk language. It names the rules that matched,
 * never the words that matched them, so it may be logged, stored or sent on.
 *
 * @param hit whether any rule matched; exactly when {@code kinds} is not empty
 * @param kinds what the matched rules are about
 * @param matchedRules the ids of the matched rules, in the order of the rules file, and
 * {@value #SENTENCE_MODEL} when the sentence model read risk
 * @param confidence how sure the check is; null exactly when it is not a hit
 */
public record RiskCheck(boolean hit, Set<RiskKind> kinds, List<String> matchedRules,
		@Nullable RiskConfidence confidence) {

	/** Nothing read as risk. */
	public static final RiskCheck NONE = new RiskCheck(false, Set.of(), List.of(), null);

	/** The name the sentence model goes by among the matched rules. */
	public static final String SENTENCE_MODEL = "sentence-model";

	public RiskCheck {
		kinds = kinds.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(kinds));
		matchedRules = List.copyOf(matchedRules);
		if (hit == kinds.isEmpty()) {
			throw new IllegalArgumentException("A check is a hit exactly when it has kinds");
		}
		if (hit == (confidence == null)) {
			throw new IllegalArgumentException("A hit, and only a hit, has a confidence");
		}
	}

	static RiskCheck of(Collection<RiskKind> kinds, List<String> matchedRules, RiskConfidence confidence) {
		return kinds.isEmpty() ? NONE : new RiskCheck(true, EnumSet.copyOf(kinds), matchedRules, confidence);
	}

}
