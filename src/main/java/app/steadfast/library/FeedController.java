package app.steadfast.library;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import app.steadfast.shared.PracticeSettings;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Atom feed of published articles and the sitemap of public pages, written with the
 * JDK's XML writer so every value is escaped.
 */
@RestController
class FeedController {

	private final ArticleManagement library;

	private final PracticeSettings practice;

	FeedController(ArticleManagement library, PracticeSettings practice) {
		this.library = library;
		this.practice = practice;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<String> feed() throws XMLStreamException {
		List<ArticleSummary> articles = this.library.published();
		String base = base();
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
		element(xml, "title", this.practice.current().name() + ": articles");
		element(xml, "id", base + "/articles");
		link(xml, base + "/feed.xml", "self");
		link(xml, base + "/articles", "alternate");
		String updated = articles.stream()
			.map(ArticleSummary::updatedAt)
			.max(java.util.Comparator.naturalOrder())
			.orElse(java.time.Instant.EPOCH)
			.atOffset(ZoneOffset.UTC)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		element(xml, "updated", updated);
		for (ArticleSummary article : articles) {
			xml.writeStartElement("entry");
			element(xml, "title", article.title());
			element(xml, "id", base + article.path());
			link(xml, base + article.path(), "alternate");
			element(xml, "published",
					article.publishedOn()
						.atStartOfDay()
						.atOffset(ZoneOffset.UTC)
						.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			element(xml, "updated",
					article.updatedAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
			xml.writeStartElement("author");
			element(xml, "name", article.author());
			xml.writeEndElement();
			element(xml, "summary", article.summary());
			for (String tag : article.tags()) {
				xml.writeEmptyElement("category");
				xml.writeAttribute("term", tag);
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("application/atom+xml;charset=UTF-8"))
			.body(out.toString());
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() throws XMLStreamException {
		String base = base();
		StringWriter out = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("urlset");
		xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
		for (String path : List.of("/", "/articles", "/consultation", "/crisis")) {
			url(xml, base + path, null);
		}
		for (TagCount tag : this.library.tags()) {
			url(xml, base + "/articles/tag/" + tag.tag(), null);
		}
		for (ArticleSummary article : this.library.published()) {
			url(xml, base + article.path(), article.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return ResponseEntity.ok().contentType(MediaType.valueOf("application/xml;charset=UTF-8")).body(out.toString());
	}

	private String base() {
		return this.practice.current().baseUrl().replaceAll("/+$", "");
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
	}

	private static void url(XMLStreamWriter xml, String location, String lastModified) throws XMLStreamException {
		xml.writeStartElement("url");
		element(xml, "loc", location);
		if (lastModified != null) {
			element(xml, "lastmod", lastModified);
		}
		xml.writeEndElement();
	}

}
