package app.steadfast.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-by-word comparison of two texts: what stayed, what was added, what was removed.
 */
public final class Diff {

	/** A stretch of the comparison. */
	public record Piece(Kind kind, String text) {
	}

	public enum Kind {

		SAME, ADDED, REMOVED

	}

	private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

	// Beyond this many cells the texts are shown as replaced whole, to bound the work.
	private static final long MAX_CELLS = 4_000_000;

	private Diff() {
	}

	static List<Piece> of(String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		List<Piece> pieces = new ArrayList<>();
		if ((long) a.size() * b.size() > MAX_CELLS) {
			add(pieces, Kind.REMOVED, before);
			add(pieces, Kind.ADDED, after);
			return pieces;
		}
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.size() && j < b.size()) {
			if (a.get(i).equals(b.get(j))) {
				add(pieces, Kind.SAME, a.get(i++));
				j++;
			}
			else if (common[i + 1][j] >= common[i][j + 1]) {
				add(pieces, Kind.REMOVED, a.get(i++));
			}
			else {
				add(pieces, Kind.ADDED, b.get(j++));
			}
		}
		while (i < a.size()) {
			add(pieces, Kind.REMOVED, a.get(i++));
		}
		while (j < b.size()) {
			add(pieces, Kind.ADDED, b.get(j++));
		}
		return pieces;
	}

	private static void add(List<Piece> pieces, Kind kind, String text) {
		if (text.isEmpty()) {
			return;
		}
		if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).kind() == kind) {
			Piece last = pieces.remove(pieces.size() - 1);
			pieces.add(new Piece(kind, last.text() + text));
		}
		else {
			pieces.add(new Piece(kind, text));
		}
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

}
