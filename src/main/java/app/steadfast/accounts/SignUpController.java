package app.steadfast.accounts;

import app.steadfast.accounts.AccountForms.SignUpForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Sign-up for clients, and the sign-in page (Spring Security handles the sign-in itself).
 */
@Controller
class SignUpController {

	private final AccountManagement accounts;

	private final SignInAfterSignUp signIn;

	SignUpController(AccountManagement accounts, SignInAfterSignUp signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal UserDetails person) {
		return (person != null) ? "redirect:/" : "accounts/login";
	}

	@GetMapping("/signup")
	String signUpForm(@AuthenticationPrincipal UserDetails person, Model model) {
		if (person != null) {
			return "redirect:/";
		}
		model.addAttribute("form", SignUpForm.empty());
		return "accounts/signup";
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response) {
		this.accounts.passwordProblem(form.password())
			.ifPresent((problem) -> errors.rejectValue("password", "password", problem));
		if (errors.hasErrors()) {
			return "accounts/signup";
		}
		try {
			this.accounts.signUp(form.email(), form.displayName(), form.password(), request.getRemoteAddr());
		}
		catch (InvalidAccountInput ex) {
			errors.rejectValue(ex.field(), ex.field(), ex.getMessage());
			return "accounts/signup";
		}
		this.signIn.signIn(form.email(), form.password(), request, response);
		return "redirect:/?welcome";
	}

}
