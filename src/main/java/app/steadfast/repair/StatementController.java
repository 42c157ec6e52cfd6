package app.steadfast.repair;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Htmx;
import app.steadfast.shared.NotFound;
import app.steadfast.repair.RepairForms.ShareForm;
import app.steadfast.repair.RepairForms.StatementForm;
import app.steadfast.shared.SignedIn;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * His accountability statement: the guided editor with the excuse check, whose findings
 * show under the part they came from (as he types with htmx, and on "check" or save
 * without it), its versions, comparing two, and sharing one.
 */
@Controller
@RequestMapping("/repair/statements")
class StatementController {

	private final StatementManagement statements;

	StatementController(StatementManagement statements) {
		this.statements = statements;
	}

	@GetMapping("/new")
	String start(Model model) {
		return editor(model, null, new EnumMap<>(StatementPart.class), null, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") StatementForm form,
			HttpServletRequest request, Model model, RedirectAttributes flash) {
		return submit(person, null, form, request, model, flash);
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal SignedIn person, @PathVariable("id") StatementId statement, Model model) {
		List<VersionView> versions = this.statements.versions(me(person), statement);
		VersionView latest = versions.get(versions.size() - 1);
		model.addAttribute("versions", versions);
		return editor(model, statement, latest.parts(), this.statements.review(latest.parts()), null);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal SignedIn person, @PathVariable("id") StatementId statement,
			@ModelAttribute("form") StatementForm form, HttpServletRequest request, Model model,
			RedirectAttributes flash) {
		model.addAttribute("versions", this.statements.versions(me(person), statement));
		return submit(person, statement, form, request, model, flash);
	}

	@GetMapping("/{id}/versions/{number}")
	String version(@AuthenticationPrincipal SignedIn person, @PathVariable("id") StatementId statement,
			@PathVariable int number, Model model) {
		VersionView version = this.statements.version(me(person), statement, number);
		model.addAttribute("version", version);
		model.addAttribute("versions", this.statements.versions(me(person), statement));
		model.addAttribute("review", this.statements.review(version.parts()));
		model.addAttribute("parts", StatementPart.values());
		return "repair/version";
	}

	@PostMapping("/{id}/versions/{number}/share")
	String share(@AuthenticationPrincipal SignedIn person, @PathVariable("id") StatementId statement,
			@PathVariable int number, @ModelAttribute("form") ShareForm form, BindingResult bound,
			RedirectAttributes flash) {
		// The buttons name one of the two audiences; anything else names no one.
		Audience audience = form.with();
		if (bound.hasErrors() || audience == null) {
			throw new NotFound();
		}
		try {
			this.statements.share(me(person), statement, number, audience);
			flash.addFlashAttribute("saved",
					(audience == Audience.PARTNER)
							? "Shared with your partner. This version is now frozen: it stays exactly as it is."
							: "Shared with your therapist. This version is now frozen: it stays exactly as it is.");
		}
		catch (InvalidRepairInput ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/repair/statements/" + statement.value() + "/versions/" + number;
	}

	@GetMapping("/{id}/compare")
	String compare(@AuthenticationPrincipal SignedIn person, @PathVariable("id") StatementId statement,
			@RequestParam(name = "from", defaultValue = "0") int from,
			@RequestParam(name = "to", defaultValue = "0") int to, Model model) {
		List<VersionView> versions = this.statements.versions(me(person), statement);
		int last = versions.size();
		int a = (from >= 1 && from <= last) ? from : Math.max(1, last - 1);
		int b = (to >= 1 && to <= last) ? to : last;
		model.addAttribute("statement", statement);
		model.addAttribute("versions", versions);
		model.addAttribute("from", a);
		model.addAttribute("to", b);
		model.addAttribute("comparison", this.statements.compare(me(person), statement, a, b));
		return "repair/compare";
	}

	private String submit(SignedIn person, StatementId statement, StatementForm form, HttpServletRequest request,
			Model model, RedirectAttributes flash) {
		Map<StatementPart, String> words = form.words();
		Review review = this.statements.review(words);
		if (!form.saves()) {
			editor(model, statement, words, review, null);
			if (Htmx.isHtmx(request)) {
				// The findings of the part he is typing in (or of every part), and the
				// counts.
				model.addAttribute("only",
						Arrays.stream(StatementPart.values())
							.filter((part) -> part.field().equals(form.only()))
							.findFirst()
							.orElse(null));
				return "repair/check :: htmx";
			}
			return "repair/editor";
		}
		try {
			StatementManagement.Saved saved = this.statements.save(me(person), statement, words);
			flash.addFlashAttribute("crisis", saved.crisis());
			flash.addFlashAttribute("saved",
					(review.warnings() == 0)
							? "Saved as version " + saved.number() + ". Only you can see it until you share it."
							: "Saved as version " + saved.number() + ". The check marked "
									+ Review.places(review.warnings())
									+ " to look at again. Only you can see it until you share it.");
			return "redirect:/repair/statements/" + saved.statement().value();
		}
		catch (InvalidRepairInput ex) {
			return editor(model, statement, words, review, ex);
		}
	}

	private String editor(Model model, StatementId statement, Map<StatementPart, String> words, Review review,
			InvalidRepairInput problem) {
		model.addAttribute("statement", statement);
		model.addAttribute("parts", StatementPart.values());
		model.addAttribute("words", words);
		model.addAttribute("review", review);
		model.addAttribute("problem", problem);
		if (statement != null && !model.containsAttribute("versions")) {
			model.addAttribute("versions", List.of());
		}
		return "repair/editor";
	}

	private static AccountId me(SignedIn person) {
		return person.account();
	}

}
