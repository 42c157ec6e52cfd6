package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A client or partner deletes his own account, with everything in it, after saying so
 * twice: a tick and his password.
 */
@Controller
@RequestMapping("/accounts/delete")
class AccountDeletionController {

	private final AccountManagement accounts;

	AccountDeletionController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String form() {
		return "accounts/delete";
	}

	@PostMapping
	String delete(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "understood", required = false) String understood,
			@RequestParam(name = "password", required = false) String password, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!"yes".equals(understood)) {
			model.addAttribute("understoodError", "Tick the box to say you understand this can’t be undone.");
			return "accounts/delete";
		}
		try {
			this.accounts.deleteOwnAccount(person.account(), password);
		}
		catch (InvalidAccountInput ex) {
			model.addAttribute("understood", true);
			model.addAttribute("passwordError", ex.getMessage());
			return "accounts/delete";
		}
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/login?deleted";
	}

}
