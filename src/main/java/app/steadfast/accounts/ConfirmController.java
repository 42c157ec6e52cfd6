package app.steadfast.accounts;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.PendingAction;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Confirm it's you": before a sensitive change more than ten minutes after sign-in, the
 * password again (or a passkey), then back to what he was doing, with what he had typed.
 */
@Controller
@RequestMapping("/accounts/confirm")
class ConfirmController {

	private final Accounts accounts;

	private final PasswordEncoder encoder;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final Clock clock;

	ConfirmController(Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit,
			Clock clock) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	String page(HttpSession session, Model model) {
		model.addAttribute("pending", session.getAttribute(PendingAction.SESSION_ATTRIBUTE));
		return "accounts/confirm";
	}

	@PostMapping
	String confirm(@AuthenticationPrincipal SignedInAccount person,
			@RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response, HttpSession session, Model model) {
		String address = request.getRemoteAddr();
		Account account = this.accounts.findById(person.accountId()).orElseThrow();
		boolean throttled = this.throttle.isThrottled(account.email(), address);
		if (throttled || !AccountManagement.matches(this.encoder, password, account.passwordHash())) {
			this.throttle.recordFailure(account.email(), address);
			this.audit
				.record(AuditEntry.security(throttled ? AuditAction.SIGN_IN_THROTTLED : AuditAction.SIGN_IN_FAILED,
						null, account.uuid(), address));
			model.addAttribute("pending", session.getAttribute(PendingAction.SESSION_ATTRIBUTE));
			model.addAttribute("error", throttled ? "Too many tries. Wait a few minutes, then try again."
					: "That isn't your password. Try again.");
			return "accounts/confirm";
		}
		this.throttle.forgetFailures(account.email());
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SignInSession.prove(current, FactorGrantedAuthority.PASSWORD_AUTHORITY, this.clock.instant(), request,
				response);
		return "redirect:/accounts/confirm/continue";
	}

	/** Back to what he was doing: a page opens again; a form is shown to send again. */
	@GetMapping("/continue")
	String carryOn(@AuthenticationPrincipal SignedInAccount person, HttpSession session, Model model) {
		Object saved = session.getAttribute(PendingAction.SESSION_ATTRIBUTE);
		session.removeAttribute(PendingAction.SESSION_ATTRIBUTE);
		if (!(saved instanceof PendingAction pending) || !pending.principal().equals(person.getUsername())) {
			return "redirect:/";
		}
		if (!pending.path().startsWith("/") || pending.path().startsWith("//")) {
			return "redirect:/";
		}
		if (!pending.post()) {
			return "redirect:" + pending.path();
		}
		model.addAttribute("pending", pending);
		return "accounts/confirm-continue";
	}

}
