package app.steadfast.care;

import java.util.LinkedHashMap;
import java.util.Map;

import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditEntry;
import app.steadfast.audit.AuditLog;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.safety.CrisisResources;
import app.steadfast.shared.PracticeSettings;
import app.steadfast.shared.SignedIn;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's practice settings: the practice's name and locale, the sender of its
 * emails, the crisis lines shown on every page, where the quick-exit control leads, and
 * the booking rules (session length, buffer, notice, how far ahead). An empty field goes
 * back to the configured value.
 */
@Controller
@RequestMapping("/admin/settings")
class PracticeSettingsController {

	private final PracticeSettings settings;

	private final CrisisResources crisis;

	private final AuditLog audit;

	private final AppointmentManagement appointments;

	PracticeSettingsController(PracticeSettings settings, CrisisResources crisis, AuditLog audit,
			AppointmentManagement appointments) {
		this.appointments = appointments;
		this.settings = settings;
		this.crisis = crisis;
		this.audit = audit;
	}

	@GetMapping
	String form(Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", this.settings.name());
		values.put("mailFrom", this.settings.get(PracticeSettings.MAIL_FROM).orElse(""));
		values.put("locale", this.settings.current().locale());
		values.put("quickExit", this.crisis.quickExitUrl());
		values.put("crisisLines", CrisisResources.format(this.crisis.current()));
		AppointmentManagement.RuleSettings rules = this.appointments.ruleSettings();
		values.put("sessionLength", rules.sessionMinutes());
		values.put("buffer", rules.bufferMinutes());
		values.put("notice", rules.noticeHours());
		values.put("horizon", rules.horizonDays());
		return page(values, Map.of(), model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedIn person, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes flash) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : new String[] { "name", "locale", "mailFrom", "quickExit", "crisisLines", "sessionLength",
				"buffer", "notice", "horizon" }) {
			values.put(field, form.getOrDefault(field, "").strip());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String name = values.get("name");
		if (!name.isEmpty() && (name.length() < 2 || name.length() > 80)) {
			errors.put("name",
					"Give the practice’s name in 2 to 80 characters, or leave it empty for the configured one.");
		}
		String locale = values.get("locale");
		if (!PracticeSettings.LOCALES.containsKey(locale)) {
			errors.put("locale", "Choose one of the listed locales.");
		}
		if (!values.get("mailFrom").isEmpty()) {
			try {
				new InternetAddress(values.get("mailFrom"), true);
			}
			catch (AddressException ex) {
				errors.put("mailFrom", "Give an address like Madrega Wellness <care@example.org>, or leave it empty.");
			}
		}
		if (!values.get("quickExit").isEmpty() && !values.get("quickExit").matches("https://[^\\s<>\"]{4,300}")) {
			errors.put("quickExit", "Give an https:// address of an ordinary site, or leave it empty.");
		}
		String lines = values.get("crisisLines");
		// Lines left as they came for the locale follow the locale, including a new one.
		String before = this.settings.current().locale();
		boolean followsLocale = lines.isEmpty() || sameAs(lines, before) || sameAs(lines, locale);
		if (!followsLocale) {
			try {
				CrisisResources.parse(lines);
			}
			catch (IllegalArgumentException ex) {
				errors.put("crisisLines", ex.getMessage());
			}
		}
		else if (!errors.containsKey("locale") && this.crisis.forLocale(locale).isEmpty()) {
			errors.put("crisisLines", "Steadfast has no crisis lines of its own for "
					+ PracticeSettings.LOCALES.get(locale) + ". Write your country’s lines here.");
		}
		AppointmentManagement.RuleSettings rules = new AppointmentManagement.RuleSettings(values.get("sessionLength"),
				values.get("buffer"), values.get("notice"), values.get("horizon"));
		errors.putAll(this.appointments.problemsWithRules(rules));
		if (!errors.isEmpty()) {
			return page(values, errors, model);
		}
		this.appointments.changeRules(rules);
		this.settings.put(PracticeSettings.NAME, name);
		this.settings.put(PracticeSettings.MAIL_FROM, values.get("mailFrom"));
		this.settings.put(PracticeSettings.LOCALE, locale);
		this.settings.put(PracticeSettings.QUICK_EXIT, values.get("quickExit"));
		this.settings.put(PracticeSettings.CRISIS_LINES, followsLocale ? "" : lines);
		this.audit.record(AuditEntry.security(AuditAction.PRACTICE_SETTINGS_CHANGED, person.accountId(), null, null));
		flash.addFlashAttribute("saved", "Saved. Every page and email uses these from now on.");
		return "redirect:/admin/settings";
	}

	/** Whether the lines are the locale's own, as configured or built in. */
	private boolean sameAs(String lines, String locale) {
		return this.crisis.forLocale(locale)
			.map((resources) -> CrisisResources.format(resources).equals(lines.replace("\r\n", "\n")))
			.orElse(false);
	}

	private String page(Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("locales", PracticeSettings.LOCALES);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("configured", this.appointments.configuredRules());
		return "care/settings";
	}

}
