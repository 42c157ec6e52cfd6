package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import java.time.ZoneId;

import app.steadfast.shared.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your account": his time zone, and the way to his password and sign-in pages.
 */
@Controller
@RequestMapping("/accounts/settings")
class AccountSettingsController {

	private final AccountManagement accounts;

	private final TimeZones zones;

	AccountSettingsController(AccountManagement accounts, TimeZones zones) {
		this.accounts = accounts;
		this.zones = zones;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId id = person.account();
		model.addAttribute("form", new ZoneForm(this.accounts.zone(id).getId()));
		return page(model);
	}

	/** Moves him to the zone chosen; a zone not on the list is refused, and kept. */
	@PostMapping
	String changeZone(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") ZoneForm form,
			BindingResult errors, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes flash) {
		ZoneId zone = this.zones.choice(form.zone()).orElse(null);
		if (zone == null) {
			errors.rejectValue("zone", "zone", "Choose your time zone from the list.");
			return page(model);
		}
		this.accounts.changeZone(person.account(), zone);
		SignInSession.changeZone(authentication, zone, request, response);
		flash.addFlashAttribute("saved", true);
		return "redirect:/accounts/settings";
	}

	private String page(Model model) {
		model.addAttribute("zones", this.zones.choices());
		return "accounts/settings";
	}

	/** The time zone, as chosen. */
	record ZoneForm(String zone) {
	}

}
