package app.steadfast.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.core.io.ClassPathResource;

/**
 * The risk-language rules, read from the practice-readable list that ships with the app
 * (content/risk-language.txt, which explains its own format). A list that cannot be read
 * in full is refused: the app does not run with part of its safety check missing.
 *
 * @param negations denials of intent, set aside before the hits are looked for
 * @param hits the rules that make a hit
 */
record RiskRules(List<Negation> negations, List<Hit> hits) {

	static final String SHIPPED = "content/risk-language.txt";

	private static final Pattern RULE = Pattern.compile("([a-z0-9-]+)\\s+\\|\\s+([A-Z_]+)\\s+\\|\\s+(.+)");

	private static final Pattern DEFINITION = Pattern.compile("@([a-z][a-z-]*)\\s+=\\s+(.+)");

	private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z-]*)\\}");

	private static final String NEGATION = "NEGATION";

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

	RiskRules {
		negations = List.copyOf(negations);
		hits = List.copyOf(hits);
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
		Map<String, String> definitions = new HashMap<>();
		Set<String> ids = new HashSet<>();
		List<Negation> negations = new ArrayList<>();
		List<Hit> hits = new ArrayList<>();
		List<String> lines = source.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			String where = name + ":" + (i + 1);
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Matcher definition = DEFINITION.matcher(line);
			Matcher rule = RULE.matcher(line);
			if (definition.matches()) {
				definitions.put(definition.group(1), expand(definition.group(2), definitions, where));
			}
			else if (rule.matches()) {
				String id = rule.group(1);
				if (!ids.add(id)) {
					throw new IllegalStateException(where + ": the rule id '" + id + "' is used twice");
				}
				Pattern pattern = compile(expand(rule.group(3), definitions, where), where);
				String kind = rule.group(2);
				if (kind.equals(NEGATION)) {
					negations.add(new Negation(id, pattern));
				}
				else {
					hits.add(new Hit(id, kind(kind, where), pattern));
				}
			}
			else {
				throw new IllegalStateException(
						where + ": expected '# comment', '@name = pattern' or 'id | KIND | pattern'");
			}
		}
		if (hits.isEmpty()) {
			throw new IllegalStateException(name + ": no rules");
		}
		return new RiskRules(negations, hits);
	}

	/** Every rule id, negations first, in the order of the list. */
	List<String> ids() {
		List<String> ids = new ArrayList<>();
		this.negations.forEach((negation) -> ids.add(negation.id()));
		this.hits.forEach((hit) -> ids.add(hit.id()));
		return ids;
	}

	private static String expand(String pattern, Map<String, String> definitions, String where) {
		Matcher reference = REFERENCE.matcher(pattern);
		StringBuilder expanded = new StringBuilder();
		while (reference.find()) {
			String value = definitions.get(reference.group(1));
			if (value == null) {
				throw new IllegalStateException(where + ": {" + reference.group(1) + "} is not defined above");
			}
			reference.appendReplacement(expanded, Matcher.quoteReplacement(value));
		}
		reference.appendTail(expanded);
		return expanded.toString();
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
			throw new IllegalStateException(
					where + ": the kind '" + kind + "' is not one of SUICIDE, SELF_HARM, HARM_TO_OTHERS, NEGATION", ex);
		}
	}

}
