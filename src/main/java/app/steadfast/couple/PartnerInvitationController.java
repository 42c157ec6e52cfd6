package app.steadfast.couple;

import java.util.List;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.InvalidAccountInput;
import app.steadfast.accounts.Person;
import app.steadfast.accounts.SignInAfterSignUp;
import app.steadfast.shared.AccessRule;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner on her own invites him (or never does), and he accepts from the email: with a
 * new account, or with the client account he is signed in with.
 */
@Controller
class PartnerInvitationController {

	private final PartnerInvitesClient invitations;

	private final CoupleManagement couple;

	private final AccountManagement accounts;

	private final SignInAfterSignUp signIn;

	PartnerInvitationController(PartnerInvitesClient invitations, CoupleManagement couple, AccountManagement accounts,
			SignInAfterSignUp signIn) {
		this.invitations = invitations;
		this.couple = couple;
		this.accounts = accounts;
		this.signIn = signIn;
	}

	record InvitationForm(@NotBlank(message = "{couple.invitation.email.required}") @Email(
			message = "{email.invalid}") @Size(max = 254, message = "{email.size}") String email) {
	}

	record AcceptForm(String token,
			@NotBlank(message = "{account.email.required}") @Email(message = "{email.invalid}") @Size(max = 254,
					message = "{email.size}") String email,
			@NotBlank(message = "{name.required}") @Size(max = 80, message = "{text.size}") String displayName,
			String password) {
	}

	@GetMapping("/couple/invitation")
	String invitationForm(@AuthenticationPrincipal SignedIn person, Model model) {
		if (!this.invitations.mayInvite(person.account())) {
			return "redirect:/couple";
		}
		model.addAttribute("form", new InvitationForm(""));
		return invitationPage(person, model);
	}

	@PostMapping("/couple/invitation")
	String invite(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("form") InvitationForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (!this.invitations.mayInvite(person.account())) {
			throw new NotFound();
		}
		if (errors.hasErrors()) {
			return invitationPage(person, model);
		}
		this.invitations.invite(person.account(), form.email());
		flash.addFlashAttribute("notice",
				"Invitation sent. The link works once, for 7 days. Whether to join is your partner's choice, and "
						+ "nothing of yours is shared unless you turn it on.");
		return "redirect:/couple";
	}

	@GetMapping("/couple/accept")
	String acceptPage(@RequestParam(name = "token", required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable SignedIn person, Model model) {
		return this.invitations.invitedBy(token).map((partner) -> {
			model.addAttribute("form", new AcceptForm(token, "", "", ""));
			return acceptPage(partner, person, model);
		}).orElse("couple/join-expired");
	}

	@PostMapping("/couple/accept")
	String accept(@Valid @ModelAttribute("form") AcceptForm form, BindingResult errors,
			@AuthenticationPrincipal @Nullable SignedIn person, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Person partner = this.invitations.invitedBy(form.token()).orElse(null);
		if (partner == null) {
			return "couple/join-expired";
		}
		if (person != null) {
			if (person.role() != Role.CLIENT) {
				return acceptPage(partner, person, model);
			}
			try {
				this.invitations.acceptWithAccount(form.token(), person.account());
			}
			catch (NotFound ex) {
				return "couple/join-expired";
			}
			return "redirect:/couple/intake";
		}
		this.accounts.passwordProblem(form.password())
			.ifPresent((problem) -> errors.rejectValue("password", "password", problem));
		if (errors.hasErrors()) {
			return acceptPage(partner, null, model);
		}
		try {
			Person client = this.invitations.acceptWithNewAccount(form.token(), form.email(), form.displayName(),
					form.password(), request.getRemoteAddr());
			// The password just chosen signs him in, as after sign-up; his own private
			// intake comes next.
			this.signIn.signIn(client.email(), form.password(), request, response);
			return "redirect:/couple/intake";
		}
		catch (InvalidAccountInput ex) {
			errors.rejectValue(ex.field(), ex.field(), ex.getMessage());
			return acceptPage(partner, null, model);
		}
		catch (NotFound ex) {
			return "couple/join-expired";
		}
	}

	private String invitationPage(SignedIn person, Model model) {
		model.addAttribute("pending", this.couple.state(person.account()).pendingInvitation());
		return "couple/invitation";
	}

	private String acceptPage(Person partner, @Nullable SignedIn person, Model model) {
		model.addAttribute("invitedBy", partner.displayName());
		model.addAttribute("signedInRole", (person != null) ? person.role() : null);
		return "couple/accept";
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess partnerInvitationRules() {
			return () -> List.of(AccessRule.roles("/couple/invitation", Role.PARTNER),
					AccessRule.everyone("/couple/accept"));
		}

	}

}
