package app.steadfast.couple;

import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.InvalidAccountInput;
import app.steadfast.accounts.Person;
import app.steadfast.accounts.SignInAfterSignUp;
import app.steadfast.couple.CoupleForms.IntakeForm;
import app.steadfast.couple.CoupleForms.InviteForm;
import app.steadfast.couple.CoupleForms.JoinForm;
import app.steadfast.couple.CoupleForms.OfferForm;
import app.steadfast.couple.CoupleForms.RequestForm;
import app.steadfast.couple.CoupleForms.ShareForm;
import app.steadfast.safety.CrisisResources;
import app.steadfast.shared.AccessRule;
import app.steadfast.shared.FormErrors;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.ModuleAccess;
import app.steadfast.shared.SensitiveAction;
import app.steadfast.shared.SensitiveActions;
import app.steadfast.shared.NextStep;
import app.steadfast.shared.NextSteps;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The couple pages: invite, join, the private intake, what each person shares, who read
 * what, the partner's safety page, and ending the link.
 */
@Controller
@RequestMapping("/couple")
class CoupleController {

	/** What she is told when she sends a request during her safety pause. */
	static final String HELD = "Your words are kept safe here. While sharing is paused, nothing you write reaches "
			+ "your partner, so they'll receive it only when the pause ends. Until then you can withdraw it.";

	private final CoupleManagement couple;

	private final AccountManagement accounts;

	private final CrisisResources crisis;

	private final RequestsAndOffers requests;

	private final SignInAfterSignUp signIn;

	private final ReassuranceManagement reassurance;

	CoupleController(CoupleManagement couple, AccountManagement accounts, CrisisResources crisis,
			RequestsAndOffers requests, SignInAfterSignUp signIn, ReassuranceManagement reassurance) {
		this.reassurance = reassurance;
		this.couple = couple;
		this.accounts = accounts;
		this.crisis = crisis;
		this.requests = requests;
		this.signIn = signIn;
	}

	@PostMapping("/requests")
	String request(@AuthenticationPrincipal SignedIn person, @ModelAttribute("requestForm") RequestForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		boolean held = false;
		try {
			if (!errors.hasErrors()) {
				held = this.requests.request(person.account(), form.item(), form.ownWords());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			return home(person, model);
		}
		flash.addFlashAttribute("notice", held ? HELD : "Sent. You can withdraw it at any time.");
		return "redirect:/couple";
	}

	@PostMapping("/requests/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedIn person,
			@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, RedirectAttributes flash) {
		this.requests.withdraw(person.account(), id);
		flash.addFlashAttribute("notice", "Withdrawn.");
		return "redirect:/couple";
	}

	@PostMapping("/offer")
	String offer(@AuthenticationPrincipal SignedIn person, @ModelAttribute("offerForm") OfferForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		try {
			if (!errors.hasErrors()) {
				this.requests.offer(person.account(), form.offer(), form.until());
			}
		}
		catch (InvalidInput ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			return home(person, model);
		}
		flash.addFlashAttribute("notice", "Your offer is shown to both of you. You can take it back at any time.");
		return "redirect:/couple";
	}

	@PostMapping("/offer/end")
	String endOffer(@AuthenticationPrincipal SignedIn person, RedirectAttributes flash) {
		this.requests.endOffer(person.account());
		flash.addFlashAttribute("notice", "Your offer is withdrawn.");
		return "redirect:/couple";
	}

	@GetMapping
	String home(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		model.addAttribute("state", this.couple.state(me));
		model.addAttribute("menu", RequestMenu.values());
		model.addAttribute("offer", this.requests.currentOffer(me).orElse(null));
		model.addAttribute("requests",
				(person.role() == Role.PARTNER) ? this.requests.sentBy(me) : this.requests.receivedBy(me));
		model.addAttribute("shared", this.couple.sharedWithPartner(me));
		model.addAttribute("categories", List.copyOf(CoupleManagement.SHAREABLE));
		model.addAttribute("quietSignal", person.role() == Role.PARTNER && this.reassurance.canSignal(me));
		// After a refused form its own words stay; the other forms start empty.
		if (!model.containsAttribute("inviteForm")) {
			model.addAttribute("inviteForm", InviteForm.empty());
		}
		if (!model.containsAttribute("offerForm")) {
			model.addAttribute("offerForm", OfferForm.empty());
		}
		if (!model.containsAttribute("requestForm")) {
			model.addAttribute("requestForm", RequestForm.empty());
		}
		return "couple/home";
	}

	@PostMapping("/invite")
	String invite(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("inviteForm") InviteForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			return home(person, model);
		}
		this.couple.invite(person.account(), form.email().strip());
		flash.addFlashAttribute("notice",
				"Invitation sent. The link works once, for 7 days. Whether to join is your partner's choice.");
		return "redirect:/couple";
	}

	@PostMapping("/end")
	String end(@AuthenticationPrincipal SignedIn person, RedirectAttributes flash) {
		this.couple.end(person.account());
		flash.addFlashAttribute("notice", "The link is ended. Nothing is shared between you any more.");
		return "redirect:/couple";
	}

	@PostMapping("/sharing")
	String share(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") ShareForm form, BindingResult bound,
			RedirectAttributes flash) {
		// The buttons send one of the kinds listed; any other names no kind there is.
		if (bound.hasErrors() || form.category() == null || form.share() == null) {
			throw new NotFound();
		}
		boolean share = form.share();
		this.couple.share(person.account(), form.category(), share);
		flash.addFlashAttribute("notice", share
				? "Shared. Your partner can see it now, including what you shared in it before. You can stop sharing at any time."
				: "Sharing stopped. Your partner no longer sees any of it, including what you shared before. Turning it back on shows it again.");
		return "redirect:/couple";
	}

