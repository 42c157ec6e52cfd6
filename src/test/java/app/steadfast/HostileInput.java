package app.steadfast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random and hostile text for fuzzing forms and renderers: markup and script, SQL
 * fragments, control characters, mixed scripts and right-to-left marks, and very long
 * strings; template expressions, lone UTF-16 surrogates, path traversal, huge numbers and
 * malformed dates. Seeded, so a failure names the seed and sample that reproduce it.
 */
public final class HostileInput {

	static final List<String> FRAGMENTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[x](javascript:alert(1))", "<iframe src=//evil.example>", "<svg onload=alert(1)>", "\"><script>",
			"'; DROP TABLE account; --", "' OR '1'='1", "%00", "\u0000", "\u0007", "\u001b[31m", "\u202e", "\ufeff",
			"مرحبا", "こんにちは", "Ünïcødé", "😀", "**bold**", "`code`", "\n\n", "\r\n", "<", ">", "&amp;", "&#x3C;",
			"<object data=x>", "<style>*{}</style>", "> quote", "    indented <b>", "```\n<script>\n```", "${7*7}",
			"#{7*7}", "[[${7*7}]]", "../../etc/passwd", "\\", "\"", "'", "__${7*7}__", "[(${7*7})]", "*{7*7}",
			"~{layout/page}", "@{/admin}", "${T(java.lang.Runtime).getRuntime()}", "\ud800", "\udc00", "\udfff\ud800",
			"..%2f..%2fetc%2fpasswd", "..\\..\\windows\\win.ini", "%2e%2e/", "1; SELECT pg_sleep(5)", "') OR 1=1 --",
			"\" OR \"\"=\"", "UNION SELECT password_hash FROM account", "99999999999999999999999999", "-2147483649",
			"1e308", "NaN", "-0", "2024-02-30", "0000-00-00", "9999-99-99", "2024-13-01T25:61", "+999999999-12-31",
			"\u0085", "\u2028", "\u200b", "%s%n%x");

	private HostileInput() {
	}

	/**
	 * Every fragment on its own, then a very long text: the short list each field gets.
	 */
	public static List<String> each() {
		List<String> each = new ArrayList<>(FRAGMENTS);
		each.add("x".repeat(100_000));
		return each;
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
