package app.steadfast.checkins;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own check-ins: record (two short steps: the words, then the rest), the quick
 * "name it before you answer" flow, history, calendar, summaries, edit and delete.
 */
@Controller
@RequestMapping("/checkins")
class CheckInController {

	private final CheckInManagement checkIns;

	private final CheckInRecording recording;

	private final CheckInHistory history;

	private final EmotionVocabulary vocabulary;

	private final AccountManagement accounts;

	private final Clock clock;

	CheckInController(CheckInManagement checkIns, CheckInRecording recording, CheckInHistory history,
			EmotionVocabulary vocabulary, AccountManagement accounts, Clock clock) {
		this.checkIns = checkIns;
		this.recording = recording;
		this.history = history;
		this.vocabulary = vocabulary;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Check-ins the list shows; older ones are in the calendar (and the data export). */
	static final int SHOWN = 100;

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("families", this.vocabulary.families());
		model.addAttribute("bodies", BodyLocation.values());
		model.addAttribute("responses", Response.values());
	}

	@GetMapping
	String history(@AuthenticationPrincipal SignedIn person, Model model) {
		AccountId me = person.account();
		List<CheckInView> latest = this.history.latest(me, me, SHOWN + 1);
		model.addAttribute("checkIns", latest.subList(0, Math.min(SHOWN, latest.size())));
		model.addAttribute("older", latest.size() > SHOWN);
		return "checkins/history";
	}

	@GetMapping("/new")
	String start(Model model) {
		model.addAttribute("form", CheckInForm.empty());
		model.addAttribute("step", "words");
		return "checkins/form";
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal SignedIn person, @ModelAttribute("form") CheckInForm form,
			@RequestParam(name = "step", defaultValue = "words") String step,
			@RequestParam(name = "submission", required = false) String submission, Model model,
			RedirectAttributes flash) {
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		model.addAttribute("submission", submissionId(submission));
		if ("words".equals(step)) {
			wordsProblem(form).ifPresent((problem) -> errors.rejectValue("words", "words", problem));
			model.addAttribute("step", errors.hasErrors() ? "words" : "details");
			return "checkins/form";
		}
		model.addAttribute("step", "details");
		CheckInDetails details = details(person, form, errors);
		if (!errors.hasErrors()) {
			try {
				flash.addFlashAttribute("crisis",
						this.recording.recordOnce(person.account(), details, false, submissionId(submission))
							.crisisResources());
			}
			catch (InvalidCheckIn ex) {
				ex.rejectIn(errors);
			}
		}
		if (errors.hasErrors()) {
			return "checkins/form";
		}
		flash.addFlashAttribute("saved", "Saved. Naming it is the work; you just did some.");
		return "redirect:/checkins";
	}

	/**
	 * A check-in the browser kept while it was offline, sent by its script once the
	 * connection returned: saved once for its submission id however often it arrives, and
	 * answered in JSON for the script (201 saved, 422 with what to change). {@code kind}
	 * {@code quick} is the "name it before you answer" flow; {@code madeAt} (epoch
	 * milliseconds) is when he pressed save, used when he left "when" empty.
	 */
	@PostMapping("/kept")
	ResponseEntity<Map<String, Object>> kept(@AuthenticationPrincipal SignedIn person,
			@ModelAttribute("form") CheckInForm form, @RequestParam(name = "submission") String submission,
			@RequestParam(name = "kind", defaultValue = "full") String kind,
			@RequestParam(name = "madeAt", required = false) Long madeAt) {
		UUID id = submissionId(submission);
		if (id == null) {
			return ResponseEntity.unprocessableContent().body(Map.of("problem", "This check-in has no valid id."));
		}
		Instant made = (madeAt != null) ? Instant.ofEpochMilli(madeAt) : this.clock.instant();
		if (made.isAfter(this.clock.instant())) {
			made = this.clock.instant();
		}
		boolean quick = "quick".equals(kind);
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		CheckInDetails details;
		if (quick) {
			BodyLocation body = parseEnum(BodyLocation.class, form.body());
			details = new CheckInDetails(form.words(), null, body, null, null, null, made);
		}
		else {
			details = details(person, form, errors);
			if (details != null && (form.when() == null || form.when().isBlank())) {
				details = new CheckInDetails(details.words(), details.intensity(), details.body(), details.trigger(),
						details.response(), details.responseNote(), made);
			}
		}
		if (!errors.hasErrors()) {
			try {
				CheckInReceipt receipt = this.recording.recordOnce(person.account(), details, quick, id);
				return ResponseEntity.status(HttpStatus.CREATED)
					.body(Map.of("saved", true, "crisis", receipt.crisisResources()));
			}
			catch (InvalidCheckIn ex) {
				return ResponseEntity.unprocessableContent().body(Map.of("problem", ex.getMessage()));
			}
		}
		String problem = errors.getAllErrors()
			.stream()
			.map(org.springframework.context.support.DefaultMessageSourceResolvable::getDefaultMessage)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse("This check-in couldn't be saved as it is.");
		return ResponseEntity.unprocessableContent().body(Map.of("problem", problem));
	}

