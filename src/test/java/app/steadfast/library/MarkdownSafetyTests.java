package app.steadfast.library;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.steadfast.HostileInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markdown never carries script into a page: raw HTML is escaped and unsafe link schemes
 * are dropped, whatever the input.
 */
class MarkdownSafetyTests {

	private static final long SEED = 20261127L;

	/** The only elements Markdown may produce. */
	private static final Set<String> ELEMENTS = Set.of("p", "em", "strong", "code", "pre", "a", "img", "h1", "h2", "h3",
			"h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br");

	/** The only attributes those elements may carry. */
	private static final Set<String> ATTRIBUTES = Set.of("href", "src", "alt", "title", "rel", "class", "start");

	private static final Pattern TAG = Pattern.compile("<(/?)([^\\s/>]+)([^>]*)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

	private final Markdown markdown = new Markdown();

	@Test
	void rawHtmlIsEscapedAndNeverPassedThrough() {
		String html = this.markdown.toHtml("""
				Hello <script>alert('x')</script>

				<img src=x onerror=alert(1)>

				<iframe src="https://example.org"></iframe>
				""");
		assertThat(html).doesNotContain("<script", "<img", "<iframe").contains("&lt;script&gt;");
		assertSafe(html, "fixed sample");
	}

	@Test
	void unsafeLinkSchemesAreDropped() {
		String html = this.markdown.toHtml("[click](javascript:alert(1)) and ![x](data:text/html;base64,PHNjcmlwdD4=)"
				+ " and [fine](/articles/consistency) and [mail](mailto:care@example.org)");
		assertThat(html).doesNotContain("javascript:", "data:text/html")
			.contains("href=\"/articles/consistency\"", "href=\"mailto:care@example.org\"");
	}

	@Test
	void noHostileInputProducesAnElementOrAttributeThatCouldRunScript() {
		List<String> samples = HostileInput.samples(SEED, 400);
		for (int i = 0; i < samples.size(); i++) {
			assertSafe(this.markdown.toHtml(samples.get(i)), "seed " + SEED + ", sample " + i);
		}
	}

	@Test
	void controlCharactersAreRemovedFromArticleText() {
		for (String sample : HostileInput.samples(SEED + 1, 200)) {
			String cleaned = ArticleManagement.clean(sample);
			assertThat(
					cleaned.chars().filter((c) -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t'))
				.isEmpty();
		}
	}

	private static void assertSafe(String html, String which) {
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			String element = tag.group(2).toLowerCase(Locale.ROOT);
			assertThat(ELEMENTS).as("%s: element <%s>", which, element).contains(element);
			Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
			while (attribute.find()) {
				String name = attribute.group(1).toLowerCase(Locale.ROOT);
				assertThat(ATTRIBUTES).as("%s: attribute %s on <%s>", which, name, element).contains(name);
				String value = attribute.group(2).toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cc}]", "");
				assertThat(value).as("%s: %s value", which, name)
					.doesNotStartWith("javascript:")
					.doesNotStartWith("data:")
					.doesNotStartWith("vbscript:");
			}
		}
	}

}
