package app.steadfast.accounts;

import app.steadfast.accounts.AccountForms.SignUpForm;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up for clients and for partners starting alone, and the sign-in page (Spring
 * Security handles the sign-in itself).
 */
@Controller
class SignUpController {

	/** Where a partner who signed up alone starts: the private intake, safety first. */
	static final String PARTNER_FIRST_PAGE = "/couple/intake";

	private final AccountManagement accounts;

	private final AccountRequests requests;

	private final SignUps signUps;

	private final SignInAfterSignUp signIn;

	SignUpController(AccountManagement accounts, AccountRequests requests, SignUps signUps, SignInAfterSignUp signIn) {
		this.accounts = accounts;
		this.requests = requests;
		this.signUps = signUps;
		this.signIn = signIn;
	}

	/**
	 * The quick exit stands on the sign-in and sign-up pages too: the partner who was
	 * hurt may be the one looking, before she has an account or a session.
	 */
	@ModelAttribute("quickExitForVisitors")
	boolean quickExitForVisitors() {
		return true;
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

	/**
	 * The same answer for a new address and one in use: "check your email". Which email
	 * goes out, and whether an account will be made, is decided after the answer left.
	 */
	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		this.accounts.passwordProblem(form.password())
			.ifPresent((problem) -> errors.rejectValue("password", "password", problem));
		if (errors.hasErrors()) {
			return "accounts/signup";
		}
		if (!this.requests.signUp(form.email(), form.displayName(), form.password(), form.zone(), form.path(),
				request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("throttled", true);
			return "accounts/signup";
		}
		return "redirect:/signup/sent";
	}

	@GetMapping("/signup/sent")
	String sent() {
		return "accounts/signup-sent";
	}

	@GetMapping("/signup/confirm")
	String confirmForm(@RequestParam(name = "token", required = false) String token, Model model) {
		return this.signUps.pending(token).map((name) -> {
			model.addAttribute("name", name);
			model.addAttribute("token", token);
			return "accounts/signup-confirm";
		}).orElse("accounts/signup-expired");
	}

	/**
	 * The password chosen proves the link reached its owner: the account is made, and
	 * they are in. A partner who signed up alone answers the private intake first.
	 */
	@PostMapping("/signup/confirm")
	String confirm(@RequestParam(name = "token", defaultValue = "") String token,
			@RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Person person;
		try {
			person = this.signUps.confirm(token, password, request.getRemoteAddr());
		}
		catch (InvalidAccountInput ex) {
			model.addAttribute("name", this.signUps.pending(token).orElse(""));
			model.addAttribute("token", token);
			model.addAttribute("error", ex.getMessage());
			return "accounts/signup-confirm";
		}
		catch (NotFound ex) {
			return "accounts/signup-expired";
		}
		this.signIn.signIn(person.email(), password, request, response);
		return (person.role() == Role.PARTNER) ? "redirect:" + PARTNER_FIRST_PAGE : "redirect:/?welcome";
	}

}
