package app.steadfast.repair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import app.steadfast.shared.RuleLines;

import org.springframework.core.io.ClassPathResource;
import org.jspecify.annotations.Nullable;

/**
 * The excuse check's first layer: the transparent list of rules
 * (content/excuse-check.txt) that marks minimizing, justifying, blame-shifting,
 * conditional apologies, comparison, passive voice, pressure and the "but" that cancels
 * an apology, and recognises ownership. It reads the text as written (case ignored, curly
 * quotes made straight), so every mark points at the words he typed; negations and quoted
 * words are set aside first. It never throws because of what the text holds and keeps no
 * text.
 */
final class ExcuseRules {

	/** The rules that ship with the app. */
	static final String SHIPPED = "content/excuse-check.txt";

	private static final String NEGATION = "NEGATION";

	// A space in a rule: any run of spaces and the punctuation people put between words.
	private static final String SEPARATOR = "[\\s,;:\\u2013\\u2014-]+";

	/**
	 * One rule.
	 *
	 * @param id its id in the rules file
	 * @param category what it marks, or null for a negation
	 * @param pattern the compiled pattern
	 * @param marksGroup whether only the group named "mark" is marked
	 */
	record Rule(String id, @Nullable ExcuseCategory category, Pattern pattern, boolean marksGroup) {
	}

	// Which rules can begin with a given word, as a bit per rule (negations first). Words
	// repeat, so this is remembered, up to a bound.
	private static final int MAX_REMEMBERED_WORDS = 50_000;

	// Keyed by a 64-bit hash of the words, never the words themselves, so no one's text
	// stays in memory after the check. A collision (about 1 in 10^10 at the bound) could
	// only skip a rule for those two words, never throw.
	private final java.util.concurrent.ConcurrentHashMap<Long, Long> openers = new java.util.concurrent.ConcurrentHashMap<>();

	private final List<Rule> negations;

	private final List<Rule> rules;

	private ExcuseRules(List<Rule> negations, List<Rule> rules) {
		this.negations = List.copyOf(negations);
		this.rules = List.copyOf(rules);
	}

