package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountForms.ChangePasswordForm;
import app.steadfast.accounts.AccountForms.ForgotForm;
import app.steadfast.accounts.AccountForms.ResetForm;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing a password while signed in, and resetting a forgotten one by an emailed link.
 */
@Controller
@RequestMapping("/accounts")
class PasswordController {

	private final AccountManagement accounts;

	private final AccountRequests requests;

	private final PasswordLinks links;

	PasswordController(AccountManagement accounts, AccountRequests requests, PasswordLinks links) {
		this.accounts = accounts;
		this.requests = requests;
		this.links = links;
	}

	@GetMapping("/password")
	String changeForm(Model model) {
		model.addAttribute("form", ChangePasswordForm.empty());
		return "accounts/password";
	}

	@PostMapping("/password")
	String change(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("form") ChangePasswordForm form,
			BindingResult errors, HttpSession session, RedirectAttributes flash) {
		this.accounts.passwordProblem(form.newPassword())
			.ifPresent((problem) -> errors.rejectValue("newPassword", "newPassword", problem));
		if (errors.hasErrors()) {
			return "accounts/password";
		}
		try {
			this.accounts.changePassword(person.account(), form.currentPassword(), form.newPassword(), session.getId());
		}
		catch (InvalidAccountInput ex) {
			ex.rejectIn(errors);
			return "accounts/password";
		}
		flash.addFlashAttribute("changed", true);
		return "redirect:/accounts/password";
	}

	@GetMapping("/forgot")
	String forgotForm(Model model) {
		model.addAttribute("form", new ForgotForm(""));
		return "accounts/forgot";
	}

	@PostMapping("/forgot")
	String forgot(@Valid @ModelAttribute("form") ForgotForm form, BindingResult errors, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, Model model) {
		if (errors.hasErrors()) {
			return "accounts/forgot";
		}
		if (!this.requests.reset(form.email(), request.getRemoteAddr())) {
			response.setStatus(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("throttled", true);
			return "accounts/forgot";
		}
		model.addAttribute("sent", true);
		return "accounts/forgot";
	}

	@GetMapping("/reset")
	String resetForm(@RequestParam(name = "token", required = false) String token, Model model) {
		return this.links.check(token).map((link) -> {
			model.addAttribute("link", link);
			model.addAttribute("form", new ResetForm(token, ""));
			return "accounts/reset";
		}).orElse("accounts/reset-expired");
	}

	@PostMapping("/reset")
	String reset(@ModelAttribute("form") ResetForm form, BindingResult errors, Model model) {
		var link = this.links.check(form.token());
		if (link.isEmpty()) {
			return "accounts/reset-expired";
		}
		model.addAttribute("link", link.get());
		try {
			this.links.reset(form.token(), form.password());
		}
		catch (InvalidAccountInput ex) {
			errors.rejectValue("password", "password", ex.getMessage());
			return "accounts/reset";
		}
		catch (NotFound ex) {
			return "accounts/reset-expired";
		}
		return "redirect:/login?reset";
	}

}
