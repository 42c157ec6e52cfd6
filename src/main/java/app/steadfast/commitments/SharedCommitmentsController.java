package app.steadfast.commitments;

import java.util.List;

import app.steadfast.accounts.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.SignedIn;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.Grant;
import app.steadfast.sharing.SharingManagement;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
	 */
	record Shared(String name, List<CommitmentView> commitments, Reliability reliability) {
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
		AccountId me = new AccountId(person.accountId());
		List<Shared> shared = this.sharing.activeGrantsTo(me)
			.stream()
			.filter((g) -> g.category() == Category.COMMITMENTS)
			.map(Grant::owner)
			.distinct()
			.map((owner) -> new Shared(this.accounts.find(owner).map(Person::displayName).orElse(""),
					this.commitments.list(me, owner), this.commitments.reliability(me, owner, 4)))
			.toList();
		model.addAttribute("shared", shared);
		return "commitments/shared";
	}

}
