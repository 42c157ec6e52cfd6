package app.steadfast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random text from all of Unicode for property tests of what reads free text: any code
 * point or code unit (lone and reversed surrogates among them), stacks of combining
 * marks, right-to-left scripts and bidi controls, control characters and NUL, emoji
 * sequences, very long words without spaces, only punctuation, only whitespace,
 * characters NFKC expands, runs of dots and abbreviations, and real sentences mixed with
 * all of these. Seeded, so a failure names the seed and sample that reproduce it.
 */
public final class RandomText {

	/**
	 * The seed of this run, one for every property test in it (so that the risk and
	 * excuse checks read the same texts): {@code -Dsteadfast.seed=N} replays a run.
	 */
	public static final long SEED = Long.getLong("steadfast.seed", new Random().nextLong());

	/** The longest text a sample may be. */
	public static final int LONGEST = 20_000;

	private static final String[] SENTENCES = { "I want to die.", "I'm not going to kill myself, but I want to die.",
			"The counsellor asked if I'd had thoughts of suicide and I said no.", "It was just a kiss.",
			"I'm sorry but you pushed me.", "I take full responsibility.", "Mistakes were made.",
			"I would never hurt her.", "If you hadn't left, none of this would have happened.", "I lied to her",
			"\"I was drunk,\" I told her.", "Dr. Smith said e.g. walks help", "I said no. Then I left.",
			"Im sorry i dont know why ur upset tbh", "I\u2019ve been thinking about ending it", "No. 5 on the list" };

	private static final String SEPARATORS = ".!?\u2026,;:\u2014\n\r\u2028\u2029 \t\"'()\u201C\u201D\u2019";

	private static final String PUNCTUATION = ".!?\u2026,;:\"'()[]{}\u2014\u2013-_*/\\|@#$%^&~`\u203D\u2047\u2048\u2049"
			+ "\u3002\uFF01\uFF1F\u201C\u201D\u2018\u2019\u00AB\u00BB\u060C\u061F\u00BF\u00A1";

	private static final String WHITESPACE = " \t\n\r\u000B\f\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
			+ "\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000\u180E\u200B\uFEFF";

	private static final String BIDI = "\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

	private static final String EXPANDING = "\uFDFA\uFDFB\uFB01\uFB03\u3300\u3315\u33FF\u2460\u2474\u00BD\u2153"
			+ "\u01C5\u0130\u1E9E\u03A3\u2126\u212B\u00B4\u2033\u2034\u1FEF\u1FFD\uFF07\uFF40\u2150\u24B6\u3250";

	private static final String ABBREVIATIONS = "e.g. |i.e. |No. |no. |Dr. |etc. |J. |...|\u2026 |?! |3.5 |U.S. |. . . |"
			+ "..\n|Mr. |approx. |a.b.c.d. ";

	private RandomText() {
	}

	/**
	 * {@code count} samples from the seed: {@code longOnes} of them (spread through) up
	 * to {@link #LONGEST} characters, the rest up to {@code shortest} characters.
	 */
	public static List<String> samples(long seed, int count, int longOnes, int shortest) {
		Random random = new Random(seed);
		List<String> samples = new ArrayList<>(count);
		int every = (longOnes > 0) ? Math.max(1, count / longOnes) : Integer.MAX_VALUE;
		int longs = 0;
		for (int i = 0; i < count; i++) {
			boolean isLong = longs < longOnes && i % every == every / 2;
			longs += isLong ? 1 : 0;
			int length = isLong ? shortest + random.nextInt(LONGEST - shortest + 1) : random.nextInt(shortest + 1);
			samples.add(text(random, length));
		}
		return samples;
	}

	/** One text of about this length (never longer), of one kind or a mixture. */
	public static String text(Random random, int length) {
		StringBuilder text = new StringBuilder(length + 64);
		int kind = random.nextInt(16);
		while (text.length() < length) {
			int piece = (kind >= 14) ? random.nextInt(14) : kind;
			append(random, piece, text, (kind >= 14) ? 1 + random.nextInt(200) : length - text.length());
		}
		// Cutting may leave half of a surrogate pair at the end, which is fine.
		return (text.length() > length) ? text.substring(0, length) : text.toString();
	}

