package app.steadfast.insights;

import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import app.steadfast.shared.SignedIn;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The progress report to bring to a session: a page made for printing, and the same as a
 * PDF.
 */
@Controller
class ReportController {

	private final InsightsManagement insights;

	private final WeeklyReview review;

	private final ProgressReport report;

	private final AccountManagement accounts;

	ReportController(InsightsManagement insights, WeeklyReview review, ProgressReport report,
			AccountManagement accounts) {
		this.insights = insights;
		this.review = review;
		this.report = report;
		this.accounts = accounts;
	}

	@GetMapping("/insights/report")
	String page(@AuthenticationPrincipal SignedIn person, @RequestParam(name = "weeks", defaultValue = "12") int weeks,
			Model model) {
		AccountId me = person.account();
		int span = (weeks == 4) ? 4 : 12;
		model.addAttribute("progress", this.insights.progress(me, me, span).ownedBy(person.role()));
		model.addAttribute("lines", this.review.lines(me).stream().filter(WeeklyReview.Line::inReport).toList());
		model.addAttribute("span", span);
		return "insights/report";
	}

	@GetMapping("/insights/report.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedIn person,
			@RequestParam(name = "weeks", defaultValue = "12") int weeks) {
		AccountId me = person.account();
		int span = (weeks == 4) ? 4 : 12;
		String name = this.accounts.find(me).map(Person::displayName).orElse("");
		byte[] pdf = this.report.pdf(name, this.insights.progress(me, me, span).ownedBy(person.role()),
				this.review.lines(me), person.role() == Role.PARTNER);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("steadfast-progress-report.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

}
