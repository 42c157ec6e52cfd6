package app.steadfast.library;

import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/**
 * Renders article Markdown to HTML safely: raw HTML in the Markdown is escaped, never
 * passed through, and link and image addresses with unsafe schemes ({@code javascript:}
 * and the like) are dropped.
 */
@Component
class Markdown {

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
		.build();

	String toHtml(String markdown) {
		return this.renderer.render(this.parser.parse((markdown != null) ? markdown : ""));
	}

	/** The text without Markdown marks, for search and descriptions. */
	static String plainText(String markdown) {
		return markdown.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[#*_`>]", " ");
	}

}
