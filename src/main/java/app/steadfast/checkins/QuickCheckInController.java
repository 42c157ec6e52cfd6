package app.steadfast.checkins;

import java.time.Clock;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.SignedIn;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Name it before you answer": when a hard question lands, notice the body, pick the
 * word, take one slow breath, then answer honestly and slowly. Saves a check-in marked as
 * in the moment.
 */
@Controller
@RequestMapping("/checkins/quick")
class QuickCheckInController {

	private final CheckInRecording recording;

	private final EmotionVocabulary vocabulary;

	private final Clock clock;

	QuickCheckInController(CheckInRecording recording, EmotionVocabulary vocabulary, Clock clock) {
		this.recording = recording;
		this.vocabulary = vocabulary;
		this.clock = clock;
	}

	@GetMapping
	String start(@RequestParam(name = "back", required = false) String back, Model model) {
		return page(model, back, null, null, null, null);
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedIn person, @RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "word", required = false) String word,
			@RequestParam(name = "back", required = false) String back,
			@RequestParam(name = "submission", required = false) String submission, Model model) {
		BodyLocation location = CheckInController.parseEnum(BodyLocation.class, body);
		String problem = null;
		if (location == null) {
			problem = "Where do you feel it? Choose one, or “None I can tell”.";
		}
		else if (word == null || this.vocabulary.word(word).isEmpty()) {
			problem = "Pick the word that comes closest. It doesn't have to be perfect.";
		}
		if (problem != null) {
			return page(model, back, body, word, problem, submission);
		}
		this.recording.recordOnce(person.account(),
				new CheckInDetails(java.util.List.of(word), null, location, null, null, null, this.clock.instant()),
				true, CheckInController.submissionId(submission));
		model.addAttribute("word", this.vocabulary.word(word).orElseThrow());
		model.addAttribute("back", safeBack(back));
		return "checkins/breathe";
	}

	private String page(Model model, String back, String body, String word, String problem, String submission) {
		model.addAttribute("families", this.vocabulary.families());
		model.addAttribute("bodies", BodyLocation.values());
		model.addAttribute("back", safeBack(back));
		model.addAttribute("chosenBody", body);
		model.addAttribute("chosenWord", word);
		model.addAttribute("problem", problem);
		model.addAttribute("submission", CheckInController.submissionId(submission));
		return "checkins/quick";
	}

	/** Only a path on this site, so the link back can never lead elsewhere. */
	static String safeBack(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.length() > 200
				|| back.startsWith("/checkins/quick")) {
			return "/";
		}
		return back;
	}

}
