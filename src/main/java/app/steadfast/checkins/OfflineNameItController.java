package app.steadfast.checkins;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Name it before you answer" as the service worker keeps it for use without a network:
 * the body, the word, one slow breath. Public and the same for everyone (the practice's
 * words only); what he names is kept in his browser and sent as a check-in when he is
 * back online and signed in (js/checkin-queue.js, {@code POST /checkins/kept}).
 */
@Controller
class OfflineNameItController {

	static final String PATH = "/offline/name-it";

	private final EmotionVocabulary vocabulary;

	OfflineNameItController(EmotionVocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	@GetMapping(PATH)
	String nameIt(Model model) {
		model.addAttribute("families", this.vocabulary.families());
		model.addAttribute("bodies", BodyLocation.values());
		return "checkins/offline-name-it";
	}

}
