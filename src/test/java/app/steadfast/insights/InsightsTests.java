package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInId;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The progress page from real records: its weekly figures, kept and refreshed by events,
 * always equal a fresh computation; stuck signals hold only on what he may see and can be
 * set aside for two weeks.
 */
@SteadfastTest
class InsightsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InsightsManagement insights;

	@Autowired
	WeeklyFigures figures;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	CoupleManagement couple;

	@Autowired
	app.steadfast.repair.QuestionManagement questions;

	@Autowired
	app.steadfast.conversations.ConversationManagement conversations;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Practice practice;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person him;

	LocalDate today;

	LocalDate thisMonday;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.him = this.people.client();
		this.today = this.accounts.today(this.him.id());
		this.thisMonday = this.today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	@Test
	void hisPageShowsWeeksReadingsAndAStuckSignalAndKeepsCompletedWeeks() {
		CommitmentId phone = dailySince(this.thisMonday.minusWeeks(5), "Phone away at dinner");
		// Four completed weeks with 2 of 7 kept each, then a good current week.
		for (int week = 4; week >= 1; week--) {
			LocalDate monday = this.thisMonday.minusWeeks(week);
			record(phone, monday, Outcome.KEPT);
			record(phone, monday.plusDays(1), Outcome.KEPT);
			record(phone, monday.plusDays(2), Outcome.MISSED);
		}
		checkIn("anger", 9, this.thisMonday.minusWeeks(1).plusDays(2));
		checkIn("shame", 8, this.thisMonday.minusWeeks(1).plusDays(3));

		// The events of the records above drop kept weeks after their transactions
		// commit;
		// once they have, a view keeps every completed week.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.insights.progress(this.him.id(), this.him.id(), 12);
			assertThat(this.figures.keptWeeks(this.him.id())).containsEntry(WeeklyFigures.CHECKINS, 11)
				.containsEntry(WeeklyFigures.COMMITMENTS, 11);
		});
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(this.him))).hasStatusOk()
			.bodyText()
			.contains("Your progress", "Promises kept", "In all, 8 of ", "fewer than 6 in 10 of your promises",
					"2 of 7 kept (29%)", "Ask for a free consultation", "Set this aside for two weeks",
					"You checked in 2 times over 6 weeks", "Check-ins per week", "Weekly pulse, out of 7")
			.doesNotContain("hit hard");

		// One more intense check-in this week makes three in two weeks.
		checkIn("anger", 10, Instant.now().minusSeconds(60));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.insights.progress(this.him.id(), this.him.id(), 12).signals())
				.extracting(StuckSignal::kind)
				.contains(StuckSignal.Kind.INTENSE_FEELINGS, StuckSignal.Kind.PROMISES_LOW));
	}

	@Test
	void keptFiguresAlwaysEqualAFreshComputationAfterRandomChanges() {
		Random random = new Random(20261127L);
		CommitmentId walk = dailySince(this.thisMonday.minusWeeks(11), "Walk together after dinner");
		List<CheckInId> made = new ArrayList<>();
		String[] words = { "anger", "shame", "hurt", "calm", "hope", "guilt" };
		for (int step = 0; step < 60; step++) {
			int what = random.nextInt(11);
			if (what < 4) {
				Instant when = Instant.now().minus(Duration.ofMinutes(10 + random.nextInt(60 * 24 * 7 * 11)));
				made.add(this.checkIns
					.record(this.him.id(), details(words[random.nextInt(words.length)], 1 + random.nextInt(10), when),
							false)
					.id());
			}
			else if (what < 5 && !made.isEmpty()) {
				CheckInId id = made.get(random.nextInt(made.size()));
				Instant when = Instant.now().minus(Duration.ofMinutes(10 + random.nextInt(60 * 24 * 7 * 11)));
				this.checkIns.update(this.him.id(), id, details("calm", 1 + random.nextInt(10), when));
			}
			else if (what < 6 && !made.isEmpty()) {
				this.checkIns.delete(this.him.id(), made.remove(random.nextInt(made.size())));
			}
			else if (what < 9) {
				record(walk, this.today.minusDays(random.nextInt(77)),
						random.nextBoolean() ? Outcome.KEPT : Outcome.MISSED);
			}
			else if (what == 10) {
				this.conversations.log(this.him.id(),
						new app.steadfast.conversations.TalkDetails(null, "Topic " + random.nextInt(3), null,
								this.today.minusDays(random.nextInt(77)), 1 + random.nextInt(5),
								app.steadfast.conversations.Escalation.values()[random.nextInt(3)],
								app.steadfast.conversations.BreakTaken.NO, null, null, random.nextBoolean()));
			}
			else {
				// A view in between keeps the completed weeks as they are now.
				this.insights.progress(this.him.id(), this.him.id(), 12);
			}
		}
		List<LocalDate> mondays = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			mondays.add(this.thisMonday.minusWeeks(i));
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			List<WeeklyFigures.Week> kept = this.figures.weeks(this.him.id(), mondays, this.thisMonday);
			for (WeeklyFigures.Week week : kept) {
				assertThat(week.checkIns()).as("check-ins, week of " + week.monday())
					.isEqualTo(this.checkIns.weekOf(this.him.id(), week.monday()));
				assertThat(week.promises()).as("promises, week of " + week.monday())
					.isEqualTo(this.commitments.weekOf(this.him.id(), week.monday()));
				assertThat(week.talks()).as("talks, week of " + week.monday())
					.isEqualTo(this.conversations.weekOf(this.him.id(), week.monday()));
			}
			assertThat(this.figures.keptWeeks(this.him.id()).get(WeeklyFigures.COMMITMENTS)).isEqualTo(11);
		});
	}

	@Test
	void herPulseCountsOnlyInTheWeeksSheSharedAndASetAsideSignalReturnsAfterTwoWeeks() {
		Person her = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.him, her);
		LocalDate pulseMonday = LocalDate.now(this.practice.zone())
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (int week = 5; week >= 0; week--) {
			pulse(her, pulseMonday.minusWeeks(week), 3, false);
		}
		assertThat(kinds(this.insights.progress(this.him.id(), this.him.id(), 12)))
			.doesNotContain(StuckSignal.Kind.PULSE_FLAT);
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(this.him))).bodyText()
			.doesNotContain("3.0</td>");

		this.jdbc.sql("UPDATE trust_pulse SET shared = TRUE WHERE account_id = :her")
			.param("her", her.id().value())
			.update();
		// Weeks she marked shared count while she shares her trust pulse, not before.
		assertThat(kinds(this.insights.progress(this.him.id(), this.him.id(), 12)))
			.doesNotContain(StuckSignal.Kind.PULSE_FLAT);
		this.couple.share(her.id(), Category.PULSE, true);
		Progress shared = this.insights.progress(this.him.id(), this.him.id(), 12);
		assertThat(kinds(shared)).contains(StuckSignal.Kind.PULSE_FLAT);
		assertThat(shared.weeks().get(shared.weeks().size() - 1).partnerPulse()).isEqualTo(3.0);
		// She sees her own page, with his pulse only where he shared it (none here).
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(her))).hasStatusOk();

		this.insights.dismiss(this.him.id(), StuckSignal.Kind.PULSE_FLAT, this.today);
		assertThat(kinds(this.insights.progress(this.him.id(), 12, this.today.plusDays(13), true)))
			.doesNotContain(StuckSignal.Kind.PULSE_FLAT);
		assertThat(kinds(this.insights.progress(this.him.id(), 12, this.today.plusDays(14), true)))
			.as("its six weeks are too old by then")
			.doesNotContain(StuckSignal.Kind.PULSE_FLAT);
		assertThat(kinds(this.insights.progress(this.him.id(), 12, this.today.plusDays(6), true)))
			.doesNotContain(StuckSignal.Kind.PULSE_FLAT);
		this.jdbc.sql("DELETE FROM insight_dismissal WHERE owner_id = :him")
			.param("him", this.him.id().value())
			.update();
		this.insights.dismiss(this.him.id(), StuckSignal.Kind.PULSE_FLAT, this.today.minusDays(14));
		assertThat(kinds(this.insights.progress(this.him.id(), this.him.id(), 12))).as("two weeks have passed")
			.contains(StuckSignal.Kind.PULSE_FLAT);
	}

	@Test
	void hisPartnersQuestionsAreCountedAndReadPlainly() {
		Person her = linked();
		List<app.steadfast.repair.QuestionId> asked = this.questions.ask(her.id(),
				List.of(new app.steadfast.repair.QuestionManagement.NewQuestion("Who else knew?", null),
						new app.steadfast.repair.QuestionManagement.NewQuestion("When did it start?", null)));
		this.questions.answer(this.him.id(), asked.get(0), "Only my brother knew.");
		Progress.Questions figures = this.insights.progress(this.him.id(), this.him.id(), 12).questions();
		assertThat(figures.askedInWeeks()).isEqualTo(2);
		assertThat(figures.answeredInWeeks()).isEqualTo(1);
		assertThat(figures.waiting()).isEqualTo(1);
		assertThat(figures.reading()).startsWith("Your partner asked 2 questions in these weeks, and you answered 1.");
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(this.him))).bodyText()
			.contains("Still waiting for you")
			.doesNotContain("Who else knew?", "Only my brother knew.");
		assertThat(this.insights.progress(her.id(), her.id(), 12).questions()).as("not on her page").isNull();
	}

	/**
	 * The figures are counted without opening a word, and agree with what the questions
	 * themselves show: a question asked long ago and answered now counts as answered but
	 * not asked; a promised time that has passed counts as overdue; a correction is not a
	 * second answer.
	 */
	@Test
	void questionFiguresAgreeWithTheQuestionsThemselves() {
		Person her = linked();
		List<app.steadfast.repair.QuestionId> asked = this.questions.ask(her.id(),
				List.of(new app.steadfast.repair.QuestionManagement.NewQuestion("Where were you that night?", null),
						new app.steadfast.repair.QuestionManagement.NewQuestion("Did you tell anyone?", null),
						new app.steadfast.repair.QuestionManagement.NewQuestion("Why then?", null),
						new app.steadfast.repair.QuestionManagement.NewQuestion("What now?", null)));
		this.jdbc.sql("UPDATE partner_question SET asked_at = :long_ago WHERE id IN (:old)")
			.param("long_ago", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusWeeks(30))
			.param("old", List.of(asked.get(0).value(), asked.get(1).value()))
			.update();
		this.questions.answer(this.him.id(), asked.get(0), "At my brother's.");
		this.questions.correct(this.him.id(), asked.get(0), "At my brother's, and later at a bar.");
		this.questions.answer(this.him.id(), asked.get(2), "Because I was afraid.");
		this.questions.needsTime(this.him.id(), asked.get(3), this.questions.today(this.him.id()).plusDays(2));
		this.jdbc.sql("UPDATE partner_question SET needs_time_until = :past WHERE id = :id")
			.param("past", this.questions.today(this.him.id()).minusDays(1))
			.param("id", asked.get(3).value())
			.update();

		Progress.Questions figures = this.insights.progress(this.him.id(), this.him.id(), 12).questions();
		var board = this.questions.board(this.him.id()).questions();
		java.time.Instant since = this.insights.progress(this.him.id(), this.him.id(), 12)
			.weeks()
			.get(0)
			.monday()
			.atStartOfDay(java.time.ZoneOffset.UTC)
			.toInstant();
		assertThat(figures.askedInWeeks()).isEqualTo(2)
			.isEqualTo((int) board.stream().filter((b) -> !b.askedAt().isBefore(since)).count());
		assertThat(figures.answeredInWeeks()).isEqualTo(2);
		assertThat(figures.waiting()).isEqualTo(2)
			.isEqualTo((int) board.stream().filter((b) -> b.status().waiting()).count());
		assertThat(figures.overdue()).isEqualTo(1)
			.isEqualTo((int) board.stream().filter(app.steadfast.repair.QuestionView::overdue).count());
		assertThat(figures.oldestWaitingDays()).isGreaterThanOrEqualTo(30 * 7 - 1)
			.isEqualTo(
					board.stream().filter((b) -> b.status().waiting()).mapToLong((b) -> b.ageDays()).max().orElse(0));
	}

	@Test
	void aTopicThatKeepsComingBackIsASignalAndTalksAreCountedPerWeek() {
		var money = this.conversations.log(this.him.id(),
				new app.steadfast.conversations.TalkDetails(null, "Money", null, this.today.minusDays(9), 4,
						app.steadfast.conversations.Escalation.BADLY, app.steadfast.conversations.BreakTaken.NO, null,
						null, false));
		java.util.UUID topic = this.conversations.talk(this.him.id(), money.id()).topic().value();
		this.conversations.log(this.him.id(),
				new app.steadfast.conversations.TalkDetails(topic, null, null, this.today.minusDays(8), 2,
						app.steadfast.conversations.Escalation.NO, app.steadfast.conversations.BreakTaken.CAME_BACK,
						null, null, false));
		assertThat(kinds(this.insights.progress(this.him.id(), this.him.id(), 12)))
			.doesNotContain(StuckSignal.Kind.TOPIC_RECURRING);
		this.conversations.log(this.him.id(),
				new app.steadfast.conversations.TalkDetails(topic, null, null, this.today, 3,
						app.steadfast.conversations.Escalation.SOMEWHAT, app.steadfast.conversations.BreakTaken.NO,
						null, null, false));
		Progress progress = this.insights.progress(this.him.id(), this.him.id(), 12);
		assertThat(progress.signals()).filteredOn((s) -> s.kind() == StuckSignal.Kind.TOPIC_RECURRING)
			.singleElement()
			.satisfies((s) -> assertThat(s.headline()).startsWith("This is the third talk about \u201cMoney\u201d"));
		int talks = progress.weeks().stream().mapToInt(Progress.WeekRow::talks).sum();
		assertThat(talks).isEqualTo(3);
		// He joined today: the weeks shown start at the week of his first talk, not
		// twelve
		// weeks back.
		assertThat(progress.weeks().get(0).monday()).isEqualTo(this.today.minusDays(9)
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
		assertThat(progress.talksReading()).startsWith(
				"You logged 3 hard conversations over %d weeks; 2 escalated.".formatted(progress.weeks().size()));
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(this.him))).bodyText()
			.contains("Hard conversations per week", "third talk about");
	}

	@Test
	void onlyTheOwnerSeesHisPageAndNonsenseIsNotFound() {
		assertThat(this.mvc.get().uri("/insights")).hasStatus3xxRedirection();
		assertThat(this.mvc.get().uri("/insights").with(this.people.signedIn(this.people.withRole(Role.THERAPIST))))
			.hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/insights/signals/NOT_A_SIGNAL/dismiss")
			.with(this.people.signedIn(this.him))
			.with(csrf())).hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/insights/signals/PROMISES_LOW/dismiss")
			.with(this.people.signedIn(this.him))
			.with(csrf())).hasRedirectedUrl("/insights");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.insights.progress(this.people.client().id(), this.him.id(), 12))
			.isInstanceOf(app.steadfast.shared.NotFound.class);
	}

	private Person linked() {
		Person her = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.him, her);
		return her;
	}

	private static Set<StuckSignal.Kind> kinds(Progress progress) {
		return progress.signals().stream().map(StuckSignal::kind).collect(java.util.stream.Collectors.toSet());
	}

	private CommitmentId dailySince(LocalDate start, String title) {
		CommitmentId id = this.commitments.create(this.him.id(),
				new CommitmentDetails(title, null, Recurrence.DAILY, Set.of(), null, null));
		this.jdbc.sql("UPDATE commitment SET start_date = :start WHERE id = :id")
			.param("start", start)
			.param("id", id.value())
			.update();
		return id;
	}

	private void record(CommitmentId id, LocalDate day, Outcome outcome) {
		this.commitments.record(this.him.id(), id, day, outcome, null, null);
	}

	private void checkIn(String word, int intensity, LocalDate day) {
		checkIn(word, intensity, day.atTime(12, 0).atZone(this.practice.zone()).toInstant());
	}

	private void checkIn(String word, int intensity, Instant when) {
		this.checkIns.record(this.him.id(), details(word, intensity, when), false);
	}

	private static CheckInDetails details(String word, int intensity, Instant when) {
		return new CheckInDetails(List.of(word), intensity, BodyLocation.CHEST, null, null, null, when);
	}

	private void pulse(Person person, LocalDate monday, int score, boolean shared) {
		this.jdbc
			.sql("""
					INSERT INTO trust_pulse (id, account_id, week_start, count_on, honest, safe, listened, hopeful, note, shared, answered_at)
					VALUES (:id, :p, :week, :s, :s, :s, :s, :s, NULL, :shared, CURRENT_TIMESTAMP)
					""")
			.param("id", UUID.randomUUID())
			.param("p", person.id().value())
			.param("week", monday)
			.param("s", score)
			.param("shared", shared)
			.update();
	}

	static ZoneId zone() {
		return ZoneId.systemDefault();
	}

}
