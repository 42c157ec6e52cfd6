package app.steadfast.accounts;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import app.steadfast.shared.Practice;
import app.steadfast.shared.SignInFactors;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a person signs in: his passkeys (added with the browser's help, listed with their
 * names and dates, removed), an authenticator app and its recovery codes. Every change
 * here needs a recent sign-in.
 */
@Controller
@RequestMapping("/accounts/security")
class AccountSecurityController {

	private final SecondFactors factors;

	private final Passkeys passkeys;

	private final Practice practice;

	private final Clock clock;

	AccountSecurityController(SecondFactors factors, Passkeys passkeys, Practice practice, Clock clock) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.practice = practice;
		this.clock = clock;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedInAccount person, Model model) {
		model.addAttribute("passkeys", this.passkeys.list(person.getUsername()));
		model.addAttribute("authenticator", this.factors.hasAuthenticator(person.accountId()));
		model.addAttribute("codesLeft", this.factors.recoveryCodesLeft(person.accountId()));
		model.addAttribute("staff", person.secondFactorRequired() && isStaff(person));
		model.addAttribute("zone", (person.zone() != null) ? person.zone() : this.practice.zone());
		return "accounts/security";
	}

	@PostMapping("/authenticator")
	String startAuthenticator(@AuthenticationPrincipal SignedInAccount person, Model model, RedirectAttributes flash) {
		if (this.factors.hasAuthenticator(person.accountId())) {
			flash.addFlashAttribute("notice", "Your authenticator app is already set up.");
			return "redirect:/accounts/security";
		}
		return setup(person, null, model);
	}

	@PostMapping("/authenticator/confirm")
	String confirmAuthenticator(@AuthenticationPrincipal SignedInAccount person,
			@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes flash) {
		if (this.factors.hasAuthenticator(person.accountId())) {
			// Sent twice, or from an old tab: there is nothing left to confirm.
			flash.addFlashAttribute("notice", "Your authenticator app is already set up.");
			return "redirect:/accounts/security";
		}
		List<String> codes;
		try {
			codes = this.factors.confirm(person.accountId(), code, request.getRemoteAddr());
		}
		catch (InvalidAccountInput ex) {
			return setup(person, ex.getMessage(), model);
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		SignInSession.prove(current, SignInFactors.TOTP, this.clock.instant(), request, response);
		model.addAttribute("codes", codes);
		model.addAttribute("next", "/accounts/security");
		return "accounts/recovery-codes";
	}

	@PostMapping("/authenticator/off")
	String turnOff(@AuthenticationPrincipal SignedInAccount person, HttpServletRequest request,
			RedirectAttributes flash) {
		try {
			this.factors.turnOff(person.accountId(), person.role(), person.getUsername(), request.getRemoteAddr());
			flash.addFlashAttribute("notice",
					"Your authenticator app is off, and its recovery codes no longer work. Your password is enough to sign in again.");
		}
		catch (InvalidAccountInput ex) {
			flash.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:/accounts/security";
	}

	@PostMapping("/recovery-codes")
	String renewCodes(@AuthenticationPrincipal SignedInAccount person, HttpServletRequest request, Model model,
			RedirectAttributes flash) {
		try {
			model.addAttribute("codes", this.factors.renewRecoveryCodes(person.accountId(), request.getRemoteAddr()));
		}
		catch (InvalidAccountInput ex) {
			flash.addFlashAttribute("notice", ex.getMessage());
			return "redirect:/accounts/security";
		}
		model.addAttribute("next", "/accounts/security");
		return "accounts/recovery-codes";
	}

	@PostMapping("/passkeys/remove")
	String removePasskey(@AuthenticationPrincipal SignedInAccount person,
			@RequestParam(name = "id", defaultValue = "") String id, RedirectAttributes flash) {
		if (isStaff(person) && !this.factors.hasAuthenticator(person.accountId())
				&& this.passkeys.list(person.getUsername()).size() <= 1) {
			flash.addFlashAttribute("notice",
					"This is your only second way to sign in. Set up an authenticator app first, then remove it.");
			return "redirect:/accounts/security";
		}
		flash.addFlashAttribute("notice", this.passkeys.remove(person.getUsername(), id)
				? "Passkey removed. It can no longer be used to sign in." : "That passkey was not found.");
		return "redirect:/accounts/security";
	}

	private String setup(SignedInAccount person, String error, Model model) {
		String secret = this.factors.pendingSecret(person.accountId());
		model.addAttribute("secret", Totp.grouped(secret));
		model.addAttribute("uri", SecondFactorController.otpauth(this.practice.name(), person.getUsername(), secret));
		model.addAttribute("action", "/accounts/security/authenticator/confirm");
		model.addAttribute("error", error);
		return "accounts/authenticator-setup";
	}

	private static boolean isStaff(SignedIn person) {
		return person.role() == app.steadfast.shared.Role.THERAPIST || person.role() == app.steadfast.shared.Role.ADMIN;
	}

}
