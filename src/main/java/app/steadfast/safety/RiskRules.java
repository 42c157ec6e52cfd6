package app.steadfast.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import app.steadfast.shared.RuleLines;

import org.springframework.core.io.ClassPathResource;

/**
 * The risk-language rules, read from the practice-readable list that ships with the app
 * (content/risk-language.txt, which explains its own format). A list that cannot be read
 * in full is refused: the app does not run with part of its safety check missing.
 *
 * @param negations denials of intent, set aside before the hits are looked for
 * @param hits the rules that make a hit
 * @param kept wording that keeps a rule's hit in the same text from being set aside by
 * the sentence model
 * @param plans wording of a plan (means, timing, a farewell), under which the sentence
 * model needs less to read a sentence as possible risk
 */
record RiskRules(List<Negation> negations, List<Hit> hits, List<Keep> kept, List<Plan> plans) {

	static final String SHIPPED = "content/risk-language.txt";

	private static final String NEGATION = "NEGATION";

	private static final String KEEP = "KEEP";

	private static final String PLAN = "PLAN";

	/**
	 * A denial of intent ("I would never hurt her").
	 */
	record Negation(String id, Pattern pattern) {
	}

	/**
	 * Language that makes a hit.
	 */
	record Hit(String id, RiskKind kind, Pattern pattern) {
	}

	/**
	 * Wording whose meaning the rules decide and the sentence model does not: where it
	 * stands (after the denials are set aside) beside a rule's hit, the model may not set
	 * the hit aside ("the doctor asked if I was suicidal and I said no, but I lied").
	 */
	record Keep(String id, Pattern pattern) {
	}

	/**
	 * Wording of a plan: means, timing, a farewell, a decision made. Never a hit by
	 * itself; in a sentence the sentence model reads at or above its "possible-with-plan"
	 * threshold, it makes that sentence a possible hit.
	 */
	record Plan(String id, Pattern pattern) {
	}

	RiskRules {
		negations = List.copyOf(negations);
		hits = List.copyOf(hits);
		kept = List.copyOf(kept);
		plans = List.copyOf(plans);
	}

	/** The rules that ship with the app. */
	static RiskRules shipped() {
		try {
			return parse(new ClassPathResource(SHIPPED).getContentAsString(StandardCharsets.UTF_8), SHIPPED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a rules list.
	 * @param source the text of the list
	 * @param name the name of the list, for error messages
	 * @throws IllegalStateException naming the line, if any line is not a well-formed
	 * comment, definition or rule, an id repeats, or a pattern could match empty text
	 */
	static RiskRules parse(String source, String name) {
		List<Negation> negations = new ArrayList<>();
		List<Hit> hits = new ArrayList<>();
		List<Keep> kept = new ArrayList<>();
		List<Plan> plans = new ArrayList<>();
		for (RuleLines.Rule rule : RuleLines.read(source, name)) {
			Pattern pattern = compile(rule.pattern(), rule.where());
			if (rule.kind().equals(NEGATION)) {
				negations.add(new Negation(rule.id(), pattern));
			}
			else if (rule.kind().equals(KEEP)) {
				kept.add(new Keep(rule.id(), pattern));
			}
			else if (rule.kind().equals(PLAN)) {
				plans.add(new Plan(rule.id(), pattern));
			}
			else {
				hits.add(new Hit(rule.id(), kind(rule.kind(), rule.where()), pattern));
			}
		}
		if (hits.isEmpty()) {
			throw new IllegalStateException(name + ": no rules");
		}
		return new RiskRules(negations, hits, kept, plans);
	}

	/** Every rule id, negations first, in the order of the list. */
	List<String> ids() {
		List<String> ids = new ArrayList<>();
		this.negations.forEach((negation) -> ids.add(negation.id()));
		this.hits.forEach((hit) -> ids.add(hit.id()));
		this.kept.forEach((keep) -> ids.add(keep.id()));
		this.plans.forEach((plan) -> ids.add(plan.id()));
		return ids;
	}

	private static Pattern compile(String pattern, String where) {
		Pattern compiled;
		try {
			// Whole words only, so a rule for "kill" never fires inside "skill".
			compiled = Pattern.compile("\\b(?:" + pattern + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalStateException(where + ": the pattern is not a valid regular expression: "
					+ ex.getDescription() + " near index " + ex.getIndex(), ex);
		}
		// A rule that can match empty text would mark every note a hit.
		Matcher probe = compiled.matcher("a note, written today");
		while (probe.find()) {
			if (probe.end() == probe.start()) {
				throw new IllegalStateException(where + ": the pattern matches empty text");
			}
		}
		return compiled;
	}

	private static RiskKind kind(String kind, String where) {
		try {
			return RiskKind.valueOf(kind);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(where + ": the kind '" + kind
					+ "' is not one of SUICIDE, SELF_HARM, HARM_TO_OTHERS, NEGATION, KEEP, PLAN", ex);
		}
	}

}