	/** The rules that ship with the app. */
	static ExcuseRules shipped() {
		try {
			return parse(new ClassPathResource(SHIPPED).getContentAsString(StandardCharsets.UTF_8), SHIPPED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a rules list.
	 * @throws IllegalStateException naming the line, if a line is malformed, an id
	 * repeats or a pattern could match empty text
	 */
	static ExcuseRules parse(String source, String name) {
		List<Rule> negations = new ArrayList<>();
		List<Rule> rules = new ArrayList<>();
		for (RuleLines.Rule line : RuleLines.read(source, name)) {
			ExcuseCategory category = null;
			if (!line.kind().equals(NEGATION)) {
				try {
					category = ExcuseCategory.valueOf(line.kind());
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalStateException(line.where() + ": unknown category " + line.kind());
				}
			}
			Pattern pattern = compile(line.pattern(), line.where());
			Rule compiled = new Rule(line.id(), category, pattern, pattern.pattern().contains("(?<mark>"));
			((category == null) ? negations : rules).add(compiled);
		}
		if (rules.isEmpty()) {
			throw new IllegalStateException(name + ": no rules");
		}
		if (negations.size() + rules.size() > Long.SIZE) {
			throw new IllegalStateException(name + ": at most " + Long.SIZE + " rules, negations included");
		}
		return new ExcuseRules(negations, rules);
	}

	/** Every rule id, negations first. */
	List<String> ids() {
		List<String> ids = new ArrayList<>();
		this.negations.forEach((r) -> ids.add(r.id()));
		this.rules.forEach((r) -> ids.add(r.id()));
		return ids;
	}

	/** The rules that mark, in file order. */
	List<Rule> rules() {
		return this.rules;
	}

	/**
	 * Marks the text with the rules alone. Null and blank text have no marks. Marks are
	 * sorted by start; two marks of one category never overlap.
	 */
	List<ExcuseMark> check(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String readable = readable(text);
		int[][] words = words(readable);
		int[] starts = words[0];
		int[] ends = words[1];
		long[] masks = new long[starts.length];
		for (int i = 0; i < starts.length; i++) {
			// The word and the next one: most rules are told apart by their first two
			// words.
			boolean pair = i + 1 < starts.length && starts[i + 1] - ends[i] <= 8;
			masks[i] = openers(readable, starts[i], pair ? ends[i + 1] : ends[i]);
		}
		BitSet quoted = quoted(readable);
		BitSet setAside = (BitSet) quoted.clone();
		int bit = 0;
		for (Rule negation : this.negations) {
			for (int[] span : find(negation, readable, starts, masks, 1L << bit++)) {
				setAside.set(span[0], span[1]);
			}
		}
		List<ExcuseMark> marks = new ArrayList<>();
		BitSet cancelled = new BitSet(readable.length());
		for (Rule rule : this.rules) {
			for (int[] span : find(rule, readable, starts, masks, 1L << bit++)) {
				// Negations guard against false warnings; ownership is only set aside
				// when quoted.
				BitSet aside = (rule.category() == ExcuseCategory.OWNERSHIP) ? quoted : setAside;
				if (!aside.get(span[0]) && !aside.get(span[2])) {
					marks.add(new ExcuseMark(span[2], span[3], rule.category(), rule.id()));
					if (rule.category() == ExcuseCategory.BUT_CANCELS) {
						cancelled.set(span[0], span[2]);
					}
				}
			}
		}
		// Owning words that a "but" goes on to cancel are not counted as ownership.
		marks.removeIf((mark) -> mark.category() == ExcuseCategory.OWNERSHIP
				&& !cancelled.get(mark.start(), mark.end()).isEmpty());
		marks
			.sort(Comparator.comparingInt(ExcuseMark::start).thenComparing(ExcuseMark::end, Comparator.reverseOrder()));
		List<ExcuseMark> kept = new ArrayList<>();
		Map<ExcuseCategory, Integer> reach = new HashMap<>();
		for (ExcuseMark mark : marks) {
			if (mark.start() >= reach.getOrDefault(mark.category(), 0)) {
				kept.add(mark);
				reach.put(mark.category(), mark.end());
			}
		}
		return List.copyOf(kept);
	}

	/**
	 * The spans a rule matches: {match start, match end, mark start, mark end}. Only word
	 * starts are tried, and only those whose first char the rule can begin with.
	 */
	private static List<int[]> find(Rule rule, String text, int[] starts, long[] masks, long bit) {
		List<int[]> found = new ArrayList<>();
		Matcher matcher = rule.pattern().matcher(text);
		matcher.useTransparentBounds(true);
		matcher.useAnchoringBounds(false);
		int reach = 0;
		for (int i = 0; i < starts.length; i++) {
			int start = starts[i];
			if (start < reach || (masks[i] & bit) == 0) {
				continue;
			}
			matcher.region(start, text.length());
			if (matcher.lookingAt() && matcher.end() > matcher.start()) {
				int markStart = matcher.start();
				int markEnd = matcher.end();
				if (rule.marksGroup() && matcher.start("mark") >= 0) {
					markStart = matcher.start("mark");
					markEnd = matcher.end("mark");
				}
				found.add(new int[] { matcher.start(), matcher.end(), markStart, markEnd });
				reach = matcher.end();
			}
		}
		return found;
	}

	/**
	 * The text with the same length, lower case, straight quotes and plain spaces, so
	 * that every offset in it is an offset in what he wrote.
	 */
	static String readable(String text) {
		char[] chars = new char[text.length()];
		for (int i = 0; i < chars.length; i++) {
			char c = text.charAt(i);
			chars[i] = switch (c) {
				case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032', '\u00B4', '`' -> '\'';
				case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
				default -> (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) ? ' '
						: Character.toLowerCase(c);
			};
		}
		return new String(chars);
	}

	/** Where each word starts and ends: {starts, ends}. */
	private static int[][] words(String text) {
		int[] starts = new int[64];
		int[] ends = new int[64];
		int count = 0;
		int length = text.length();
		int i = 0;
		while (i < length) {
			if (!Character.isLetterOrDigit(text.charAt(i))) {
				i++;
				continue;
			}
			if (count == starts.length) {
				starts = java.util.Arrays.copyOf(starts, count * 2);
				ends = java.util.Arrays.copyOf(ends, count * 2);
			}
			starts[count] = i;
			while (i < length && Character.isLetterOrDigit(text.charAt(i))) {
				i++;
			}
			ends[count++] = i;
		}
		return new int[][] { java.util.Arrays.copyOf(starts, count), java.util.Arrays.copyOf(ends, count) };
	}

	/** What stands between double quotation marks: he may quote what he used to say. */
	private static BitSet quoted(String text) {
		BitSet quoted = new BitSet(text.length());
		int open = -1;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '"') {
				if (open < 0) {
					open = i;
				}
				else {
					quoted.set(open, i + 1);
					open = -1;
				}
			}
		}
		return quoted;
	}

	/**
	 * The rules that could match from this word start: a rule can only match text that
	 * begins with the first two words if, given those words alone, it matches or runs out
	 * of input.
	 */
	private long openers(String text, int start, int end) {
		long hash = 0xcbf29ce484222325L;
		for (int i = start; i < end; i++) {
			hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
		}
		Long known = this.openers.get(hash);
		if (known != null) {
			return known;
		}
		String word = text.substring(start, end);
		long mask = 0;
		int bit = 0;
		for (List<Rule> list : List.of(this.negations, this.rules)) {
			for (Rule rule : list) {
				Matcher probe = rule.pattern().matcher(word);
				if (probe.lookingAt() || probe.hitEnd()) {
					mask |= 1L << bit;
				}
				bit++;
			}
		}
		if (this.openers.size() < MAX_REMEMBERED_WORDS) {
			this.openers.put(hash, mask);
		}
		return mask;
	}

	private static Pattern compile(String pattern, String where) {
		Pattern compiled;
		try {
			String spaced = pattern.replace(" ", SEPARATOR);
			// Whole words only: matches are only tried where a word starts, and no letter
			// or
			// digit may follow a match. The text is lower-cased first, so the patterns
			// (written
			// in lower case) need no case-insensitive matching, which is several times
			// slower.
			compiled = Pattern.compile("(?:" + spaced + ")(?![\\p{L}\\p{N}])");
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalStateException(where + ": " + ex.getDescription(), ex);
		}
		if (compiled.matcher("").matches() || compiled.matcher(" ").find()) {
			throw new IllegalStateException(where + ": the pattern could match empty text");
		}
		return compiled;
	}

}