	/** The browser's id for a form, or null when it sent none or not a UUID. */
	static UUID submissionId(String submission) {
		try {
			return (submission != null && !submission.isBlank()) ? UUID.fromString(submission.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal SignedIn person, @PathVariable CheckInId id, Model model) {
		CheckInView view = own(person, id);
		model.addAttribute("form", CheckInForm.of(view, this.accounts.zone(person.account())));
		model.addAttribute("checkIn", view);
		model.addAttribute("step", "details");
		return "checkins/form";
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal SignedIn person, @PathVariable CheckInId id,
			@ModelAttribute("form") CheckInForm form, Model model, RedirectAttributes flash) {
		CheckInView view = own(person, id);
		BindingResult errors = new BeanPropertyBindingResult(form, "form");
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
		model.addAttribute("checkIn", view);
		model.addAttribute("step", "details");
		try {
			CheckInDetails details = details(person, form, errors);
			if (!errors.hasErrors()) {
				flash.addFlashAttribute("crisis", this.recording
					.update(person.account(), view.id(), new CheckInDetails(details.words(), details.intensity(),
							details.body(), details.trigger(), details.response(), details.responseNote(),
							(form.when() == null || form.when().isBlank()) ? view.occurredAt() : details.occurredAt()))
					.crisisResources());
			}
		}
		catch (InvalidCheckIn ex) {
			ex.rejectIn(errors);
		}
		if (errors.hasErrors()) {
			return "checkins/form";
		}
		flash.addFlashAttribute("saved", "Your check-in is updated.");
		return "redirect:/checkins";
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedIn person, @PathVariable CheckInId id, RedirectAttributes flash) {
		this.recording.delete(person.account(), own(person, id).id());
		flash.addFlashAttribute("saved", "Deleted. It's gone for good.");
		return "redirect:/checkins";
	}

	@GetMapping("/calendar")
	String calendar(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "month", required = false) String month, Model model) {
		YearMonth shown;
		try {
			shown = (month != null) ? YearMonth.parse(month) : YearMonth.now(this.clock);
		}
		catch (DateTimeParseException ex) {
			shown = YearMonth.now(this.clock);
		}
		AccountId me = person.account();
		model.addAttribute("calendar", this.checkIns.calendar(me, me, shown));
		return "checkins/calendar";
	}

	@GetMapping("/summary")
	String summary(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "weeks", defaultValue = "4") int weeks, Model model) {
		int span = (weeks == 12) ? 12 : 4;
		AccountId me = person.account();
		model.addAttribute("summary", this.checkIns.summary(me, me, span));
		return "checkins/summary";
	}

	private CheckInView own(SignedIn person, CheckInId id) {
		AccountId me = person.account();
		CheckInView view = this.history.find(me, id);
		if (!view.owner().equals(me)) {
			throw new NotFound();
		}
		return view;
	}

	private java.util.Optional<String> wordsProblem(CheckInForm form) {
		if (form.words().isEmpty()) {
			return java.util.Optional.of("Pick the word that comes closest. It doesn't have to be perfect.");
		}
		if (form.words().size() > CheckInManagement.MAX_WORDS) {
			return java.util.Optional.of("Pick up to " + CheckInManagement.MAX_WORDS + " words: the strongest ones.");
		}
		if (form.words().stream().anyMatch((word) -> this.vocabulary.word(word).isEmpty())) {
			return java.util.Optional.of("Pick words from the list.");
		}
		return java.util.Optional.empty();
	}

	/** Turns the form into details, noting every field it cannot read. */
	private CheckInDetails details(SignedIn person, CheckInForm form, BindingResult errors) {
		wordsProblem(form).ifPresent((problem) -> errors.rejectValue("words", "words", problem));
		Integer intensity = null;
		try {
			intensity = Integer.valueOf(form.intensity());
			if (intensity < 1 || intensity > 10) {
				throw new NumberFormatException();
			}
		}
		catch (NumberFormatException | NullPointerException ex) {
			errors.rejectValue("intensity", "intensity", "Choose how strong it is, from 1 to 10.");
		}
		BodyLocation body = parseEnum(BodyLocation.class, form.body());
		if (body == null) {
			errors.rejectValue("body", "body", "Choose where you feel it, or “None I can tell”.");
		}
		Response response = (form.response() == null || form.response().isBlank()) ? null
				: parseEnum(Response.class, form.response());
		if (form.response() != null && !form.response().isBlank() && response == null) {
			errors.rejectValue("response", "response", "Choose one of the options, or leave it empty.");
		}
		if (form.trigger() != null && form.trigger().length() > CheckInDetails.MAX_TEXT) {
			errors.rejectValue("trigger", "trigger", "Keep it under " + CheckInDetails.MAX_TEXT + " characters.");
		}
		if (form.responseNote() != null && form.responseNote().length() > CheckInDetails.MAX_TEXT) {
			errors.rejectValue("responseNote", "responseNote",
					"Keep it under " + CheckInDetails.MAX_TEXT + " characters.");
		}
		java.time.Instant when = this.clock.instant();
		if (form.when() != null && !form.when().isBlank()) {
			try {
				when = java.time.LocalDateTime.parse(form.when().strip())
					.atZone(this.accounts.zone(person.account()))
					.toInstant();
				if (when.isAfter(this.clock.instant().plusSeconds(60))) {
					errors.rejectValue("when", "when", "A check-in can't be in the future.");
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				errors.rejectValue("when", "when", "Use a date and time like 2026-11-27 18:30, or leave it for now.");
			}
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new CheckInDetails(form.ordered(), intensity, body, form.trigger(), response, form.responseNote(), when);
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String name) {
		try {
			return (name != null) ? Enum.valueOf(type, name) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
