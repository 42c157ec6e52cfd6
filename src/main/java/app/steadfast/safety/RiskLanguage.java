package app.steadfast.safety;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.steadfast.shared.SentenceClassifier;
import app.steadfast.shared.SentenceModel;
import app.steadfast.shared.Sentences;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The risk-language detector: checks free text for language about suicide, self-harm or
 * harming someone, in two layers (explained for clinicians in docs/risk-language.md):
 * <ol>
 * <li>the transparent list of rules in content/risk-language.txt, run on the whole
 * normalised text; a rule hit is a {@link RiskConfidence#CLEAR clear} hit, unless the
 * sentence model, once loaded, reads every sentence of the text as plainly clean (below
 * the classifier's "set-aside-rules-below" threshold): the rule's words then stand in a
 * context such as prevention work, a screening question answered no, or risk long
 * past;</li>
 * <li>an embedded sentence model (e5-small-v2, the one the classifier file names) with a
 * classifier trained on labelled sentences (content/language/risk-model.txt), run on each
 * sentence, which catches what no rule can phrase: plans and means without a keyword,
 * euphemisms, threats. The classifier's layers are averaged with the vote of the training
 * sentences nearest in meaning, and a reading so averaged above the "possible" threshold
 * is a hit, above the "clear" threshold a clear one; the bars chosen on the layers alone
 * (a plan's, and the one that sets a rule's hit aside) read the layers alone.</li>
 * </ol>
 * Explicit denials of intent ("I would never hurt myself", "I'm not suicidal") and
 * reported questions answered no are set aside before both layers; a negation that
 * expresses the risk ("I don't want to be alive") is a hit. Until the sentence model has
 * loaded, the rules answer alone. A check never changes, stores or logs the text, and
 * never refuses it: the caller saves what the person wrote whatever the outcome, and
 * shows crisis resources on the next page when it is a hit.
 */
@Service
public class RiskLanguage {

	private static final Logger log = LoggerFactory.getLogger(RiskLanguage.class);

	/** The classifier that ships with the app. */
	static final String SHIPPED_MODEL = "content/language/risk-model.txt";

	// Stands in for a denial that was set aside, so that the words on either side of it
	// do not join into a phrase no one wrote.
	private static final String SET_ASIDE = " ~ ";

	private static final java.util.regex.Pattern SET_ASIDE_MARKS = java.util.regex.Pattern.compile("(\\s*~\\s*)+");

	// A short text is also read whole: the classifier was trained on notes of a sentence
	// or two, and some risk only shows across two sentences.
	private static final int WHOLE_UP_TO_SENTENCES = 3;

	private static final int WHOLE_UP_TO_WORDS = 60;

	// What the model made of each sentence read before, keyed by a digest of the sentence
	// as written (never the sentence): an entry saved again after a small edit is not
	// normalised, read and classified again sentence by sentence.
	private static final int MAX_REMEMBERED_SENTENCES = 4_000;

	private final Map<SentenceModel.Digest, Unit> remembered = new ConcurrentHashMap<>();

	private final RiskRules rules;

	@Nullable private final SentenceModel model;

	private final SentenceClassifier.Source classifier;

	private final ApplicationEventPublisher events;

	@Autowired
	RiskLanguage(ApplicationEventPublisher events, SentenceModel model) {
		this(events, model, SentenceClassifier.lazily(SHIPPED_MODEL));
	}

	/** The rules alone, as before the sentence model has loaded. */
	RiskLanguage(ApplicationEventPublisher events) {
		this(events, null, SentenceClassifier.lazily(SHIPPED_MODEL));
	}

	RiskLanguage(ApplicationEventPublisher events, @Nullable SentenceModel model, SentenceClassifier classifier) {
		this(events, model, SentenceClassifier.Source.of(classifier));
	}

	// The classifier is read in the background the first time the check asks for it while
	// the sentence models are in use; its file names the model it reads with.
	private RiskLanguage(ApplicationEventPublisher events, @Nullable SentenceModel model,
			SentenceClassifier.Source classifier) {
		this.rules = RiskRules.shipped();
		this.events = events;
		this.model = model;
		this.classifier = classifier;
		log.info(
				"Loaded {} risk-language rules and {} negations from {}; the sentence classifier {} loads on first use",
				this.rules.hits().size(), this.rules.negations().size(), RiskRules.SHIPPED, SHIPPED_MODEL);
	}

	/**
	 * Checks one text. Null, blank and any other text are all accepted; this never throws
	 * because of what the text holds.
	 * @return which layers and rules found what; {@link RiskCheck#NONE} when neither did
	 */
	public RiskCheck check(@Nullable String text) {
		return check(text, setAsideBelow());
	}

	/**
	 * Checks one text with another threshold under which the model sets a rule's hit
	 * aside, for the experiment that chooses it (RiskSetAsideExperiment, test tree).
	 */
	RiskCheck check(@Nullable String text, double setAsideBelow) {
		Reading model = byModel(text);
		Reading rules = byRules(text);
		if (!rules.kinds().isEmpty() && !rules.kept() && model.read() && model.highest() < setAsideBelow) {
			// A rule's words in a text the model reads as plainly clean in every sentence
			// (a charity walk for suicide prevention, risk long past): the rule's hit is
			// set aside. The threshold lies below what almost every risky training
			// sentence scores, out of fold. Not where the rules keep it: a screening
			// question whose answer they did not read as a true no.
			rules = Reading.NOTHING;
		}
		Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
		kinds.addAll(rules.kinds());
		kinds.addAll(model.kinds());
		List<String> matched = new ArrayList<>(rules.matched());
		matched.addAll(model.matched());
		boolean clear = !rules.kinds().isEmpty() || model.clear();
		return RiskCheck.of(kinds, matched, clear ? RiskConfidence.CLEAR : RiskConfidence.POSSIBLE);
	}

	/** What the rules alone make of the text, for the evaluation and the docs. */
	RiskCheck checkByRules(@Nullable String text) {
		Reading rules = byRules(text);
		return RiskCheck.of(rules.kinds(), rules.matched(), RiskConfidence.CLEAR);
	}

	/**
	 * What the sentence model alone makes of the text, for the evaluation and the docs;
	 * {@link RiskCheck#NONE} while it is not loaded.
	 */
	RiskCheck checkByModel(@Nullable String text) {
		Reading model = byModel(text);
		return RiskCheck.of(model.kinds(), model.matched(),
				model.clear() ? RiskConfidence.CLEAR : RiskConfidence.POSSIBLE);
	}

	/**
	 * The highest risk the sentence model reads in any sentence of the text (0 while it
	 * is not loaded), for the experiments that choose thresholds.
	 */
	double highestByModel(@Nullable String text) {
		return byModel(text).highest();
	}

	/** Whether the sentence model takes part yet. */
	boolean modelReady() {
		return this.model != null && this.model.ready(this.classifier);
	}

	/**
	 * What one layer made of a text.
	 *
	 * @param kinds the kinds found
	 * @param matched the rules (or the sentence model) that found them
	 * @param clear whether the hit is clear
	 * @param read whether the sentence model read the text
	 * @param highest the highest risk the sentence model gave a sentence of it (0 when it
	 * did not read it)
	 * @param kept whether the rules keep their hit from being set aside by the model
	 */
	private record Reading(Set<RiskKind> kinds, List<String> matched, boolean clear, boolean read, double highest,
			boolean kept) {

		static final Reading NOTHING = new Reading(Set.of(), List.of(), false, false, 0, false);

	}

	// The classifier's threshold under which a rule hit is set aside; none (0) in a
	// classifier trained before it existed.
	private double setAsideBelow() {
		return this.classifier.get().settings().getOrDefault("set-aside-rules-below", 0.0);
	}

	private Reading byRules(@Nullable String text) {
		String remaining = withoutDenials(RiskText.normalise(text));
		if (remaining.isBlank()) {
			return Reading.NOTHING;
		}
		Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
		List<String> matched = new ArrayList<>();
		for (RiskRules.Hit hit : this.rules.hits()) {
			if (hit.pattern().matcher(remaining).find()) {
				kinds.add(hit.kind());
				matched.add(hit.id());
			}
		}
		boolean kept = !kinds.isEmpty()
				&& this.rules.kept().stream().anyMatch((keep) -> keep.pattern().matcher(remaining).find());
		return new Reading(kinds, matched, !kinds.isEmpty(), false, 0, kept);
	}

	private Reading byModel(@Nullable String text) {
		if (text == null || text.isBlank() || !modelReady()) {
			return Reading.NOTHING;
		}
		List<Unit> units = units(text);
		if (units == null) {
			return Reading.NOTHING;
		}
		Set<RiskKind> kinds = EnumSet.noneOf(RiskKind.class);
		boolean clear = false;
		double highest = 0;
		for (Unit unit : units) {
			highest = Math.max(highest, unit.risk());
			if (unit.kind() != null) {
				kinds.add(unit.kind());
				clear |= unit.clear();
			}
		}
		return kinds.isEmpty() ? new Reading(Set.of(), List.of(), false, !units.isEmpty(), highest, false)
				: new Reading(kinds, List.of(RiskCheck.SENTENCE_MODEL), clear, !units.isEmpty(), highest, false);
	}

	/**
	 * What the model made of one unit it reads.
	 *
	 * @param kind the kind it reads at or above the "possible" threshold, or null
	 * @param clear whether at or above the "clear" threshold
	 * @param risk how much the reading leans to any risk (0 for a unit not read)
	 */
	private record Unit(@Nullable RiskKind kind, boolean clear, double risk) {

		static final Unit NOTHING = new Unit(null, false, 0);

	}

	/**
	 * What the sentence model makes of each sentence, and of a short text also whole;
	 * null if the model could not read them. A sentence read before is not read again.
	 */
	@Nullable private List<Unit> units(String text) {
		List<String> words = new ArrayList<>();
		List<Sentences.Span> sentences = Sentences.split(text);
		sentences.forEach((sentence) -> words.add(sentence.of(text)));
		if (sentences.size() > 1 && sentences.size() <= WHOLE_UP_TO_SENTENCES
				&& Sentences.words(text) <= WHOLE_UP_TO_WORDS) {
			words.add(text);
		}
		List<Unit> units = new ArrayList<>(words.size());
		List<Integer> fresh = new ArrayList<>();
		List<String> freshUnits = new ArrayList<>();
		List<SentenceModel.Digest> digests = new ArrayList<>(words.size());
		for (String sentence : words) {
			SentenceModel.Digest digest = SentenceModel.Digest.of(sentence);
			digests.add(digest);
			Unit known = this.remembered.get(digest);
			if (known == null) {
				// A sentence that was all denial is not read.
				String unit = forModel(sentence);
				if (unit == null) {
					known = Unit.NOTHING;
				}
				else {
					fresh.add(units.size());
					freshUnits.add(unit);
				}
			}
			units.add(known);
		}
		if (!fresh.isEmpty()) {
			List<float[]> readings = this.model.embed(this.classifier.get().reader(), freshUnits).orElse(null);
			if (readings == null) {
				return null;
			}
			for (int j = 0; j < fresh.size(); j++) {
				units.set(fresh.get(j), classify(readings.get(j), freshUnits.get(j)));
			}
		}
		if (this.remembered.size() + units.size() > MAX_REMEMBERED_SENTENCES) {
			this.remembered.clear();
		}
		for (int i = 0; i < units.size(); i++) {
			this.remembered.putIfAbsent(digests.get(i), units.get(i));
		}
		return units;
	}

	private Unit classify(float[] reading, String unit) {
		SentenceClassifier classifier = this.classifier.get();
		SentenceClassifier.Input input = classifier.input(reading, unit);
		// The layers' own reading: the bars chosen on development sets for it (a plan's,
		// and the one under which a rule's hit is set aside) read it, as they were chosen
		// on it.
		double risk = 1 - classifier.probabilities(input)[0];
		// With the nearest training sentences' vote: what "possible" and "clear" were
		// chosen on.
		float[] p = classifier.blended(input);
		double blended = 1 - p[0];
		if (blended < classifier.setting("possible") && !(risk >= possibleWithPlan(classifier) && plan(unit))) {
			return new Unit(null, false, risk);
		}
		int top = 1;
		for (int c = 2; c < p.length; c++) {
			if (p[c] > p[top]) {
				top = c;
			}
		}
		return new Unit(RiskKind.valueOf(classifier.labels().get(top)), blended >= classifier.setting("clear"), risk);
	}

	// The threshold for a sentence that words a plan (means, timing, a farewell); the
	// "possible" one in a classifier without it.
	private static double possibleWithPlan(SentenceClassifier classifier) {
		return classifier.settings().getOrDefault("possible-with-plan", classifier.setting("possible"));
	}

	private boolean plan(String unit) {
		return this.rules.plans().stream().anyMatch((plan) -> plan.pattern().matcher(unit).find());
	}

	/** The ids of the plan wording found in this text, for tests and for the docs. */
	List<String> plans(@Nullable String text) {
		String normalised = RiskText.normalise(text);
		return this.rules.plans()
			.stream()
			.filter((plan) -> plan.pattern().matcher(normalised).find())
			.map(RiskRules.Plan::id)
			.toList();
	}

	@Nullable private String forModel(String words) {
		String normalised = RiskText.normalise(words);
		String remaining = withoutDenials(normalised);
		if (remaining.equals(normalised)) {
			return normalised;
		}
		String left = SET_ASIDE_MARKS.matcher(remaining).replaceAll(" ").strip();
		return (Sentences.words(left) < 3) ? null : left;
	}

	/**
	 * Checks a check-in note or journal entry and, on a hit, publishes
	 * {@link RiskLanguageDetected}, which holds the ids, kinds and confidence but none of
	 * the text. Call it in the transaction that saves the record: the event is then
	 * published with the record, and listeners (the care module alerting a consenting
	 * client's therapist) run only once both are committed.
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
			this.events
				.publishEvent(new RiskLanguageDetected(owner, source, record, check.kinds(), check.confidence()));
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

	/**
	 * The ids of the rules that keep a hit in this text from being set aside by the
	 * model, for tests and for the docs.
	 */
	List<String> kept(@Nullable String text) {
		String remaining = withoutDenials(RiskText.normalise(text));
		return this.rules.kept()
			.stream()
			.filter((keep) -> keep.pattern().matcher(remaining).find())
			.map(RiskRules.Keep::id)
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
