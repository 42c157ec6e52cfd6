package app.steadfast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random and hostile text for fuzzing forms and renderers: markup and script, SQL
 * fragments, control characters, mixed scripts and right-to-left marks, and very long
 * strings. Seeded, so a failure names the seed and sample that reproduce it.
 */
public final class HostileInput {

	static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[x](javascript:alert(1))", "<iframe src=//evil.example>", "<svg onload=alert(1)>", "\"><script>",
			"'; DROP TABLE account; --", "' OR '1'='1", "%00", "\u0000", "\u0007", "\u001b[31m", "\u202e", "\ufeff",
			"مرحبا", "こんにちは", "Ünïcødé", "😀", "**bold**", "`code`", "\n\n", "\r\n", "<", ">", "&amp;", "&#x3C;",
			"<object data=x>", "<style>*{}</style>", "> quote", "    indented <b>", "```\n<script>\n```", "${7*7}",
			"#{7*7}", "[[${7*7}]]", "../../etc/passwd", "\\", "\"", "'");

	private HostileInput() {
	}

	/** {@code count} samples from the seed; the last ones are very long. */
	public static List<String> samples(long seed, int count) {
		Random random = new Random(seed);
		List<String> samples = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int parts = 1 + random.nextInt((i >= count - 3) ? 4000 : 30);
			StringBuilder text = new StringBuilder();
			for (int p = 0; p < parts; p++) {
				if (random.nextInt(3) == 0) {
					text.appendCodePoint(randomCodePoint(random));
				}
				else {
					text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
				}
			}
			samples.add(text.toString());
		}
		return samples;
	}

	private static int randomCodePoint(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> random.nextInt(0x20);
			case 1 -> 0x20 + random.nextInt(0x5f);
			case 2 -> 0x80 + random.nextInt(0x2000);
			default -> 0x1F300 + random.nextInt(0x300);
		};
	}

}
