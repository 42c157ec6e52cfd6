package app.steadfast.accounts;

import app.steadfast.accounts.AccountForms.SetupForm;
import app.steadfast.shared.NotFound;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The one-time setup page: creates the practice's first admin, and answers 404 once one
 * exists.
 */
@Controller
class SetupController {

	private final AccountManagement accounts;

	SetupController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/setup")
	String form(Model model) {
		if (this.accounts.adminExists()) {
			throw new NotFound();
		}
		model.addAttribute("form", SetupForm.empty());
		return "accounts/setup";
	}

	@PostMapping("/setup")
	String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors) {
		if (this.accounts.adminExists()) {
			throw new NotFound();
		}
		this.accounts.passwordProblem(form.password())
			.ifPresent((problem) -> errors.rejectValue("password", "password", problem));
		if (errors.hasErrors()) {
			return "accounts/setup";
		}
		try {
			this.accounts.createFirstAdmin(form.email(), form.displayName(), form.password());
		}
		catch (InvalidAccountInput ex) {
			ex.rejectIn(errors);
			return "accounts/setup";
		}
		return "redirect:/login?setup";
	}

}
