package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountForms.RoleForm;
import app.steadfast.accounts.AccountForms.StaffForm;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.OutboxMessage;
import app.steadfast.shared.Postbox;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pages for staff accounts and for the local outbox.
 */
@Controller
@RequestMapping("/admin")
class StaffController {

	private final AccountManagement accounts;

	private final Postbox postbox;

	StaffController(AccountManagement accounts, Postbox postbox) {
		this.accounts = accounts;
		this.postbox = postbox;
	}

	@GetMapping("/staff")
	String staff(Model model) {
		model.addAttribute("form", StaffForm.empty());
		return staffPage(model);
	}

	@PostMapping("/staff")
	String create(@AuthenticationPrincipal SignedIn admin, @Valid @ModelAttribute("form") StaffForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			return staffPage(model);
		}
		try {
			Person created = this.accounts.createStaff(admin.account(), form.email(), form.displayName(), form.role());
			flash.addFlashAttribute("created", created.displayName());
		}
		catch (InvalidAccountInput ex) {
			ex.rejectIn(errors);
			return staffPage(model);
		}
		return "redirect:/admin/staff";
	}

	@PostMapping("/staff/{id}/role")
	String changeRole(@AuthenticationPrincipal SignedIn admin, @PathVariable("id") AccountId target,
			@Valid @ModelAttribute RoleForm form, BindingResult errors, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			flash.addFlashAttribute("roleProblem", "Choose a role.");
			return "redirect:/admin/staff";
		}
		try {
			this.accounts.changeRole(admin.account(), target, form.role());
			flash.addFlashAttribute("roleChanged", true);
		}
		catch (InvalidAccountInput ex) {
			flash.addFlashAttribute("roleProblem", ex.getMessage());
		}
		return "redirect:/admin/staff";
	}

	@PostMapping("/staff/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal SignedIn admin, @PathVariable AccountId id, RedirectAttributes flash) {
		try {
			this.accounts.deactivate(admin.account(), id);
			flash.addFlashAttribute("deactivatedNotice", true);
		}
		catch (InvalidAccountInput ex) {
			flash.addFlashAttribute("roleProblem", ex.getMessage());
		}
		return "redirect:/admin/staff";
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("local", this.postbox.keepsMailLocally());
		model.addAttribute("messages", this.postbox.outbox());
		return "accounts/outbox";
	}

	@GetMapping("/outbox/{name}")
	String outboxMessage(@PathVariable String name, Model model) {
		OutboxMessage message = this.postbox.outboxMessage(name).orElseThrow(NotFound::new);
		model.addAttribute("message", message);
		return "accounts/outbox-message";
	}

	private String staffPage(Model model) {
		model.addAttribute("staff", this.accounts.staff());
		model.addAttribute("deactivated",
				this.accounts.deactivatedStaff()
					.stream()
					.map(AccountId::value)
					.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("roles", new Role[] { Role.THERAPIST, Role.ADMIN });
		return "accounts/staff";
	}

}
