package app.steadfast.checkins;

import java.util.ArrayList;
import java.util.List;

import app.steadfast.shared.AccountId;
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
 * What others chose to share with this person: their check-ins and journal, read through
 * the sharing module (each read is audited and shown to its owner).
 */
@Controller
class SharedWithMeController {

	/**
	 * One person's shared records.
	 *
	 * @param name their chosen name
	 * @param checkIns their check-ins, if shared
	 * @param journal their journal entries, if shared
	 */
	record Shared(String name, List<CheckInView> checkIns, List<JournalEntryView> journal) {
	}

	private final SharingManagement sharing;

	private final CheckInHistory checkIns;

	private final JournalManagement journal;

	private final AccountManagement accounts;

	SharedWithMeController(SharingManagement sharing, CheckInHistory checkIns, JournalManagement journal,
			AccountManagement accounts) {
		this.sharing = sharing;
		this.checkIns = checkIns;
		this.journal = journal;
		this.accounts = accounts;
	}

	@GetMapping("/checkins/shared")
	String shared(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		List<Grant> grants = this.sharing.activeGrantsTo(me);
		List<Shared> shared = new ArrayList<>();
		grants.stream().map(Grant::owner).distinct().forEach((owner) -> {
			boolean checkInsShared = grants.stream()
				.anyMatch((g) -> g.owner().equals(owner) && g.category() == Category.CHECKINS);
			boolean journalShared = grants.stream()
				.anyMatch((g) -> g.owner().equals(owner) && g.category() == Category.JOURNAL);
			if (checkInsShared || journalShared) {
				shared.add(new Shared(this.accounts.find(owner).map(Person::displayName).orElse(""),
						checkInsShared ? this.checkIns.history(me, owner) : List.of(),
						journalShared ? this.journal.entries(me, owner) : List.of()));
			}
		});
		model.addAttribute("shared", shared);
		return "checkins/shared";
	}

}
