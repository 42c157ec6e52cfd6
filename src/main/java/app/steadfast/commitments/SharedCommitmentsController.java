package app.steadfast.commitments;

import java.time.LocalDate;
import java.util.List;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.SharingManagement;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Commitments others chose to share with this person, read only, through the sharing
 * module (each read is audited and shown to their owner).
 */
@Controller
class SharedCommitmentsController {

	/**
	 * One person's shared commitments.
	 *
	 * @param name their chosen name
	 * @param commitments their commitments
	 * @param reliability their last 4 weeks
	 * @param mayConfirm whether this person may say what they saw (the sharing module
	 * decides)
	 * @param reachesThem whether what this person says they saw is shown to the owner now
	 * (only while this person shares commitments with them; the sharing module decides)
	 */
	record Shared(String name, List<CommitmentView> commitments, Reliability reliability, boolean mayConfirm,
			boolean reachesThem) {
	}

	private final SharingManagement sharing;

	private final CommitmentManagement commitments;

	private final AccountManagement accounts;

	SharedCommitmentsController(SharingManagement sharing, CommitmentManagement commitments,
			AccountManagement accounts) {
		this.sharing = sharing;
		this.commitments = commitments;
		this.accounts = accounts;
	}

	@GetMapping("/commitments/shared")
	String shared(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		List<Shared> shared = this.sharing.activeGrantsTo(me)
			.stream()
			.filter((g) -> g.category() == Category.COMMITMENTS)
			.map(Grant::owner)
			.distinct()
			.map((owner) -> new Shared(this.accounts.find(owner).map(Person::displayName).orElse(""),
					this.commitments.list(me, owner), this.commitments.reliability(me, owner, 4),
					this.sharing.mayAct(me, owner, Category.COMMITMENTS),
					this.sharing.mayShowContribution(me, owner, Category.COMMITMENTS)))
			.toList();
		model.addAttribute("shared", shared);
		model.addAttribute("pausedForMe",
				this.sharing.channel(me).filter(SharingManagement.PartnerChannel::pausedByMe).isPresent());
		return "commitments/shared";
	}

	@PostMapping("/commitments/shared/{id}/{date}")
	String witness(@AuthenticationPrincipal SignedIn person, @PathVariable("id") CommitmentId commitment,
			@PathVariable("date") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@ModelAttribute("form") WitnessForm form, BindingResult bound, RedirectAttributes flash) {
		// A choice that is none of the options reads as no choice: the rule asks for one.
		Seen view = bound.hasFieldErrors("seen") ? null : form.seen();
		String note = (form.note() != null) ? form.note() : "";
		try {
			this.commitments.witness(person.account(), commitment, day, view, note);
			flash.addFlashAttribute("notice", "Thank you. Your view is shown beside theirs.");
		}
		catch (InvalidCommitment ex) {
			flash.addFlashAttribute("notice", ex.getMessage());
		}
		return "redirect:/commitments/shared";
	}

	/**
	 * What she saw on a day of his promise, and her note.
	 *
	 * @param seen kept, missed, or not sure; {@code null} when she chose nothing
	 * @param note her words, or nothing
	 */
	record WitnessForm(@Nullable Seen seen, @Nullable String note) {
	}

}
