package app.steadfast.checkins;

import java.time.Clock;
import java.util.List;

import app.steadfast.shared.FormErrors;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	/**
	 * The quick form, bound and converted by Spring. It holds no rules: they are
	 * {@link CheckInRecording#check}'s, as for every check-in. A place that is none of
	 * the list is a message beside its field, worded in {@code messages.properties}.
	 *
	 * @param body where he feels it
	 * @param word the word that comes closest
	 * @param back the page to go back to
	 * @param submission the browser's id for this form, so it is saved once
	 */
	record QuickCheckInForm(@Nullable BodyLocation body, @Nullable String word, @Nullable String back,
			@Nullable String submission) {

		/** The word as a check-in's words: none when he chose none. */
		List<String> words() {
			return (this.word != null && !this.word.isBlank()) ? List.of(this.word) : List.of();
		}

	}

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
		model.addAttribute("form", new QuickCheckInForm(null, null, back, null));
		return page(model, back, null);
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") QuickCheckInForm form,
			BindingResult bound, Model model) {
		BindingResult errors = FormErrors.of(form, bound, model);
		CheckInDetails details = new CheckInDetails(form.words(), null, form.body(), null, null, null,
				this.clock.instant());
		try {
			this.recording.check(details, true);
		}
		catch (InvalidCheckIn ex) {
			ex.problems().forEach((field, message) -> {
				// The rules name the check-in's words; this form asks for one word.
				String name = "words".equals(field) ? "word" : field;
				if (!errors.hasFieldErrors(name)) {
					errors.rejectValue(name, field, message);
				}
			});
		}
		if (errors.hasErrors()) {
			return page(model, form.back(), form.submission());
		}
		this.recording.recordOnce(person.account(), details, true, CheckInController.submissionId(form.submission()));
		model.addAttribute("word", this.vocabulary.word(form.word()).orElseThrow());
		model.addAttribute("back", safeBack(form.back()));
		return "checkins/breathe";
	}

	private String page(Model model, @Nullable String back, @Nullable String submission) {
		model.addAttribute("families", this.vocabulary.families());
		model.addAttribute("bodies", BodyLocation.values());
		model.addAttribute("back", safeBack(back));
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
