package app.steadfast.shared;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.repair.QuestionManagement;
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
 * Today, the signed-in home page: it leads with the one thing waiting for him now, lists
 * the rest of today below, folds everything else away, and changes as he does the work.
 * The menu names his own places and marks the one he is on.
 */
@SteadfastTest
class TodayTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	QuestionManagement questions;

	@Autowired
	CoupleManagement couple;

	@Autowired
	app.steadfast.TestClock clock;

	TestPeople people;

	Person him;

	// A Wednesday noon: not the day his weekly review falls due (Sunday), which would
	// otherwise lead Today.
	@BeforeEach
	void wednesday() {
		this.clock.set(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)
			.minusDays(1)
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.WEDNESDAY))
			.withHour(12)
			.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.toInstant());
	}

	@org.junit.jupiter.api.AfterEach
	void now() {
		this.clock.reset();
	}

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.him = this.people.client();
	}

	@Test
	void inWeekOneTodayLeadsWithACheckInAndMovesOnOnceItIsDone() {
		Document today = today(this.him);
		assertThat(today.select(".today-next h2").text()).isEqualTo("Check in today");
		assertThat(today.select(".today-next a.button").attr("href")).isEqualTo("/checkins/new");
		assertThat(today.select("#also-heading")).isEmpty();
		// Everything else is one tap away, folded while something waits.
		assertThat(today.select("details.today-rest").hasAttr("open")).isFalse();
		assertThat(today.select("details.today-rest").text()).contains("Keep one small promise", "Own what happened",
				"When it gets heavy");

		this.checkIns.record(this.him.id(), new CheckInDetails(List.of("shame"), 5, BodyLocation.CHEST, null, null,
				null, this.clock.instant().minus(Duration.ofMinutes(5))), false);
		Document after = today(this.him);
		assertThat(after.select(".today-next h2").text()).isEqualTo("Nothing is waiting for you today");
		assertThat(after.select("details.today-rest").hasAttr("open")).isTrue();
		assertThat(after.select("details.today-rest").text()).contains("Name what you feel");
	}

	@Test
	void theWelcomeWordsAreForHisFirstWeekOnly() {
		assertThat(today(this.him).select("p.lead").text()).startsWith("This is your private space");
		this.clock.set(java.time.Instant.now().plus(Duration.ofDays(6)));
		assertThat(today(this.him).select("p.lead")).as("day seven").hasSize(1);
		this.clock.set(java.time.Instant.now().plus(Duration.ofDays(8)));
		Document later = today(this.him);
		assertThat(later.select("p.lead")).isEmpty();
		assertThat(later.select("h1").text()).isEqualTo("Welcome, " + this.him.displayName());
		assertThat(later.select(".today-next h2").text()).isEqualTo("Check in today");
	}

	@Test
	void aPromiseDueTodayAndAQuestionFromHisPartnerComeFirstUntilHeAttendsToThem() {
		Person her = this.people.withRole(app.steadfast.shared.Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.him, her);
		CommitmentId walk = this.commitments.create(this.him.id(),
				new CommitmentDetails("Walk after dinner", null, Recurrence.DAILY, Set.of(), null, null));
		Document promise = today(this.him);
		assertThat(promise.select(".today-next h2").text()).isEqualTo("Today's promise");
		assertThat(promise.select(".today-next").text()).contains("One promise is due today and not marked yet.");
		assertThat(promise.select("section[aria-labelledby=also-heading] h3").eachText()).contains("Check in today");

		this.questions.ask(her.id(), List.of(new QuestionManagement.NewQuestion("Where were you on Friday?", null)));
		Document asked = today(this.him);
		assertThat(asked.select(".today-next h2").text()).isEqualTo("Your partner asked you something");
		assertThat(asked.select(".today-next").text()).contains("One question is waiting for your answer.")
			.doesNotContain("Friday");
		assertThat(asked.select("section[aria-labelledby=also-heading] h3").eachText())
			.containsExactly("Today's promise", "Check in today");

		this.commitments.record(this.him.id(), walk, this.accounts.today(this.him.id()), Outcome.MISSED, null, null);
		assertThat(today(this.him).select("section[aria-labelledby=also-heading] h3").eachText())
			.containsExactly("Check in today");
	}

	@Test
	void theMenuNamesHisPlacesMarksTheCurrentOneAndKeepsTheAccountUnderYou() {
		Document promises = page(this.him, "/commitments");
		assertThat(promises.select("nav.main-nav .nav-list > li > a").eachText()).startsWith("Today", "Check in",
				"Promises", "Statement", "Talks", "Progress", "Partner");
		assertThat(promises.select("nav.main-nav a[aria-current=page]").eachText()).containsExactly("Promises");
		assertThat(promises.select("details.you-menu summary").text()).isEqualTo("You");
		assertThat(promises.select("details.you-menu a").eachText()).containsExactly("Your account",
				"Sign-in and security");
		assertThat(promises.select("details.you-menu button").text()).isEqualTo("Sign out");
		assertThat(today(this.him).select("nav.main-nav a[aria-current=page]").eachText()).containsExactly("Today");

		Person her = this.people.withRole(app.steadfast.shared.Role.PARTNER);
		List<String> hers = today(her).select("nav.main-nav .nav-list > li > a").eachText();
		assertThat(hers).contains("Today", "Check in", "Questions", "Progress", "Your space")
			.doesNotContain("Promises", "Statement", "Talks");
	}

	private Document today(Person person) {
		return page(person, "/");
	}

	private Document page(Person person, String path) {
		byte[] body = this.mvc.get()
			.uri(path)
			.with(this.people.signedIn(person))
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		return Jsoup.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
	}

}
