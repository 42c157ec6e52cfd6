package app.steadfast.safety;

import app.steadfast.shared.Sentences;

import org.jspecify.annotations.Nullable;

/**
 * Text as the risk-language rules see it: the standard form of
 * {@link Sentences#normalise} (lower case, straight quotes, no invisible characters,
 * single spaces, contractions, text-speak and typos of key words spelled out), so that
 * one rule covers the ways people type the same words.
 */
final class RiskText {

	private RiskText() {
	}

	/** The normalised text; empty for null or blank text. */
	static String normalise(@Nullable String text) {
		return Sentences.normalise(text);
	}

}
