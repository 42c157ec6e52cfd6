package app.steadfast.conversations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pause tool as the service worker keeps it for use without a network: box breathing,
 * the practice's phrase cards and the break script, and nothing of anyone's (no plan, no
 * own cards, no chosen pattern), so the copy kept on a phone shows no one's data. Public,
 * and the same for everyone.
 */
@Controller
class OfflinePauseController {

	static final String PATH = "/offline/pause";

	private final PhraseCards cards;

	OfflinePauseController(PhraseCards cards) {
		this.cards = cards;
	}

	@GetMapping(PATH)
	String pause(Model model) {
		model.addAttribute("cards", this.cards.all());
		model.addAttribute("breakMinutes", PauseController.BREAK_MINUTES);
		return "conversations/offline-pause";
	}

}
