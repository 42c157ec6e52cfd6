package app.steadfast.repair;

import java.util.List;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.repair.RepairForms.WordsForm;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.SharingManagement;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Statement versions shared with this person (a partner or therapist), read only and
 * audited; a partner may respond in their own words.
 */
@Controller
class SharedStatementsController {

	/**
	 * A version with its writer's name.
	 *
	 * @param name the writer's chosen name
	 * @param version the version
	 */
	record Shared(String name, VersionView version) {
	}

	private final StatementManagement statements;

	private final AccountManagement accounts;

	private final SharingManagement sharing;

	SharedStatementsController(StatementManagement statements, AccountManagement accounts, SharingManagement sharing) {
		this.statements = statements;
		this.accounts = accounts;
		this.sharing = sharing;
	}

	@GetMapping("/repair/shared")
	String shared(@AuthenticationPrincipal SignedIn person, Model model) {
		List<Shared> shared = this.statements.sharedWith(person.account())
			.stream()
			.map((v) -> new Shared(name(v.owner()), v))
			.toList();
		model.addAttribute("shared", shared);
		return "repair/shared";
	}

	@GetMapping("/repair/shared/{id}")
	String version(@AuthenticationPrincipal SignedIn person, @PathVariable UUID id, Model model) {
		VersionView version = this.statements.sharedVersion(person.account(), id);
		model.addAttribute("shared", new Shared(name(version.owner()), version));
		model.addAttribute("parts", StatementPart.values());
		model.addAttribute("mayRespond", person.role() == Role.PARTNER);
		model.addAttribute("reachesThem", reachesThem(person, version.owner()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", WordsForm.empty());
		}
		return "repair/shared-version";
	}

	@PostMapping("/repair/shared/{id}/respond")
	String respond(@AuthenticationPrincipal SignedIn person, @PathVariable("id") UUID version,
			@ModelAttribute("form") WordsForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			this.statements.respond(person.account(), version, form.words());
			flash.addFlashAttribute("saved",
					reachesThem(person, this.statements.sharedVersion(person.account(), version).owner())
							? "Your response is saved. Your partner can read it with this version."
							: "Your response is saved. Your partner will see it once you share statements with them.");
			return "redirect:/repair/shared/" + version;
		}
		catch (InvalidRepairInput ex) {
			ex.rejectIn(errors);
			return version(person, version, model);
		}
	}

	/**
	 * Whether what this person writes on the owner's statements is shown to him now (only
	 * while this person shares statements with him; the sharing module decides).
	 */
	private boolean reachesThem(SignedIn person, AccountId owner) {
		return this.sharing.mayShowContribution(person.account(), owner, Category.STATEMENTS);
	}

	private String name(AccountId owner) {
		return this.accounts.find(owner).map(Person::displayName).orElse("");
	}

}
