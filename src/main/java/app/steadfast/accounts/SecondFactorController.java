package app.steadfast.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.shared.Practice;
import app.steadfast.shared.SignInFactors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in with a password, for accounts that need one: a code from
 * the authenticator app (or a recovery code); or, for staff who have no second factor
 * yet, setting up the app, before any other page opens.
 */
@Controller
@RequestMapping("/login/code")
class SecondFactorController {

	private final SecondFactors factors;

	private final Practice practice;

	private final Clock clock;

	private final AuditLog audit;

	SecondFactorController(SecondFactors factors, Practice practice, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.factors = factors;
		this.practice = practice;
		this.clock = clock;
	}

	@GetMapping
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		Authentication authentication = pending();
		if (authentication == null) {
			return "redirect:/login";
		}
		if (SignInFactors.complete(authentication)) {
			return "redirect:/";
		}
		SignedInAccount account = (SignedInAccount) authentication.getPrincipal();
		if (this.factors.hasAuthenticator(account.accountId())) {
			return "accounts/code";
		}
		return setup(account, null, model);
	}

	@PostMapping
	String check(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Authentication authentication = pending();
		if (authentication == null) {
			return "redirect:/login";
		}
		if (SignInFactors.complete(authentication)) {
			return "redirect:/";
		}
		SignedInAccount account = (SignedInAccount) authentication.getPrincipal();
		SecondFactors.Outcome outcome = this.factors.verify(account.accountId(), code, request.getRemoteAddr());
		switch (outcome) {
			case ACCEPTED, RECOVERY_CODE_ACCEPTED -> {
				SignInSession.prove(authentication, SignInFactors.TOTP, this.clock.instant(), request, response);
				signedIn(account, request);
				if (outcome == SecondFactors.Outcome.RECOVERY_CODE_ACCEPTED) {
					return "redirect:/accounts/security?recovery";
				}
				return "redirect:" + SignInSession.savedTarget(request, response);
			}
			case THROTTLED -> model.addAttribute("error",
					"Too many wrong codes. Wait a few minutes, then try again with the newest code.");
			default -> model.addAttribute("error",
					"That code doesn't match. Type the newest code from your app, or one of your recovery codes.");
		}
		return "accounts/code";
	}

	@PostMapping("/setup")
	String confirmSetup(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Authentication authentication = pending();
		if (authentication == null) {
			return "redirect:/login";
		}
		if (SignInFactors.complete(authentication)) {
			return "redirect:/";
		}
		SignedInAccount account = (SignedInAccount) authentication.getPrincipal();
		List<String> codes;
		try {
			codes = this.factors.confirm(account.accountId(), code, request.getRemoteAddr());
		}
		catch (InvalidAccountInput ex) {
			return setup(account, ex.getMessage(), model);
		}
		SignInSession.prove(authentication, SignInFactors.TOTP, this.clock.instant(), request, response);
		signedIn(account, request);
		model.addAttribute("codes", codes);
		model.addAttribute("next", SignInSession.savedTarget(request, response));
		return "accounts/recovery-codes";
	}

	/** Every factor passed: now, and only now, he is signed in. */
	private void signedIn(SignedInAccount account, HttpServletRequest request) {
		this.audit.record(new AuditEntry(AuditAction.SIGNED_IN, account.accountId(), account.accountId(), null, null,
				"TOTP", request.getRemoteAddr()));
	}

	private String setup(SignedInAccount account, String error, Model model) {
		String secret = this.factors.pendingSecret(account.accountId());
		model.addAttribute("secret", Totp.grouped(secret));
		model.addAttribute("uri", otpauth(this.practice.name(), account.getUsername(), secret));
		model.addAttribute("action", "/login/code/setup");
		model.addAttribute("error", error);
		return "accounts/authenticator-setup";
	}

	static String otpauth(String issuer, String email, String secret) {
		String label = encode(issuer) + ":" + encode(email);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=30";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The signed-in (possibly half signed-in) person, or null for a visitor. */
	static Authentication pending() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof SignedInAccount)) {
			return null;
		}
		return authentication;
	}

}
