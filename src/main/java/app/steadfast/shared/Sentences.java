package app.steadfast.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.jspecify.annotations.Nullable;

/**
 * How Steadfast reads what a person wrote before judging it: cut into sentences (with
 * offsets into the text as written, so a finding can point at its sentence), and each
 * sentence put in one standard form (lower case, straight quotes, single spaces,
 * contractions, text-speak and typos of key words spelled out) so that one rule or one
 * model reading covers the many ways people type the same words.
 * <p>
 * Never throws because of what the text holds and keeps none of it.
 */
public final class Sentences {

	/** The list of spellings that ships with the app. */
	public static final String SPELLINGS = "content/language/spellings.txt";

	// A sentence longer than this is cut at commas and joining words, then into windows:
	// a sentence model reads a long run-on as a blur.
	private static final int MAX_WORDS = 40;

	private static final int WINDOW_WORDS = 30;

	private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

	private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u201A\u201B\u02BC\u02B9\u2032\u00B4`]");

	private static final Pattern QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]");

	// More combining marks on one letter than any script needs are decoration ("zalgo"
	// text); a word boundary inside a long stack of them takes time in its height.
	private static final Pattern MARK_STACK = Pattern.compile("(\\p{M}{8})\\p{M}+");

	private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}\\p{Z}]+");

	// Combining marks belong to their word: Devanagari vowel signs, or an accent typed
	// apart from its letter.
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'/]*");

	private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e",
			"approx", "jr", "sr", "prof");

	private record Spelling(Pattern pattern, String replacement) {

		static Spelling of(String regex, String replacement) {
			return new Spelling(Pattern.compile("\\b(?:" + regex + ")\\b"), replacement);
		}

	}

	// Order matters: the irregular negatives before the general "n't" rule, which would
	// otherwise turn "won't" into "wo not".
	private static final List<Spelling> CONTRACTIONS = List.of(Spelling.of("can'?t|cannot", "can not"),
			Spelling.of("won'?t", "will not"), Spelling.of("shan'?t", "shall not"), Spelling.of("ain'?t", "am not"),
			Spelling.of("(do|does|did|is|are|was|were|has|have|had|would|could|should|must|need|might)n'?t", "$1 not"),
			Spelling.of("(\\w+)n't", "$1 not"), Spelling.of("i'?m", "i am"),
			Spelling.of("(it|this|that|what|there|here|he|she|who)'s", "$1 is"), Spelling.of("i'?ve", "i have"),
			Spelling.of("i'll", "i will"), Spelling.of("(\\w+)'d (been|had)", "$1 had $2"),
			Spelling.of("i'd", "i would"), Spelling.of("(\\w+)'ll", "$1 will"), Spelling.of("(\\w+)'re", "$1 are"),
			Spelling.of("(\\w+)'ve", "$1 have"), Spelling.of("(\\w+)'d", "$1 would"), Spelling.of("wanna", "want to"),
			Spelling.of("gonna", "going to"), Spelling.of("gotta", "got to"), Spelling.of("imm?a", "i am going to"),
			Spelling.of("(my|him|her|your) self", "$1self"), Spelling.of("any more", "anymore"));

	private static final Spellings SHIPPED = Spellings.read(SPELLINGS);

	private Sentences() {
	}

	/**
	 * A stretch of the text as written.
	 *
	 * @param start its first char
	 * @param end one past its last char
	 */
	public record Span(int start, int end) {

		/** The words of this span in the text it came from. */
		public String of(String text) {
			return text.substring(this.start, this.end);
		}

	}

	/**
	 * Cuts a text into sentences: at the end of a sentence (".", "!", "?", "…" followed
	 * by a space or the end, not after a common abbreviation), at a line break, and a
	 * sentence of more than 40 words again at its commas and semicolons, then into
	 * windows of 30 words. Each span is trimmed and holds at least one letter or digit.
	 * @return the sentences in order; empty for null or blank text
	 */
	public static List<Span> split(@Nullable String text) {
		List<Span> sentences = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return sentences;
		}
		int length = text.length();
		int start = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			boolean end = false;
			int after = i + 1;
			if (c == '\n' || c == '\r' || c == '\u2029' || c == '\u2028') {
				end = true;
			}
			else if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
				while (after < length && ".!?\u2026\"')\u201D\u2019".indexOf(text.charAt(after)) >= 0) {
					after++;
				}
				boolean spaceAfter = after >= length || Character.isWhitespace(text.charAt(after));
				end = spaceAfter && !(c == '.' && abbreviationBefore(text, i));
				if (!spaceAfter) {
					// No later mark of this run has a space after it either, and
					// reading the run again from each mark takes time in its length
					// squared.
					i = after - 1;
				}
			}
			if (end) {
				addLong(text, start, after, sentences);
				start = after;
				i = after - 1;
			}
		}
		addLong(text, start, length, sentences);
		return sentences;
	}

	/**
	 * The standard form of a text or sentence: NFKC, lower case, no invisible characters,
	 * at most eight combining marks on a letter, straight quotes, single spaces,
	 * contractions spelled out ("don't" and "dont" become "do not"), text-speak spelled
	 * out ("rn" becomes "right now") and typos of the key words in
	 * content/language/spellings.txt corrected.
	 * @return the normalised text; empty for null or blank text
	 */
	public static String normalise(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		// Quotes first: NFKC takes apart an acute accent typed as an apostrophe
		// ("don\u00B4t") into a space and a combining mark.
		String normalised = APOSTROPHES.matcher(text).replaceAll("'");
		normalised = QUOTES.matcher(normalised).replaceAll("\"");
		normalised = Normalizer.normalize(normalised, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		normalised = INVISIBLE.matcher(normalised).replaceAll("");
		normalised = MARK_STACK.matcher(normalised).replaceAll("$1");
		normalised = SPACE.matcher(normalised).replaceAll(" ");
		normalised = SHIPPED.apply(normalised);
		for (Spelling spelling : CONTRACTIONS) {
			Matcher matcher = spelling.pattern().matcher(normalised);
			normalised = matcher.replaceAll(spelling.replacement());
		}
		return normalised.strip();
	}

	/** How many words a text has. */
	public static int words(String text) {
		int count = 0;
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static boolean abbreviationBefore(String text, int dot) {
		int i = dot;
		while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
			i--;
		}
		String word = text.substring(i, dot).toLowerCase(Locale.ROOT);
		if (word.equals("no")) {
			// "No. 5" is a number; "I said no." ends a sentence.
			return numberAfter(text, dot + 1);
		}
		// A single letter ("J. Smith") or a known abbreviation does not end a sentence.
		return word.length() == 1 || ABBREVIATIONS.contains(word);
	}

	private static boolean numberAfter(String text, int from) {
		int i = from;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i < text.length() && Character.isDigit(text.charAt(i));
	}

	private static void addLong(String text, int start, int end, List<Span> into) {
		Span span = trimmed(text, start, end);
		if (span == null) {
			return;
		}
		if (words(span.of(text)) <= MAX_WORDS) {
			into.add(span);
			return;
		}
		// Where each word starts, so that the words since the last cut are counted once,
		// not again at every comma.
		int[] starts = WORD.matcher(text)
			.region(span.start(), span.end())
			.results()
			.mapToInt(MatchResult::start)
			.toArray();
		int from = span.start();
		int firstSince = 0;
		int upTo = 0;
		for (int i = span.start(); i < span.end(); i++) {
			while (upTo < starts.length && starts[upTo] <= i) {
				upTo++;
			}
			char c = text.charAt(i);
			if ((c == ',' || c == ';' || c == ':' || c == '\u2014') && upTo - firstSince >= 8) {
				addWindows(text, from, i + 1, into);
				from = i + 1;
				firstSince = upTo;
			}
		}
		addWindows(text, from, span.end(), into);
	}

	private static void addWindows(String text, int start, int end, List<Span> into) {
		Span span = trimmed(text, start, end);
		if (span == null) {
			return;
		}
		Matcher word = WORD.matcher(text);
		word.region(span.start(), span.end());
		int count = 0;
		int from = span.start();
		int last = span.start();
		while (word.find()) {
			count++;
			last = word.end();
			if (count == WINDOW_WORDS) {
				Span window = trimmed(text, from, last);
				if (window != null) {
					into.add(window);
				}
				from = last;
				count = 0;
			}
		}
		Span rest = trimmed(text, from, span.end());
		if (rest != null) {
			into.add(rest);
		}
	}

	@Nullable private static Span trimmed(String text, int start, int end) {
		int s = start;
		int e = end;
		while (s < e && !Character.isLetterOrDigit(text.charAt(s)) && "\"'(\u201C\u2018".indexOf(text.charAt(s)) < 0) {
			s++;
		}
		while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
			e--;
		}
		for (int i = s; i < e; i++) {
			if (Character.isLetterOrDigit(text.charAt(i))) {
				return new Span(s, e);
			}
		}
		return null;
	}

	/**
	 * The spellings list: whole words spelled out, and key words whose typos are read as
	 * them.
	 */
	record Spellings(Map<String, String> words, Set<String> keys, Map<String, String> typos) {

		static Spellings read(String resource) {
			try {
				return parse(new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8), resource);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static Spellings parse(String source, String name) {
			Map<String, String> words = new HashMap<>();
			Set<String> keys = new HashSet<>();
			int number = 0;
			for (String line : source.lines().toList()) {
				number++;
				String stripped = line.strip();
				if (stripped.isEmpty() || stripped.startsWith("#")) {
					continue;
				}
				if (stripped.startsWith("~")) {
					String key = stripped.substring(1).strip();
					if (key.length() < 6 || !key.matches("[a-z]+")) {
						throw new IllegalStateException(name + ":" + number + ": a key word has 6 letters or more");
					}
					keys.add(key);
					continue;
				}
				int equals = stripped.indexOf('=');
				if (equals < 1) {
					throw new IllegalStateException(name + ":" + number + ": expected 'written = spelled out'");
				}
				words.put(stripped.substring(0, equals).strip(), stripped.substring(equals + 1).strip());
			}
			Map<String, String> typos = new HashMap<>();
			Set<String> ambiguous = new HashSet<>();
			for (String key : keys) {
				for (String typo : typosOf(key)) {
					if (keys.contains(typo)) {
						continue;
					}
					String earlier = typos.putIfAbsent(typo, key);
					if (earlier != null && !earlier.equals(key)) {
						ambiguous.add(typo);
					}
				}
			}
			ambiguous.forEach(typos::remove);
			return new Spellings(Map.copyOf(words), Set.copyOf(keys), Map.copyOf(typos));
		}

		String apply(String text) {
			Matcher matcher = WORD.matcher(text);
			StringBuilder out = null;
			int at = 0;
			while (matcher.find()) {
				String word = matcher.group();
				String replacement = this.words.get(word);
				if (replacement == null && word.length() >= 5) {
					replacement = this.typos.get(word);
				}
				if (replacement != null) {
					if (out == null) {
						out = new StringBuilder(text.length() + 16);
					}
					out.append(text, at, matcher.start()).append(replacement);
					at = matcher.end();
				}
			}
			if (out == null) {
				return text;
			}
			return out.append(text, at, text.length()).toString();
		}

		// One letter wrong, missing, extra or two swapped, anywhere but the last letter,
		// where a plural or a tense lives.
		private static Set<String> typosOf(String key) {
			Set<String> typos = new HashSet<>();
			int n = key.length();
			for (int i = 0; i < n - 1; i++) {
				typos.add(key.substring(0, i) + key.substring(i + 1));
				typos.add(key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2));
				for (char c = 'a'; c <= 'z'; c++) {
					if (c != key.charAt(i)) {
						typos.add(key.substring(0, i) + c + key.substring(i + 1));
					}
					typos.add(key.substring(0, i) + c + key.substring(i));
				}
			}
			typos.remove(key);
			return typos;
		}

	}

}
