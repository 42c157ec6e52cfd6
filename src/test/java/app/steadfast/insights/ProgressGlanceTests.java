package app.steadfast.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import app.steadfast.commitments.CommitmentDetails;
import app.steadfast.commitments.CommitmentId;
import app.steadfast.commitments.CommitmentManagement;
import app.steadfast.commitments.Outcome;
import app.steadfast.commitments.Recurrence;
import app.steadfast.conversations.BreakTaken;
import app.steadfast.conversations.ConversationManagement;
import app.steadfast.conversations.Escalation;
import app.steadfast.conversations.TalkDetails;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Practice;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a caseload shows of many clients' progress, read for all of them at once, equals
 * what each one's progress page shows the same viewer: with and without stuck signals,
 * with and without a pulse, with a signal set aside, in another time zone, and with what
 * only his own page shows (his partner's pulse, his recurring topics).
 */
@SteadfastTest
class ProgressGlanceTests {

	@Autowired
	InsightsManagement insights;

	@Autowired
	WeeklyFigures figures;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	ConversationManagement conversations;

	@Autowired
	CoupleManagement couple;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AuditLog audit;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Practice practice;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person therapist;

	@BeforeEach
	void therapist() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.therapist = this.people.withRole(Role.THERAPIST);
	}

	@Test
	void theGlanceOfManyClientsEqualsEachOnesProgressForTheSameViewer() {
		// Promises low for four weeks and anger hitting hard; his pulse two weeks ago.
		Person struggling = client();
		LocalDate monday = thisMonday(struggling);
		CommitmentId phone = dailySince(struggling, monday.minusWeeks(6));
		for (int week = 4; week >= 1; week--) {
			this.commitments.record(struggling.id(), phone, monday.minusWeeks(week), Outcome.KEPT, null, null);
			this.commitments.record(struggling.id(), phone, monday.minusWeeks(week).plusDays(1), Outcome.MISSED, null,
					null);
		}
		checkIn(struggling, "anger", 9, monday.minusWeeks(1).plusDays(2));
		checkIn(struggling, "shame", 8, monday.minusWeeks(1).plusDays(3));
		checkIn(struggling, "furious", 10, Instant.now().minusSeconds(120));
		pulse(struggling, monday.minusWeeks(3), 3);
		pulse(struggling, monday.minusWeeks(2), 4);

		// Nothing recorded at all.
		Person quiet = client();

		// Intense feelings he set aside; his pulse this week; his partner's flat pulse
		// and a recurring topic, which only his own page shows.
		Person settled = client();
		LocalDate settledMonday = thisMonday(settled);
		for (int i = 0; i < 3; i++) {
			checkIn(settled, "shame", 9, Instant.now().minusSeconds(300 + i));
		}
		this.insights.dismiss(settled.id(), StuckSignal.Kind.INTENSE_FEELINGS);
		pulse(settled, settledMonday, 6);
		Person partner = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(settled, partner);
		this.couple.share(partner.id(), Category.PULSE, true);
		for (int week = 5; week >= 0; week--) {
			this.jdbc.sql("""
					INSERT INTO trust_pulse (id, account_id, week_start, count_on, honest, safe, listened, hopeful,
					  note, shared, answered_at)
					VALUES (:id, :p, :week, 2, 2, 2, 2, 2, NULL, TRUE, CURRENT_TIMESTAMP)
					""")
				.param("id", UUID.randomUUID())
				.param("p", partner.id().value())
				.param("week", settledMonday.minusWeeks(week))
				.update();
		}
		LocalDate today = this.accounts.today(settled.id());
		var money = this.conversations.log(settled.id(), new TalkDetails(null, "Money", null, today.minusDays(9), 3,
				Escalation.SOMEWHAT, BreakTaken.NO, null, null, false));
		UUID topic = this.conversations.talk(settled.id(), money.id()).topic().value();
		for (int day : new int[] { 5, 0 }) {
			this.conversations.log(settled.id(), new TalkDetails(topic, null, null, today.minusDays(day), 3,
					Escalation.SOMEWHAT, BreakTaken.NO, null, null, false));
		}

		// Far away: his weeks start on his own Monday; promises kept; his only pulse
		// in the first of the twelve weeks, one before them that does not count.
		Person far = client();
		this.accounts.changeZone(far.id(), ZoneId.of("Pacific/Kiritimati"));
		LocalDate farMonday = thisMonday(far);
		CommitmentId walk = dailySince(far, farMonday.minusWeeks(2));
		for (int day = 1; day <= 10; day++) {
			this.commitments.record(far.id(), walk, this.accounts.today(far.id()).minusDays(day), Outcome.KEPT, null,
					null);
		}
		pulse(far, farMonday.minusWeeks(11), 5);
		pulse(far, farMonday.minusWeeks(12), 7);

		// He shares nothing with this therapist.
		Person hidden = client();
		checkIn(hidden, "anger", 10, Instant.now().minusSeconds(60));

		List<Person> sharing = List.of(struggling, quiet, settled, far);
		for (Person person : sharing) {
			this.sharing.grant(person.id(), this.therapist.id(), Category.INSIGHTS, GrantKind.THERAPIST, null);
		}
		List<AccountId> owners = new ArrayList<>(sharing.stream().map(Person::id).toList());
		owners.add(hidden.id());

		Map<Person, Long> readsBefore = new LinkedHashMap<>();
		sharing.forEach((person) -> readsBefore.put(person, reads(person)));
		// The first view keeps the completed weeks; the second reads them back.
		Map<AccountId, ProgressGlance> first = this.insights.glances(this.therapist.id(), owners, 12);
		Map<AccountId, ProgressGlance> second = this.insights.glances(this.therapist.id(), owners, 12);
		sharing.forEach((person) -> assertThat(reads(person)).as("one audited read a view")
			.isEqualTo(readsBefore.get(person) + 2));
		assertThat(reads(hidden)).isZero();

		assertThat(first).containsOnlyKeys(sharing.stream().map(Person::id).toList());
		assertThat(second).isEqualTo(first);
		for (Person person : sharing) {
			Progress progress = this.insights.progress(this.therapist.id(), person.id(), 12);
			assertThat(second.get(person.id())).as(person.displayName())
				.isEqualTo(new ProgressGlance(progress.signals().size(),
						progress.weeks()
							.stream()
							.map(Progress.WeekRow::myPulse)
							.filter(Objects::nonNull)
							.reduce((a, b) -> b)
							.orElse(null)));
		}
		// The clients above differ where it matters.
		assertThat(second.get(struggling.id())).isEqualTo(new ProgressGlance(2, 4.0));
		assertThat(second.get(quiet.id())).isEqualTo(new ProgressGlance(0, null));
		assertThat(second.get(settled.id())).isEqualTo(new ProgressGlance(0, 6.0));
		assertThat(second.get(far.id())).isEqualTo(new ProgressGlance(0, 5.0));
		assertThat(this.insights.progress(settled.id(), settled.id(), 12).signals()).extracting(StuckSignal::kind)
			.as("his own page shows more")
			.contains(StuckSignal.Kind.PULSE_FLAT, StuckSignal.Kind.TOPIC_RECURRING);
		assertThatThrownBy(() -> this.insights.progress(this.therapist.id(), hidden.id(), 12))
			.isInstanceOf(NotFound.class);

		// His own glance is his own page's.
		Progress own = this.insights.progress(settled.id(), settled.id(), 12);
		assertThat(this.insights.glances(settled.id(), List.of(settled.id()), 12))
			.containsExactly(Map.entry(settled.id(), ProgressGlance.of(own)));
		assertThat(ProgressGlance.of(own).stuckSignals()).isEqualTo(2);
	}

	@Test
	void weeksOfOwnersWhoseWeeksStartOnDifferentMondaysEqualEachOnesOwn() {
		Person now = client();
		Person behind = client();
		LocalDate monday = thisMonday(now);
		CommitmentId phone = dailySince(now, monday.minusWeeks(3));
		this.commitments.record(now.id(), phone, monday.minusWeeks(1), Outcome.KEPT, null, null);
		checkIn(now, "anger", 9, Instant.now().minusSeconds(60));
		checkIn(behind, "hurt", 4, monday.minusWeeks(1).plusDays(1));
		this.conversations.log(behind.id(), new TalkDetails(null, "Work", null, monday.minusWeeks(1), 2, Escalation.NO,
				BreakTaken.CAME_BACK, null, null, false));

		Map<AccountId, LocalDate> thisMondays = new LinkedHashMap<>();
		thisMondays.put(now.id(), monday);
		thisMondays.put(behind.id(), monday.minusWeeks(1));
		Map<AccountId, List<WeeklyFigures.Week>> together = this.figures.weeks(thisMondays, 12);

		thisMondays.forEach((owner, thisMonday) -> {
			List<LocalDate> mondays = new ArrayList<>();
			for (int i = 11; i >= 0; i--) {
				mondays.add(thisMonday.minusWeeks(i));
			}
			assertThat(together.get(owner)).isEqualTo(this.figures.weeks(owner, mondays, thisMonday));
		});
		assertThat(together.get(behind.id()).get(11).talks().talks()).isOne();
		assertThat(together.get(now.id()).get(11).checkIns().intenseAngerOrShame()).isOne();
		assertThat(this.figures.weeks(Map.of(), 12)).isEmpty();
		assertThat(this.insights.glances(this.therapist.id(), List.of(), 12)).isEmpty();
	}

	private Person client() {
		return this.people.client();
	}

	private LocalDate thisMonday(Person person) {
		return this.accounts.today(person.id()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private CommitmentId dailySince(Person person, LocalDate start) {
		CommitmentId id = this.commitments.create(person.id(),
				new CommitmentDetails("Phone away at dinner", null, Recurrence.DAILY, Set.of(), null, null));
		this.jdbc.sql("UPDATE commitment SET start_date = :start WHERE id = :id")
			.param("start", start)
			.param("id", id.value())
			.update();
		return id;
	}

	private void checkIn(Person person, String word, int intensity, LocalDate day) {
		checkIn(person, word, intensity, day.atTime(12, 0).atZone(this.practice.zone()).toInstant());
	}

	private void checkIn(Person person, String word, int intensity, Instant when) {
		this.checkIns.record(person.id(),
				new CheckInDetails(List.of(word), intensity, BodyLocation.CHEST, null, null, null, when), false);
	}

	private void pulse(Person person, LocalDate monday, int score) {
		this.jdbc.sql("""
				INSERT INTO trust_pulse (id, account_id, week_start, count_on, honest, safe, listened, hopeful, note,
				  shared, answered_at)
				VALUES (:id, :p, :week, :s, :s, :s, :s, :s, NULL, FALSE, CURRENT_TIMESTAMP)
				""")
			.param("id", UUID.randomUUID())
			.param("p", person.id().value())
			.param("week", monday)
			.param("s", score)
			.update();
	}

	private long reads(Person person) {
		return this.audit.about(person.id().value(), 500)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ)
			.count();
	}

}
