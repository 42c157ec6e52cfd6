package app.steadfast.insights;

import app.steadfast.couple.ReassuranceManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.SignedIn;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own progress page and the stuck signals on it.
 */
@Controller
@RequestMapping("/insights")
class ProgressController {

	private final InsightsManagement insights;

	private final DataExport export;

	private final ReassuranceManagement reassurance;

	ProgressController(InsightsManagement insights, DataExport export, ReassuranceManagement reassurance) {
		this.insights = insights;
		this.export = export;
		this.reassurance = reassurance;
	}

	@GetMapping("/data")
	String data() {
		return "insights/data";
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedIn person) {
		byte[] zip = this.export.zip(person.account());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("steadfast-my-data.zip").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(zip);
	}

	@GetMapping
	String progress(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "weeks", defaultValue = "12") int weeks, Model model) {
		AccountId me = person.account();
		int span = (weeks == 4) ? 4 : 12;
		Progress progress = this.insights.progress(me, me, span).ownedBy(person.role());
		model.addAttribute("progress", progress);
		model.addAttribute("span", span);
		model.addAttribute("thisWeek", progress.weeks().get(progress.weeks().size() - 1));
		// Her quiet signals, on her page and his: the couple module shows them to him
		// only
		// while her side is shown (never during her safety pause). Only on the owner's
		// own
		// page: no one he grants his progress sees anything of hers.
		model.addAttribute("reassurance", this.reassurance.figures(me).orElse(null));
		return "insights/progress";
	}

	@PostMapping("/signals/{kind}/dismiss")
	String dismiss(@AuthenticationPrincipal SignedIn person, @PathVariable StuckSignal.Kind kind,
			RedirectAttributes flash) {
		this.insights.dismiss(person.account(), kind);
		flash.addFlashAttribute("saved", "Set aside for two weeks. If it still holds then, it will show again.");
		return "redirect:/insights";
	}

}
