package app.steadfast.repair;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version comparison: what stayed plus what was removed is the older text, what
 * stayed plus what was added is the newer one.
 */
class DiffTests {

	@Test
	void theComparisonRebuildsBothVersionsForRandomTexts() {
		Random random = new Random(42);
		String[] words = { "I", "lied", "to", "you", "about", "the", "trip", "and", "hotel", "\n", "  ", "é", "😀" };
		for (int i = 0; i < 300; i++) {
			String before = text(random, words);
			String after = text(random, words);
			List<Diff.Piece> pieces = Diff.of(before, after);
			assertThat(join(pieces, Diff.Kind.ADDED)).isEqualTo(before);
			assertThat(join(pieces, Diff.Kind.REMOVED)).isEqualTo(after);
		}
	}

	@Test
	void unchangedTextIsOnePieceAndVeryLongTextsAreShownAsReplaced() {
		assertThat(Diff.of("I chose it.", "I chose it."))
			.containsExactly(new Diff.Piece(Diff.Kind.SAME, "I chose it."));
		String a = "a ".repeat(3000);
		String b = "b ".repeat(3000);
		assertThat(Diff.of(a, b)).containsExactly(new Diff.Piece(Diff.Kind.REMOVED, a),
				new Diff.Piece(Diff.Kind.ADDED, b));
	}

	private static String text(Random random, String[] words) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(40);
		for (int i = 0; i < length; i++) {
			text.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? " " : "");
		}
		return text.toString();
	}

	/** The text without the pieces of one kind. */
	private static String join(List<Diff.Piece> pieces, Diff.Kind left) {
		return pieces.stream().filter((p) -> p.kind() != left).map(Diff.Piece::text).collect(Collectors.joining());
	}

}
