package app.steadfast.checkins;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.FormErrors;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.SignedIn;
import org.jspecify.annotations.Nullable;

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
			BindingResult bound, @RequestParam(name = "step", defaultValue = "words") String step,
			@RequestParam(name = "submission", required = false) String submission, Model model,
			RedirectAttributes flash) {
		model.addAttribute("submission", submissionId(submission));
		if ("words".equals(step)) {
			// The first step asks only for the words; the rest is asked (and checked)
			// next.
			BindingResult errors = new BeanPropertyBindingResult(form, "form");
			model.addAllAttributes(errors.getModel());
			this.recording.wordsProblem(form.words())
				.ifPresent((problem) -> errors.rejectValue("words", "words", problem));
			model.addAttribute("step", errors.hasErrors() ? "words" : "details");
			return "checkins/form";
		}
		BindingResult errors = FormErrors.of(form, bound, model);
		model.addAttribute("step", "details");
		CheckInDetails details = form.details(this.accounts.zone(person.account()), this.clock.instant());
		try {
			this.recording.check(details, false);
			if (!errors.hasErrors()) {
				flash.addFlashAttribute("crisis",
						this.recording.recordOnce(person.account(), details, false, submissionId(submission))
							.crisisResources());
			}
		}
		catch (InvalidCheckIn ex) {
			reject(ex, errors);
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
			@ModelAttribute("form") CheckInForm form, BindingResult bound,
			@RequestParam(name = "submission") String submission,
			@RequestParam(name = "kind", defaultValue = "full") String kind,
			@RequestParam(name = "madeAt", required = false) Long madeAt) {
		UUID id = submissionId(submission);
		if (id == null) {
			return ResponseEntity.unprocessableContent().body(Map.of("problem", "This check-in has no valid id."));
		}
		if (bound.hasErrors() || form == null) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("problem", "This check-in couldn't be saved as it is."));
		}
		Instant made = (madeAt != null) ? Instant.ofEpochMilli(madeAt) : this.clock.instant();
		if (made.isAfter(this.clock.instant())) {
			made = this.clock.instant();
		}
		boolean quick = "quick".equals(kind);
		CheckInDetails details = quick ? new CheckInDetails(form.words(), null, form.body(), null, null, null, made)
				: form.details(this.accounts.zone(person.account()), made);
		try {
			CheckInReceipt receipt = this.recording.recordOnce(person.account(), details, quick, id);
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(Map.of("saved", true, "crisis", receipt.crisisResources()));
		}
		catch (InvalidCheckIn ex) {
			return ResponseEntity.unprocessableContent().body(Map.of("problem", ex.getMessage()));
		}
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
			@ModelAttribute("form") CheckInForm form, BindingResult bound, Model model, RedirectAttributes flash) {
		CheckInView view = own(person, id);
		BindingResult errors = FormErrors.of(form, bound, model);
		model.addAttribute("checkIn", view);
		model.addAttribute("step", "details");
		// Left empty, the time stays what it was.
		CheckInDetails details = form.details(this.accounts.zone(person.account()), view.occurredAt());
		try {
			this.recording.check(details, view.inTheMoment());
			if (!errors.hasErrors()) {
				flash.addFlashAttribute("crisis",
						this.recording.update(person.account(), view.id(), details).crisisResources());
			}
		}
		catch (InvalidCheckIn ex) {
			reject(ex, errors);
		}
		if (errors.hasErrors()) {
			return "checkins/form";
		}
		flash.addFlashAttribute("saved", "Your check-in is updated.");
		return "redirect:/checkins";
	}

	/**
	 * Shows each of the rules' problems beside its field, unless the field already has
	 * one because its text could not be read at all.
	 */
	private static void reject(InvalidCheckIn refused, BindingResult errors) {
		refused.problems().forEach((field, message) -> {
			String name = "occurredAt".equals(field) ? "when" : field;
			if (!errors.hasFieldErrors(name)) {
				errors.rejectValue(name, field, message);
			}
		});
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedIn person, @PathVariable CheckInId id, RedirectAttributes flash) {
		this.recording.delete(person.account(), own(person, id).id());
		flash.addFlashAttribute("saved", "Deleted. It's gone for good.");
		return "redirect:/checkins";
	}

	@GetMapping("/calendar")
	String calendar(@AuthenticationPrincipal SignedIn person, @ModelAttribute("shown") Shown shown,
			BindingResult unreadable, Model model) {
		// A month that cannot be read shows this month, as no month does.
		YearMonth month = (shown.month() != null) ? shown.month() : YearMonth.now(this.clock);
		AccountId me = person.account();
		model.addAttribute("calendar", this.checkIns.calendar(me, me, month));
		return "checkins/calendar";
	}

	/**
	 * The month the calendar's links ask for, read by Spring (yyyy-mm).
	 *
	 * @param month the month to show, or this month
	 */
	record Shown(@Nullable YearMonth month) {
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

}
