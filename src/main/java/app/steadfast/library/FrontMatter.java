package app.steadfast.library;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a shipped Markdown file, an article or other practice-authored text: a block of
 * {@code key: value} lines between {@code ---} lines, then the Markdown body. Values may
 * be quoted; tags are a bracket list.
 */
public final class FrontMatter {

	record Parsed(ArticleContent content, LocalDate published) {
	}

	/**
	 * A file as read: its front matter values (unquoted) and its body.
	 *
	 * @param values each key with its value
	 * @param body the Markdown after the front matter, stripped, ending in one newline
	 */
	public record Block(Map<String, String> values, String body) {

		public Block {
			values = Map.copyOf(values);
		}

	}

	private FrontMatter() {
	}

	/**
	 * Splits a file into its front matter and body.
	 * @throws IllegalArgumentException if the file does not start with a closed front
	 * matter block
	 */
	public static Block read(String file) {
		String text = file.replace("\r\n", "\n");
		if (!text.startsWith("---\n")) {
			throw new IllegalArgumentException("A content file starts with front matter between --- lines");
		}
		int end = text.indexOf("\n---\n", 4);
		if (end < 0) {
			throw new IllegalArgumentException("The front matter is not closed by a --- line");
		}
		Map<String, String> values = new HashMap<>();
		for (String line : text.substring(4, end).split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				values.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
			}
		}
		return new Block(values, text.substring(end + 5).strip() + "\n");
	}

	static Parsed parse(String file) {
		Block block = read(file);
		Map<String, String> values = block.values();
		String body = block.body();
		ArticleContent content = new ArticleContent(required(values, "slug"), required(values, "title"),
				required(values, "summary"), tags(values.getOrDefault("tags", "")), values.get("series"),
				values.containsKey("order") ? Integer.valueOf(values.get("order")) : null,
				values.getOrDefault("author", ""), body);
		LocalDate published = values.containsKey("published") ? LocalDate.parse(values.get("published")) : null;
		return new Parsed(content, published);
	}

	private static String required(Map<String, String> values, String key) {
		String value = values.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("The front matter needs " + key);
		}
		return value;
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			return value.substring(1, value.length() - 1).replace("\\\"", "\"");
		}
		return value;
	}

	static List<String> tags(String value) {
		String list = value.strip();
		if (list.startsWith("[") && list.endsWith("]")) {
			list = list.substring(1, list.length() - 1);
		}
		return Arrays.stream(list.split(","))
			.map((tag) -> unquote(tag.strip()).toLowerCase(java.util.Locale.ROOT))
			.filter((tag) -> !tag.isEmpty())
			.distinct()
			.toList();
	}

}
