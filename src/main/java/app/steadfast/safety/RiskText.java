package app.steadfast.safety;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.lang.Nullable;

/**
 * Text as the risk-language rules see it: lower case, straight quotes, no invisible
 * characters, single spaces, and common contractions spelled out ("don't" and "dont"
 * become "do not"), so that one rule covers the ways people type the same words.
 */
final class RiskText {

	private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}+");

	private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u201A\u201B\u02BC\u02B9\u2032\u00B4`]");

	private static final Pattern QUOTES = Pattern.compile("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]");

	private static final Pattern SPACE = Pattern.compile("[\\s\\p{Cc}\\p{Z}]+");

	private record Spelling(Pattern pattern, String replacement) {

		static Spelling of(String regex, String replacement) {
			return new Spelling(Pattern.compile("\\b(?:" + regex + ")\\b"), replacement);
		}

	}

	// Order matters: the irregular negatives before the general "n't" rule, which would
	// otherwise turn "won't" into "wo not".
	private static final List<Spelling> SPELLINGS = List.of(Spelling.of("can'?t|cannot", "can not"),
			Spelling.of("won'?t", "will not"), Spelling.of("shan'?t", "shall not"), Spelling.of("ain'?t", "am not"),
			Spelling.of("(do|does|did|is|are|was|were|has|have|had|would|could|should|must|need|might)n'?t", "$1 not"),
			Spelling.of("(\\w+)n't", "$1 not"), Spelling.of("i'?m", "i am"),
			Spelling.of("(it|this|that|what|there|here|he|she|who)'s", "$1 is"), Spelling.of("i'?ve", "i have"),
			Spelling.of("i'll", "i will"), Spelling.of("i'd", "i would"), Spelling.of("(\\w+)'ll", "$1 will"),
			Spelling.of("(\\w+)'re", "$1 are"), Spelling.of("(\\w+)'ve", "$1 have"),
			Spelling.of("(\\w+)'d", "$1 would"), Spelling.of("wanna", "want to"), Spelling.of("gonna", "going to"),
			Spelling.of("gotta", "got to"), Spelling.of("imm?a", "i am going to"),
			Spelling.of("(my|him|her|your) self", "$1self"), Spelling.of("any more", "anymore"));

	private RiskText() {
	}

	/** The normalised text; empty for null or blank text. */
	static String normalise(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		normalised = INVISIBLE.matcher(normalised).replaceAll("");
		normalised = APOSTROPHES.matcher(normalised).replaceAll("'");
		normalised = QUOTES.matcher(normalised).replaceAll("\"");
		normalised = SPACE.matcher(normalised).replaceAll(" ");
		for (Spelling spelling : SPELLINGS) {
			Matcher matcher = spelling.pattern().matcher(normalised);
			normalised = matcher.replaceAll(spelling.replacement());
		}
		return normalised.strip();
	}

}
