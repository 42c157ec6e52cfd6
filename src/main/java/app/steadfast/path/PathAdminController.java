package app.steadfast.path;

import app.steadfast.path.PathForms.NewStepForm;
import app.steadfast.path.PathForms.StepForm;
import app.steadfast.shared.InvalidInput;
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
 * The admin's editor of her path, the way the article editor works: Markdown with a
 * preview (the article editor's), saved at once. His edit overrides the shipped text; he
 * adds steps, and removes them without touching anyone's answers.
 */
@Controller
@RequestMapping("/admin/path")
class PathAdminController {

	private final PathManagement path;

	PathAdminController(PathManagement path) {
		this.path = path;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("steps", this.path.all());
		return "path/admin-list";
	}

	@GetMapping("/new")
	String addForm(Model model) {
		return newPage(NewStepForm.empty(this.path.nextPosition()), model);
	}

	@PostMapping("/new")
	String add(@Valid @ModelAttribute("form") NewStepForm form, BindingResult errors, Model model,
			RedirectAttributes flash) {
		if (form.previews() || errors.hasErrors()) {
			return newPage(form, model);
		}
		StepText text = form.text();
		try {
			this.path.add(text);
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
			return newPage(form, model);
		}
		flash.addFlashAttribute("saved", "Added. Partners see the new step in their path now.");
		return "redirect:/admin/path/" + text.key();
	}

	@PostMapping("/{key}/remove")
	String remove(@PathVariable String key, RedirectAttributes flash) {
		StepText removed = this.path.text(key);
		this.path.remove(removed.key());
		flash.addFlashAttribute("notice", "“" + removed.title() + "” is removed from the path. Anyone who answered it "
				+ "keeps the answer in their journal.");
		return "redirect:/admin/path";
	}

	@GetMapping("/{key}")
	String edit(@PathVariable String key, Model model) {
		return editPage(key, StepForm.of(this.path.text(key)), model);
	}

	@PostMapping("/{key}")
	String save(@PathVariable String key, @Valid @ModelAttribute("form") StepForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		StepText current = this.path.text(key);
		if (form.previews() || errors.hasErrors()) {
			return editPage(current.key(), form, model);
		}
		try {
			this.path.edit(current.key(), form.text(current.key()));
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
			return editPage(current.key(), form, model);
		}
		flash.addFlashAttribute("saved", "Saved. Partners see the new text now.");
		return "redirect:/admin/path/" + current.key();
	}

	private String newPage(NewStepForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("previewHtml", this.path.preview((form.body() != null) ? form.body() : ""));
		return "path/admin-edit";
	}

	private String editPage(String key, StepForm form, Model model) {
		model.addAttribute("key", key);
		model.addAttribute("form", form);
		model.addAttribute("previewHtml", this.path.preview((form.body() != null) ? form.body() : ""));
		return "path/admin-edit";
	}

}
