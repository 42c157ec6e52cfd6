package app.steadfast.insights;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.commitments.CommitmentManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The weekly review: asked on his day, one line kept sealed in his history, bad input
 * answered next to the field with his words kept.
 */
@SteadfastTest
class WeeklyReviewTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	WeeklyReview review;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person him;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.him = this.people.client();
	}

	@Test
	void onHisDayHomeAsksForTheReviewAndALineStaysSealedInHisHistory() {
		String today = this.accounts.today(this.him.id()).getDayOfWeek().name();
		assertThat(this.mvc.post()
			.uri("/insights/review/day")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("day", today)).hasRedirectedUrl("/insights/review");
		assertThat(this.mvc.get().uri("/").with(this.people.signedIn(this.him))).bodyText()
			.contains("Your weekly review");
		assertThat(this.mvc.get().uri("/insights/review").with(this.people.signedIn(this.him))).hasStatusOk()
			.bodyText()
			.contains("This week so far", "Nothing yet. Your first line will be here.");

		assertThat(post("", null)).hasStatusOk().bodyText().contains("Write one line, even a short one.");
		String tooLong = "I learned that ".repeat(25);
		assertThat(post(tooLong, "true")).hasStatusOk()
			.bodyText()
			.contains("Keep it to one line: 300 characters at most.", "I learned that I learned that");
		assertThat(post("I go quiet when I feel ashamed, and she reads it as not caring.", "true"))
			.hasRedirectedUrl("/insights/review");

		assertThat(this.mvc.get().uri("/insights/review").with(this.people.signedIn(this.him))).bodyText()
			.contains("I go quiet when I feel ashamed", "Leave out of my report");
		assertThat(this.mvc.get().uri("/").with(this.people.signedIn(this.him))).bodyText()
			.doesNotContain("Your weekly review");
		String raw = this.jdbc.sql("SELECT learned FROM weekly_review WHERE owner_id = :me")
			.param("me", this.him.id().value())
			.query(String.class)
			.single();
		assertThat(raw).doesNotContain("ashamed");
		assertThat(this.review.lines(this.people.client().id())).as("nobody else's").isEmpty();
	}

	@Test
	void aLineGoesInOrOutOfHisReportAndNonsenseIsNotFound() {
		post("Asking before assuming saves an evening.", null);
		String week = this.review.thisWeek(this.him.id()).toString();
		assertThat(this.review.lines(this.him.id()).get(0).inReport()).isFalse();
		assertThat(this.mvc.post()
			.uri("/insights/review/{week}/report", week)
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("include", "true")).hasRedirectedUrl("/insights/review");
		assertThat(this.review.lines(this.him.id()).get(0).inReport()).isTrue();
		assertThat(this.mvc.post()
			.uri("/insights/review/{week}/report", "2020-01-06")
			.with(this.people.signedIn(this.him))
			.with(csrf())).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/insights/review/{week}/report", week)
			.with(this.people.signedIn(this.people.client()))
			.with(csrf())).as("another client's week").hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/insights/review/{week}/report", "not-a-date")
			.with(this.people.signedIn(this.him))
			.with(csrf())).hasStatus(404);
	}

	@Test
	void aDayOrChoiceThatCannotBeReadIsAMessageBesideItAndTheLineTypedIsKept() {
		String day = this.review.day(this.him.id()).name();
		MvcTestResult funday = this.mvc.post()
			.uri("/insights/review/day")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("day", "FUNDAY")
			.exchange();
		assertThat(funday).hasStatusOk();
		assertThat(funday).bodyText()
			.contains("id=\"day-error\">Choose a day of the week.</p>", "aria-describedby=\"day-error\"")
			.doesNotContain("id=\"learned-error\"");
		assertThat(this.review.day(this.him.id()).name()).isEqualTo(day);

		String line = "I listen better when I slow down.";
		MvcTestResult unreadable = post(line, "maybe");
		assertThat(unreadable).hasStatusOk();
		assertThat(unreadable).bodyText()
			.contains("id=\"inReport-error\">Choose whether this line goes in your report.</p>",
					"value=\"" + line + "\"")
			.doesNotContain("id=\"learned-error\"");
		assertThat(this.review.lines(this.him.id())).isEmpty();
		assertThat(post("", "true")).bodyText()
			.contains("id=\"learned-error\">Write one line, even a short one.</p>",
					"id=\"inReport\" name=\"inReport\" value=\"true\" checked");

		assertThat(post(line, "true")).hasRedirectedUrl("/insights/review");
		assertThat(this.mvc.post()
			.uri("/insights/review/{week}/report", this.review.thisWeek(this.him.id()))
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("include", "perhaps")).hasStatus(404);

		assertThat(this.review.lines(this.him.id())).singleElement()
			.satisfies((l) -> assertThat(l.inReport()).isTrue());
		String other = java.time.DayOfWeek.valueOf(day).plus(1).name();
		assertThat(this.mvc.post()
			.uri("/insights/review/day")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("day", other)).hasRedirectedUrl("/insights/review");
		assertThat(this.review.day(this.him.id()).name()).isEqualTo(other);
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult post(String learned, String inReport) {
		var request = this.mvc.post()
			.uri("/insights/review")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("learned", learned);
		if (inReport != null) {
			request = request.param("inReport", inReport);
		}
		return request.exchange();
	}

}
