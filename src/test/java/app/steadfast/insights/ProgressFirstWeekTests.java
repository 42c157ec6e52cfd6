package app.steadfast.insights;

import java.time.Instant;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.shared.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progress in a person's first days: it starts at the week he joined, invites the first
 * step instead of showing tables of zeros, and leads with a few sentences and one chart.
 */
@SteadfastTest
class ProgressFirstWeekTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InsightsManagement insights;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
	}

	@Test
	void onHisFirstDayThePageInvitesTheFirstStepInsteadOfShowingZeros() throws Exception {
		Person him = this.people.client();
		Progress progress = this.insights.progress(him.id(), him.id(), 12);
		assertThat(progress.weeks()).as("only the week he joined").hasSize(1);
		assertThat(progress.weeks().get(0).current()).isTrue();
		assertThat(progress.isEmpty()).isTrue();

		Document page = page(him);
		assertThat(page.select("#start-heading").text()).isEqualTo("This page fills in as you go");
		assertThat(page.select(".empty-state a").eachAttr("href")).containsExactly("/checkins/new", "/commitments/new");
		assertThat(page.select("table")).as("no tables of zeros").isEmpty();
		assertThat(page.select("svg")).isEmpty();
		assertThat(page.text()).doesNotContain("over 12 weeks", "In short");
	}

	@Test
	void afterOneCheckInHeSeesHisFirstWeekLedBySentencesAndOneChart() throws Exception {
		Person him = this.people.client();
		this.checkIns.record(him.id(), new CheckInDetails(List.of("anxious"), 6, BodyLocation.CHEST, null, null, null,
				Instant.now().minusSeconds(60)), false);

		Document page = page(him);
		assertThat(page.select(".empty-state")).isEmpty();
		assertThat(page.select("meta[name=csrf-token]").attr("content")).isNotBlank();
		assertThat(page.select("form[action=/logout] input[name=_csrf]")).hasSize(1);
		assertThat(page.select("#lead-heading").text()).isEqualTo("In short");
		assertThat(page.select("section[aria-labelledby=lead-heading] p.reading").eachText())
			.containsExactly("You checked in 1 time this week.");
		assertThat(page.select("section[aria-labelledby=lead-heading] svg")).singleElement()
			.satisfies((svg) -> assertThat(svg.attr("viewBox")).as("room for six bars, not one stretched")
				.isEqualTo("0 0 280 140"));
		// The weeks are folded below the lead, one row: the week he joined.
		assertThat(page.select("details#feelings")).singleElement()
			.satisfies((d) -> assertThat(d.hasAttr("open")).isFalse());
		assertThat(page.select("details#feelings tbody tr")).hasSize(1);
		assertThat(page.select("ul.filters")).as("4 or 12 weeks mean nothing yet").isEmpty();
		assertThat(page.text()).doesNotContain("over 12 weeks", "over 1 weeks");
	}

	@Test
	void herEmptyPageOffersACheckInAndNoPromise() throws Exception {
		Person her = this.people.withRole(Role.PARTNER);
		Document page = page(her);
		assertThat(page.select("#start-heading").text()).isEqualTo("This page fills in as you go");
		assertThat(page.select(".empty-state a").eachAttr("href")).containsExactly("/checkins/new");
		assertThat(page.select(".empty-state").text()).doesNotContain("promise");
	}

	private Document page(Person person) throws java.io.UnsupportedEncodingException {
		var result = this.mvc.get().uri("/insights").with(this.people.signedIn(person)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

}
