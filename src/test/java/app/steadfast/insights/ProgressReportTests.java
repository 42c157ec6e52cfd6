package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report he brings to a session, as a print page and as a PDF read back: his figures,
 * readings and chosen lines, and his partner's pulse only where they shared it.
 */
@SteadfastTest
class ProgressReportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	WeeklyReview review;

	@Autowired
	CoupleManagement couple;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Practice practice;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Test
	void thePdfSaysWhatThePageSaysWithHisChosenLinesAndOnlySharedPartnerFigures() throws Exception {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		Person him = people.client();
		Person her = people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(him, her);
		this.couple.share(her.id(), Category.PULSE, true);
		LocalDate today = this.accounts.today(him.id());
		CommitmentId id = this.commitments.create(him.id(),
				new CommitmentDetails("Phone away at dinner", null, Recurrence.DAILY, Set.of(), null, null));
		this.jdbc.sql("UPDATE commitment SET start_date = :start WHERE id = :id")
			.param("start", today.minusDays(10))
			.param("id", id.value())
			.update();
		for (int i = 1; i <= 6; i++) {
			this.commitments.record(him.id(), id, today.minusDays(i), (i % 3 == 0) ? Outcome.MISSED : Outcome.KEPT,
					null, null);
		}
		this.review.write(him.id(), "I hear criticism where there is only a question.", true);
		LocalDate pulseWeek = LocalDate.now(this.practice.zone())
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		this.jdbc
			.sql("""
					INSERT INTO trust_pulse (id, account_id, week_start, count_on, honest, safe, listened, hopeful, note, shared, answered_at)
					VALUES (:id, :p, :week, 2, 2, 2, 2, 2, NULL, FALSE, CURRENT_TIMESTAMP)
					""")
			.param("id", UUID.randomUUID())
			.param("p", her.id().value())
			.param("week", pulseWeek)
			.update();

		assertThat(this.mvc.get().uri("/insights/report").with(people.signedIn(him))).hasStatusOk()
			.bodyText()
			.contains("Progress report", "(%d weeks)".formatted(weeksSince(today.minusDays(10), today)),
					"I hear criticism where there is only a question.", "not shared", "download it as a PDF");
		String text = pdfText(this.mvc.get().uri("/insights/report.pdf").with(people.signedIn(him)).exchange());
		assertThat(text)
			.contains("Progress report: Test client", "Promises kept", "In all, 4 of ", "Week by week",
					"I hear criticism where there is only a question.", "not shared")
			.doesNotContain("2.0");

		this.jdbc.sql("UPDATE trust_pulse SET shared = TRUE WHERE account_id = :her")
			.param("her", her.id().value())
			.update();
		this.review.includeInReport(him.id(), this.review.thisWeek(him.id()), false);
		assertThat(pdfText(this.mvc.get().uri("/insights/report.pdf?weeks=4").with(people.signedIn(him)).exchange()))
			.contains("2.0", "You chose no review lines for this report.")
			.doesNotContain("I hear criticism");

		// One voice, his own: the report speaks to him, never about him.
		assertThat(text).contains("with your therapist", "What you learned, in your words")
			.doesNotContain("his therapist", "What he felt", "He chose");

		// Her own report: her feelings and pulse, no promises or talks (those are his).
		String hers = pdfText(this.mvc.get().uri("/insights/report.pdf").with(people.signedIn(her)).exchange());
		assertThat(hers)
			.contains("Progress report: ", "Made by Steadfast for you to keep", "Week by week", "Check-ins",
					"Partner's pulse")
			.doesNotContain("Promises kept", "Defensive", "nothing due", "his therapist");
	}

	@Test
	void onlyClientsAndPartnersGetTheirOwnReport() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		assertThat(this.mvc.get().uri("/insights/report.pdf")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/insights/report.pdf").with(people.signedIn(people.withRole(Role.THERAPIST))))
			.hasStatus(403);
		assertThat(this.mvc.get().uri("/insights/report").with(people.signedIn(people.withRole(Role.ADMIN))))
			.hasStatus(403);
	}

	private static String pdfText(MvcTestResult result) throws Exception {
		assertThat(result).hasStatusOk().hasContentType("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	/**
	 * How many weeks, Monday to Sunday, the days from {@code first} to {@code today}
	 * touch.
	 */
	private static long weeksSince(java.time.LocalDate first, java.time.LocalDate today) {
		java.time.temporal.TemporalAdjuster monday = java.time.temporal.TemporalAdjusters
			.previousOrSame(java.time.DayOfWeek.MONDAY);
		return java.time.temporal.ChronoUnit.WEEKS.between(first.with(monday), today.with(monday)) + 1;
	}

}