	private static void append(Random random, int kind, StringBuilder text, int length) {
		int until = text.length() + Math.max(1, length);
		switch (kind) {
			case 0 -> {
				// Any code unit: lone surrogates and unassigned ones included.
				while (text.length() < until) {
					text.append((char) random.nextInt(0x10000));
				}
			}
			case 1 -> {
				while (text.length() < until) {
					text.appendCodePoint(random.nextInt(0x110000));
				}
			}
			case 2 -> {
				// Real sentences, run together, split or decorated.
				while (text.length() < until) {
					text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
					switch (random.nextInt(6)) {
						case 0 -> text.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
						case 1 -> text.append(' ');
						case 2 -> text.append(BIDI.charAt(random.nextInt(BIDI.length())));
						case 3 -> text.appendCodePoint(0x300 + random.nextInt(0x70));
						case 4 -> text.append('\u0000');
						default -> text.append("\n\n");
					}
				}
			}
			case 3 -> {
				// Stacks of combining marks, up to hundreds on one letter.
				while (text.length() < until) {
					text.append((char) ('a' + random.nextInt(26)));
					int marks = (random.nextInt(4) == 0) ? random.nextInt(300) : random.nextInt(4);
					for (int m = 0; m < marks; m++) {
						int[] ranges = { 0x300, 0x1AB0, 0x1DC0, 0x20D0, 0xFE20 };
						text.appendCodePoint(ranges[random.nextInt(ranges.length)] + random.nextInt(0x10));
					}
					if (random.nextInt(5) == 0) {
						text.append(' ');
					}
				}
			}
			case 4 -> {
				// Right to left, with bidi controls and its own punctuation.
				while (text.length() < until) {
					int script = random.nextInt(3);
					text.appendCodePoint((script == 0) ? 0x5D0 + random.nextInt(27)
							: (script == 1) ? 0x627 + random.nextInt(20) : 0x660 + random.nextInt(10));
					switch (random.nextInt(8)) {
						case 0 -> text.append(BIDI.charAt(random.nextInt(BIDI.length())));
						case 1 -> text.append(' ');
						case 2 -> text.append("\u061F ");
						case 3 -> text.append('.');
						default -> {
						}
					}
				}
			}
			case 5 -> {
				// Control characters, NUL among them, between words.
				while (text.length() < until) {
					int c = random.nextInt(3);
					text.append((c == 0) ? (char) random.nextInt(0x20)
							: (c == 1) ? (char) (0x7F + random.nextInt(0x21)) : "word".charAt(random.nextInt(4)));
				}
			}
			case 6 -> {
				// Surrogates: lone highs, lone lows, reversed pairs and whole pairs.
				while (text.length() < until) {
					char high = (char) (0xD800 + random.nextInt(0x400));
					char low = (char) (0xDC00 + random.nextInt(0x400));
					switch (random.nextInt(5)) {
						case 0 -> text.append(high);
						case 1 -> text.append(low);
						case 2 -> text.append(low).append(high);
						case 3 -> text.append(high).append(low);
						default -> text.append(" a.");
					}
				}
			}
			case 7 -> {
				// Emoji: joined families, skin tones, flags, keycaps, tags.
				while (text.length() < until) {
					switch (random.nextInt(6)) {
						case 0 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
						case 1 -> text.appendCodePoint(0x1F468).append('\u200D').appendCodePoint(0x1F469);
						case 2 -> text.appendCodePoint(0x1F44D).appendCodePoint(0x1F3FB + random.nextInt(5));
						case 3 -> text.appendCodePoint(0x1F1E6 + random.nextInt(26))
							.appendCodePoint(0x1F1E6 + random.nextInt(26));
						case 4 -> text.append((char) ('0' + random.nextInt(10))).append("\uFE0F\u20E3");
						default -> text.appendCodePoint(0x1F3F4).appendCodePoint(0xE0067).appendCodePoint(0xE007F);
					}
					if (random.nextInt(4) == 0) {
						text.append(' ');
					}
				}
			}
			case 8 -> {
				// One very long word with no space in it.
				int script = random.nextInt(4);
				while (text.length() < until) {
					switch (script) {
						case 0 -> text.append((char) ('a' + random.nextInt(26)));
						case 1 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
						case 2 -> text.append((char) (0x430 + random.nextInt(32)));
						default -> text.append("'/".charAt(random.nextInt(2))).append('x');
					}
				}
			}
			case 9 -> {
				while (text.length() < until) {
					text.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
				}
			}
			case 10 -> {
				while (text.length() < until) {
					text.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
				}
			}
			case 11 -> {
				// Characters NFKC turns into several, or into quotes.
				while (text.length() < until) {
					text.append(EXPANDING.charAt(random.nextInt(EXPANDING.length())));
					if (random.nextInt(3) == 0) {
						text.appendCodePoint(0x1D400 + random.nextInt(0x400));
					}
				}
			}
			case 12 -> {
				String[] pieces = ABBREVIATIONS.split("\\|");
				while (text.length() < until) {
					text.append(pieces[random.nextInt(pieces.length)]);
					if (random.nextInt(3) == 0) {
						text.append(".".repeat(random.nextInt(50))).append((char) ('a' + random.nextInt(26)));
					}
				}
			}
			default -> {
				// Words, then a run of commas after the fortieth: where a long sentence
				// is
				// cut.
				while (text.length() < until) {
					text.append((random.nextInt(3) == 0) ? "," : "w" + random.nextInt(100) + " ");
					if (random.nextInt(50) == 0) {
						text.append(",".repeat(random.nextInt(500)));
					}
				}
			}
		}
	}

}
