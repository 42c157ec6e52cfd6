package app.steadfast.safety;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A check-in note or journal entry held risk language. It carries no text: listeners that
 * need the words read the record, through the module that owns it and its access checks.
 *
 * @param owner the account that wrote the record
 * @param source the kind of record
 * @param record the id of the record
 * @param kinds what the language was about; never empty
 * @param confidence whether the hit was clear or possible
 */
public record RiskLanguageDetected(UUID owner, RiskSource source, UUID record, Set<RiskKind> kinds,
		RiskConfidence confidence) {

	public RiskLanguageDetected {
		if (kinds.isEmpty()) {
			throw new IllegalArgumentException("A detection names at least one kind");
		}
		kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
	}

}
