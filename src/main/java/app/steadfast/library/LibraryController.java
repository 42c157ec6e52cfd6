package app.steadfast.library;

import java.util.List;

import app.steadfast.shared.NotFound;
import app.steadfast.shared.PageMeta;
import app.steadfast.shared.Practice;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The public library: the article list, tag pages, articles and search.
 */
@Controller
class LibraryController {

	static final int MAX_QUERY = 200;

	private final ArticleManagement library;

	private final Practice practice;

	LibraryController(ArticleManagement library, Practice practice) {
		this.library = library;
		this.practice = practice;
	}

	@GetMapping("/articles")
	String list(@RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		model.addAttribute("listing", this.library.page(page, null));
		model.addAttribute("tags", this.library.tags());
		model.addAttribute("pageMeta", meta("/articles" + ((page > 1) ? "?page=" + page : ""), "Articles",
				"Plain writing on rebuilding trust, honesty, feelings and getting help.", "website"));
		return "library/list";
	}

	@GetMapping("/articles/tag/{tag}")
	String tag(@PathVariable String tag, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		ArticlePage listing = this.library.page(page, tag);
		if (listing.articles().isEmpty()) {
			throw new NotFound();
		}
		model.addAttribute("tag", tag);
		model.addAttribute("listing", listing);
		model.addAttribute("tags", this.library.tags());
		model.addAttribute("pageMeta", meta("/articles/tag/" + tag + ((page > 1) ? "?page=" + page : ""),
				"Articles about " + tag.replace('-', ' '), "Articles tagged " + tag + ".", "website"));
		return "library/list";
	}

	@GetMapping("/articles/{slug}")
	Object article(@PathVariable String slug, Model model) {
		return this.library.read(slug).<Object>map((article) -> {
			model.addAttribute("article", article);
			model.addAttribute("pageMeta",
					meta(article.summary().path(), article.summary().title(), article.summary().summary(), "article"));
			return "library/article";
		}).orElseGet(() -> {
			String renamed = this.library.renamedTo(slug).orElseThrow(NotFound::new);
			RedirectView moved = new RedirectView("/articles/" + renamed);
			moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return moved;
		});
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String query, Model model) {
		String q = (query != null) ? query.strip() : "";
		if (q.length() > MAX_QUERY) {
			q = q.substring(0, MAX_QUERY);
		}
		model.addAttribute("q", q);
		List<SearchHit> hits = q.isEmpty() ? List.of() : this.library.search(q);
		model.addAttribute("hits", hits);
		if (hits.isEmpty()) {
			model.addAttribute("suggestions", this.library.page(1, null).articles().stream().limit(3).toList());
		}
		model.addAttribute("pageMeta",
				meta("/search", "Search the articles", "Search the practice's articles.", "website"));
		return "library/search";
	}

	private PageMeta meta(String path, String title, String description, String type) {
		return new PageMeta(this.practice.baseUrl().replaceAll("/+$", "") + path, title, description, type);
	}

}
