package app.steadfast.library;

import app.steadfast.shared.Htmx;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.PracticeSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's article editor: write in Markdown with a preview, save drafts, publish and
 * unpublish.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleAdminController {

	/** The htmx event the editor fires when the preview was refreshed. */
	static final String PREVIEW_TARGET = "article-preview";

	private final ArticleManagement library;

	private final PracticeSettings practice;

	ArticleAdminController(ArticleManagement library, PracticeSettings practice) {
		this.library = library;
		this.practice = practice;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("articles", this.library.all());
		return "library/admin-list";
	}

	@GetMapping("/new")
	String newArticle(Model model) {
		model.addAttribute("form", ArticleForm.empty("The " + this.practice.current().name() + " team"));
		return "library/admin-edit";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") ArticleForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (form.previews() || errors.hasErrors()) {
			return editPage(form, null, model);
		}
		try {
			ArticleId id = this.library.create(form.content());
			flash.addFlashAttribute("saved", "The draft is saved. Visitors can't see it until you publish it.");
			return "redirect:/admin/articles/" + id.value();
		}
		catch (InvalidArticle ex) {
			ex.rejectIn(errors);
			return editPage(form, null, model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable ArticleId id, Model model) {
		return editPage(ArticleForm.of(this.library.content(id)), this.library.summary(id), model);
	}

	@PostMapping("/{id}")
	String save(@PathVariable ArticleId id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		ArticleSummary current = this.library.summary(id);
		if (form.previews() || errors.hasErrors()) {
			return editPage(form, current, model);
		}
		try {
			this.library.revise(id, form.content());
		}
		catch (InvalidArticle ex) {
			ex.rejectIn(errors);
			return editPage(form, current, model);
		}
		flash.addFlashAttribute("saved",
				(current.status() == ArticleStatus.PUBLISHED) ? "Saved. The changes are live." : "The draft is saved.");
		return "redirect:/admin/articles/" + id.value();
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable ArticleId id, RedirectAttributes flash) {
		this.library.publish(id);
		flash.addFlashAttribute("saved", "Published. Visitors can read it now.");
		return "redirect:/admin/articles/" + id.value();
	}

	@PostMapping("/{id}/unpublish")
	String unpublish(@PathVariable ArticleId id, RedirectAttributes flash) {
		this.library.unpublish(id);
		flash.addFlashAttribute("saved", "Unpublished. It's a draft again; visitors can't see it.");
		return "redirect:/admin/articles/" + id.value();
	}

	@PostMapping("/preview")
	String preview(@ModelAttribute("previewForm") PreviewForm form, Model model, HttpServletRequest request) {
		model.addAttribute("previewHtml", this.library.preview((form.body() != null) ? form.body() : ""));
		if (!Htmx.isHtmx(request)) {
			throw new NotFound();
		}
		return "library/admin-edit :: preview";
	}

	private String editPage(ArticleForm form, ArticleSummary current, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("current", current);
		model.addAttribute("previewHtml", this.library.preview(form.body()));
		return "library/admin-edit";
	}

	/**
	 * The text the editor's live preview renders.
	 *
	 * @param body the article's Markdown
	 */
	record PreviewForm(@Nullable String body) {
	}

}