	@GetMapping("/reads")
	String reads(@AuthenticationPrincipal SignedIn person, Model model) {
		model.addAttribute("reads", this.couple.readsOfMine(person.account()));
		java.util.Map<String, String> labels = new java.util.HashMap<>(java.util.Arrays.stream(Category.values())
			.collect(java.util.stream.Collectors.toMap(Category::name, Category::label)));
		labels.put(ReassuranceManagement.AUDITED, "Your quiet-signal list");
		model.addAttribute("labels", labels);
		return "couple/reads";
	}

	@GetMapping("/intake")
	String intakeForm(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		model.addAttribute("form", IntakeForm.of(this.couple.intake(me)
			.orElse(new IntakeAnswers("", "", SafetyAnswer.PREFER_NOT_TO_SAY, SafetyAnswer.PREFER_NOT_TO_SAY))));
		model.addAttribute("partnerRole", person.role() == Role.PARTNER);
		return "couple/intake";
	}

	@PostMapping("/intake")
	String intake(@AuthenticationPrincipal SignedIn person, @Valid @ModelAttribute("form") IntakeForm form,
			BindingResult bound, Model model, RedirectAttributes flash) {
		BindingResult errors = FormErrors.of(form, bound, model);
		if (errors.hasErrors()) {
			model.addAttribute("partnerRole", person.role() == Role.PARTNER);
			return "couple/intake";
		}
		IntakeAnswers answers = form.answers();
		boolean isPartner = person.role() == Role.PARTNER;
		this.couple.answerIntake(person.account(), isPartner ? answers
				: new IntakeAnswers(answers.brings(), answers.hopes(), SafetyAnswer.NO, SafetyAnswer.NO));
		if (isPartner && answers.asksForPause()) {
			return "redirect:/couple/safety";
		}
		flash.addFlashAttribute("notice", "Thank you. Your answers are private: your partner never sees them.");
		return "redirect:/couple";
	}

	@GetMapping("/safety")
	String safety(Model model) {
		model.addAttribute("resources", this.crisis.current());
		return "couple/safety";
	}

	@GetMapping("/join")
	String join(@RequestParam(name = "token", required = false) String token, @AuthenticationPrincipal SignedIn person,
			Model model) {
		return this.couple.invitedBy(token).map((client) -> {
			model.addAttribute("invitedBy", client.displayName());
			model.addAttribute("signedInRole", (person != null) ? person.role() : null);
			model.addAttribute("form", JoinForm.of(token));
			return "couple/join";
		}).orElse("couple/join-expired");
	}

	@PostMapping("/join")
	String accept(@Valid @ModelAttribute("form") JoinForm form, BindingResult errors,
			@AuthenticationPrincipal SignedIn person, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String token = form.token();
		Person client = this.couple.invitedBy(token).orElse(null);
		if (client == null) {
			return "couple/join-expired";
		}
		if (person != null && person.role() != Role.PARTNER) {
			model.addAttribute("invitedBy", client.displayName());
			model.addAttribute("signedInRole", person.role());
			model.addAttribute("form", JoinForm.of(token));
			return "couple/join";
		}
		if (person != null) {
			try {
				this.couple.acceptWithAccount(token, person.account());
			}
			catch (NotFound ex) {
				return "couple/join-expired";
			}
			return "redirect:/couple/intake";
		}
		model.addAttribute("invitedBy", client.displayName());
		if (!errors.hasFieldErrors("email") && !errors.hasFieldErrors("displayName")) {
			this.accounts.passwordProblem(form.password())
				.ifPresent((problem) -> errors.rejectValue("password", "password", problem));
		}
		if (errors.hasErrors()) {
			return "couple/join";
		}
		try {
			Person partner = this.couple.acceptWithNewAccount(token, form.email().strip(), form.displayName(),
					form.password(), request.getRemoteAddr());
			// The password just chosen signs the partner in, as after sign-up;
			// the private intake comes next.
			this.signIn.signIn(partner.email(), form.password(), request, response);
			return "redirect:/couple/intake";
		}
		catch (InvalidAccountInput ex) {
			ex.rejectIn(errors);
			return "couple/join";
		}
		catch (NotFound ex) {
			return "couple/join-expired";
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Access {

		@Bean
		ModuleAccess coupleRules() {
			return () -> List.of(AccessRule.everyone("/couple/join"),
					AccessRule.roles("/couple", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/invite", Role.CLIENT),
					AccessRule.roles("/couple/end", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/sharing", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/reads", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/intake", Role.CLIENT, Role.PARTNER),
					AccessRule.roles("/couple/safety", Role.PARTNER),
					AccessRule.roles("/couple/requests/**", Role.PARTNER),
					AccessRule.roles("/couple/offer/**", Role.CLIENT));
		}

		/** Sharing with his partner needs a recent sign-in; stopping never waits. */
		@Bean
		SensitiveActions coupleSensitiveActions() {
			return () -> List.of(SensitiveAction.when(HttpMethod.POST, "/couple/sharing", "share", "true"));
		}

		@Bean
		NextSteps coupleNextSteps(CoupleManagement couple) {
			return (person) -> switch (person.role()) {
				case PARTNER -> List.of(new NextStep("Your space, your choices",
						"Answer a short private intake, choose what (if anything) to share, and see who read what.",
						"/couple", "Open your space", 5));
				case CLIENT -> couple.partnerOf(person.account()).isPresent()
						? List.of(new NextStep("You and your partner",
								"What each of you shares, and who read what, when.", "/couple", "Open", 40))
						: List.of(new NextStep("Your partner's side, if they want it",
								"Your partner can have an account and a private space of their own. Everything here works without it too.",
								"/couple", "Learn more", 95));
				default -> List.of();
			};
		}

	}

}
