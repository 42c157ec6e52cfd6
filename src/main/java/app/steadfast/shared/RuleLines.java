package app.steadfast.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the practice's plain-text rule lists (the risk-language rules, the excuse check):
 * {@code # comments}, definitions {@code @name = pattern} that later lines use as
 * {@code {name}}, and rules {@code id | KIND | pattern}. Each module compiles the
 * patterns and reads the kinds its own way; this only reads the lines.
 */
public final class RuleLines {

	private static final Pattern DEFINITION = Pattern.compile("@([a-z][a-z0-9-]*)\\s*=\\s*(.+)");

	private static final Pattern RULE = Pattern.compile("([a-z0-9][a-z0-9-]*)\\s*\\|\\s*([A-Z_]+)\\s*\\|\\s*(.+)");

	private static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9-]*)\\}");

	private RuleLines() {
	}

	/**
	 * One rule, its definitions filled in.
	 *
	 * @param id its id, unique in the list
	 * @param kind its kind, as written
	 * @param pattern its pattern, with every {@code {name}} replaced
	 * @param where the list's name and the line number, for messages
	 */
	public record Rule(String id, String kind, String pattern, String where) {
	}

	/**
	 * Reads a list.
	 * @param source the text of the list
	 * @param name the name of the list, for messages
	 * @throws IllegalStateException naming the line, if a line is not a comment,
	 * definition or rule, an id repeats, a definition is used before it is made, or there
	 * are no rules
	 */
	public static List<Rule> read(String source, String name) {
		Map<String, String> definitions = new HashMap<>();
		Set<String> ids = new HashSet<>();
		List<Rule> rules = new ArrayList<>();
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
				definitions.put(definition.group(1), expand(definition.group(2).strip(), definitions, where));
			}
			else if (rule.matches()) {
				if (!ids.add(rule.group(1))) {
					throw new IllegalStateException(where + ": the rule id '" + rule.group(1) + "' is used twice");
				}
				rules.add(new Rule(rule.group(1), rule.group(2), expand(rule.group(3).strip(), definitions, where),
						where));
			}
			else {
				throw new IllegalStateException(
						where + ": expected '# comment', '@name = pattern' or 'id | KIND | pattern'");
			}
		}
		if (rules.isEmpty()) {
			throw new IllegalStateException(name + ": no rules");
		}
		return rules;
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

}
