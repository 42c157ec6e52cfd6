package app.steadfast.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * The risk-language detector: checks free text for language about suicide, self-harm or
 * harming someone, against the transparent list of rules in content/risk-language.txt
 * (explained for clinicians in docs/risk-language.md).
 * <p>
 * Explicit denials of intent ("I would never hurt myself", "I'm not suicidal") are set
 * aside first and are not hits; a negation that expresses the risk ("I don't want to be
 * alive") is a hit. A check never changes, stores or logs the text, and never refuses it:
 * the caller saves what the person wrote whatever the outcome, and shows crisis resources
 * on the next page when it is a hit.
 */
@Service
public class RiskLanguage {

	private static final Logger log = LoggerFactory.getLogger(RiskLanguage.class);

	// Stands in for a denial that was set aside, so that the words on either side of it
	// do not join into a phrase no one wrote.
	private static final String SET_ASIDE = " ~ ";

	private final RiskRules rules;

	private final ApplicationEventPublisher events;

	RiskLanguage(ApplicationEventPublisher events) {
		this.rules = RiskRules.shipped();
		this.events = events;
		log.info("Loaded {} risk-language rules and {} negations from {}", this.rules.hits().size(),
				this.rules.negations().size(), RiskRules.SHIPPED);
	}

	/**
	 * Checks one text. Null, blank and any other text are all accepted; this never throws
	 * because of what the text holds.
	 * @return which rules matched and what they are about; {@link RiskCheck#CLEAR} when
	 * none did
	 */
	public RiskCheck check(@Nullable String text) {
		String remaining = withoutDenials(RiskText.normalise(text));
		if (remaining.isBlank()) {
			return RiskCheck.CLEAR;
		}
		Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
		List<String> matched = new ArrayList<>();
		for (RiskRules.Hit hit : this.rules.hits()) {
			if (hit.pattern().matcher(remaining).find()) {
				kinds.add(hit.kind());
				matched.add(hit.id());
			}
		}
		return RiskCheck.of(kinds, matched);
	}

	/**
	 * Checks a check-in note or journal entry and, on a hit, publishes
	 * {@link RiskLanguageDetected}, which holds the ids and kinds but none of the text.
	 * Call it in the transaction that saves the record: the event is then published with
	 * the record, and listeners (the care module alerting a consenting client's
	 * therapist) run only once both are committed.
	 * @param text what the person wrote; may be null or blank
	 * @param owner the account that wrote it
	 * @param source the kind of record
	 * @param record the id of the record
	 * @return the outcome of {@link #check(String)}
	 * @throws NullPointerException if an id or the source is missing (a programming
	 * error, never the text)
	 */
	public RiskCheck checkAndReport(@Nullable String text, UUID owner, RiskSource source, UUID record) {
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(record, "record");
		RiskCheck check = check(text);
		if (check.hit()) {
			this.events.publishEvent(new RiskLanguageDetected(owner, source, record, check.kinds()));
		}
		return check;
	}

	/** The ids of the denials set aside in this text, for tests and for the docs. */
	List<String> denials(@Nullable String text) {
		String normalised = RiskText.normalise(text);
		return this.rules.negations()
			.stream()
			.filter((negation) -> negation.pattern().matcher(normalised).find())
			.map(RiskRules.Negation::id)
			.toList();
	}

	/** The rules in use. */
	RiskRules rules() {
		return this.rules;
	}

	private String withoutDenials(String normalised) {
		String remaining = normalised;
		for (RiskRules.Negation negation : this.rules.negations()) {
			remaining = negation.pattern().matcher(remaining).replaceAll(SET_ASIDE);
		}
		return remaining;
	}

}
