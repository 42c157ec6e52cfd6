package app.steadfast.commitments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@SteadfastTest
class CommitmentTests {

	@Autowired
	CoupleManagement couple;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
	}

	static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	static CommitmentDetails daily(String title) {
		return new CommitmentDetails(title, null, Recurrence.DAILY, Set.of(), null, null);
	}

	@Test
	void heMakesACommitmentOnThePageAndRewordingKeepsTheOldWording() {
		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("title", "ok")
			.param("recurrence", "DAILY")).bodyText().contains("id=\"title-error\"", "3 to 200 characters");
		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("title", "Be a better husband")
			.param("why", "She has stopped believing my promises.")
			.param("recurrence", "WEEKLY")
			.param("weekdays", "MONDAY", "THURSDAY")
			.param("dueTime", "21:00")).hasRedirectedUrl("/commitments");
		CommitmentView made = this.commitments.list(this.client.id(), this.client.id()).get(0);
		assertThat(made.vague()).isTrue();
		assertThat(made.weekdays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(this.client))).bodyText()
			.contains("Be a better husband", "may be hard to check", "Every Monday, Thursday, by 21:00");

		assertThat(this.mvc.post()
			.uri("/commitments/{id}/edit", made.id().value())
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("title", "Phone face down at dinner on Mondays and Thursdays")
			.param("why", "")).hasRedirectedUrl("/commitments");
		CommitmentView reworded = this.commitments.find(this.client.id(), made.id());
		assertThat(reworded.title()).isEqualTo("Phone face down at dinner on Mondays and Thursdays");
		assertThat(reworded.why()).isNull();
		assertThat(reworded.vague()).isFalse();
		assertThat(reworded.wordings()).extracting(CommitmentView.Wording::title)
			.containsExactly("Be a better husband");
		assertThat(this.mvc.get().uri("/commitments/new").with(this.people.signedIn(this.client))).bodyText()
			.contains("Make it small and checkable", "your partner");
	}

	@Test
	void heRecordsKeptAndMissedAndUnrecordedPastDaysShowAsNotRecorded() {
		LocalDate monday = d("2026-11-16");
		CommitmentId id = this.commitments.create(this.client.id(), daily("Walk for 20 minutes after work"), monday);
		LocalDate today = d("2026-11-19");
		this.commitments.record(this.client.id(), id, d("2026-11-16"), Outcome.KEPT, "Felt good", null, today);
		this.commitments.record(this.client.id(), id, d("2026-11-17"), Outcome.MISSED, null, "Late meeting", today);
		List<OccurrenceView> shown = this.commitments.list(this.client.id(), today).get(0).occurrences();
		assertThat(shown).extracting(OccurrenceView::dueDate)
			.containsExactly(d("2026-11-16"), d("2026-11-17"), d("2026-11-18"), d("2026-11-19"), d("2026-11-20"),
					d("2026-11-21"), d("2026-11-22"));
		assertThat(shown).extracting(OccurrenceView::state)
			.containsExactly(OccurrenceView.State.KEPT, OccurrenceView.State.MISSED, OccurrenceView.State.NOT_RECORDED,
					OccurrenceView.State.NOT_RECORDED, OccurrenceView.State.UPCOMING, OccurrenceView.State.UPCOMING,
					OccurrenceView.State.UPCOMING);
		assertThat(shown.get(0).note()).isEqualTo("Felt good");
		assertThat(shown.get(1).whatGotInTheWay()).isEqualTo("Late meeting");
		assertThat(shown.get(4).recordable()).isFalse();

		assertThatThrownBy(
				() -> this.commitments.record(this.client.id(), id, d("2026-11-20"), Outcome.KEPT, null, null, today))
			.isInstanceOf(InvalidCommitment.class);
		assertThatThrownBy(
				() -> this.commitments.record(this.client.id(), id, d("2026-11-15"), Outcome.KEPT, null, null, today))
			.isInstanceOf(InvalidCommitment.class);
	}

	@Test
	void theRecordButtonOnTheListPageMarksADayKept() {
		CommitmentId id = this.commitments.create(this.client.id(), daily("Text her when I leave work"));
		LocalDate today = this.accounts.today(this.client.id());
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(this.client))).bodyText()
			.contains("Not recorded", "Kept</button>");
		assertThat(this.mvc.post()
			.uri("/commitments/{id}/record", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("date", today.toString())
			.param("outcome", "KEPT")).hasRedirectedUrl("/commitments");
		assertThat(this.commitments.find(this.client.id(), id).occurrences())
			.filteredOn((o) -> o.dueDate().equals(today))
			.extracting(OccurrenceView::state)
			.containsExactly(OccurrenceView.State.KEPT);
		assertThat(this.mvc.get()
			.uri("/commitments/{id}/record?date={date}", id.value(), today)
			.with(this.people.signedIn(this.client))).bodyText().contains("what got in the way");
		assertThat(this.mvc.get().uri("/commitments/reliability").with(this.people.signedIn(this.client))).bodyText()
			.contains("<svg", "<table", "1 of 1 kept (100%)");
	}

	@Test
	void reliabilityCountsKeptOutOfDuePerWeekSkippingPausedDays() {
		LocalDate start = d("2026-11-09");
		CommitmentId daily = this.commitments.create(this.client.id(), daily("Phone away by 22:00"), start);
		CommitmentId weekly = this.commitments.create(this.client.id(),
				new CommitmentDetails("Cook dinner on Mon, Wed and Fri", null, Recurrence.WEEKLY,
						Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), null, null),
				start);
		this.commitments.pause(this.client.id(), weekly, d("2026-11-16"));
		this.commitments.resume(this.client.id(), weekly, d("2026-11-23"));
		LocalDate today = d("2026-11-25");
		for (String day : List.of("2026-11-09", "2026-11-10", "2026-11-11", "2026-11-16", "2026-11-17", "2026-11-18",
				"2026-11-19", "2026-11-20", "2026-11-24")) {
			this.commitments.record(this.client.id(), daily, d(day), Outcome.KEPT, null, null, today);
		}
		this.commitments.record(this.client.id(), daily, d("2026-11-12"), Outcome.MISSED, null, null, today);
		this.commitments.record(this.client.id(), weekly, d("2026-11-09"), Outcome.KEPT, null, null, today);
		this.commitments.record(this.client.id(), weekly, d("2026-11-23"), Outcome.KEPT, null, null, today);
		// Paused on the 18th: not a due date, so it cannot be recorded.
		assertThatThrownBy(() -> this.commitments.record(this.client.id(), weekly, d("2026-11-18"), Outcome.KEPT, null,
				null, today))
			.isInstanceOf(InvalidCommitment.class);

		Reliability reliability = this.commitments.reliability(this.client.id(), 4, today);
		assertThat(reliability.weeks()).extracting(Reliability.Week::monday)
			.containsExactly(d("2026-11-02"), d("2026-11-09"), d("2026-11-16"), d("2026-11-23"));
		assertThat(reliability.weeks()).extracting(Reliability.Week::tally)
			.containsExactly(new Reliability.Tally(0, 0), new Reliability.Tally(4, 10), new Reliability.Tally(5, 7),
					new Reliability.Tally(2, 5));
		assertThat(reliability.weeks().get(3).partial()).isTrue();
		assertThat(reliability.last4()).isEqualTo(new Reliability.Tally(11, 22));
		assertThat(reliability.last4().percent()).isEqualTo(50);
		assertThat(reliability.last12()).isEqualTo(new Reliability.Tally(11, 22));
		Reliability.PerCommitment perDaily = reliability.commitments().get(0);
		Reliability.PerCommitment perWeekly = reliability.commitments().get(1);
		assertThat(perDaily.weeks()).extracting(Reliability.Week::tally)
			.containsExactly(new Reliability.Tally(0, 0), new Reliability.Tally(3, 7), new Reliability.Tally(5, 7),
					new Reliability.Tally(1, 3));
		assertThat(perWeekly.weeks()).extracting(Reliability.Week::tally)
			.containsExactly(new Reliability.Tally(0, 0), new Reliability.Tally(1, 3), new Reliability.Tally(0, 0),
					new Reliability.Tally(1, 2));
		assertThat(perWeekly.last4()).isEqualTo(new Reliability.Tally(2, 5));
	}

	@Test
	void othersSeeCommitmentsOnlyThroughAShareAndTheirReadsAreAudited() {
		CommitmentId id = this.commitments.create(this.client.id(), daily("Ask how her day was, every evening"));
		Person other = this.people.client();
		Person partner = this.people.withRole(Role.PARTNER);
		assertThatThrownBy(() -> this.commitments.find(other.id(), id)).isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/commitments/{id}/edit", id.value()).with(this.people.signedIn(other)))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/commitments/{id}/pause", id.value())
			.with(this.people.signedIn(other))
			.with(csrf())).hasStatus(404);
		assertThatThrownBy(() -> this.commitments.list(partner.id(), this.client.id())).isInstanceOf(NotFound.class);
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(partner))).bodyText()
			.contains("No commitments are shared with you")
			.doesNotContain("Ask how her day was");

		// Sharing check-ins does not share commitments.
		this.sharing.grant(this.client.id(), partner.id(), Category.CHECKINS, GrantKind.PARTNER, null);
		assertThatThrownBy(() -> this.commitments.find(partner.id(), id)).isInstanceOf(NotFound.class);
		this.sharing.grant(this.client.id(), partner.id(), Category.COMMITMENTS, GrantKind.PARTNER, null);
		assertThat(this.commitments.find(partner.id(), id).title()).isEqualTo("Ask how her day was, every evening");
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(partner))).bodyText()
			.contains("Ask how her day was, every evening");
		assertThat(this.audit.about(this.client.id().value(), 20))
			.anyMatch((row) -> row.action() == AuditAction.RECORD_READ && partner.id().value().equals(row.actorId())
					&& "COMMITMENTS".equals(row.category()));
		// Even with the share, his own pages stay his.
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(partner))).hasStatus(403);
	}

	@Test
	void freeTextIsEncryptedAtRest() {
		CommitmentId id = this.commitments.create(this.client.id(),
				new CommitmentDetails("Tell her the truth about the credit card", "Secrets cost us the last year",
						Recurrence.DAILY, Set.of(), null, null));
		this.commitments.record(this.client.id(), id, this.accounts.today(this.client.id()), Outcome.MISSED,
				"Shame again", "I panicked when she asked");
		this.commitments.reword(this.client.id(), id, "Answer honestly about money when asked", null);
		String raw = this.jdbc
			.sql("SELECT c.title || '|' || COALESCE(c.why, '') || '|' || w.old_title || '|' || o.note || '|' "
					+ "|| o.what_got_in_the_way FROM commitment c "
					+ "JOIN commitment_wording w ON w.commitment_id = c.id "
					+ "JOIN commitment_occurrence o ON o.commitment_id = c.id WHERE c.id = :id")
			.param("id", id.value())
			.query(String.class)
			.single();
		assertThat(raw).doesNotContain("credit card", "Secrets", "Shame", "panicked", "honestly");
		assertThat(this.commitments.find(this.client.id(), id).wordings()).extracting(CommitmentView.Wording::title)
			.containsExactly("Tell her the truth about the credit card");
	}

	@Test
	void aNoteWithRiskLanguageIsSavedAndLeadsToCrisisResources() {
		CommitmentId id = this.commitments.create(this.client.id(), daily("Call my brother on Sundays"));
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(this.client))).bodyText()
			.as("no crisis panel on an ordinary visit")
			.doesNotContain("crisis-panel");
		var recorded = this.mvc.post()
			.uri("/commitments/{id}/record", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("date", this.accounts.today(this.client.id()).toString())
			.param("outcome", "MISSED")
			.param("whatGotInTheWay", "Some nights I think everyone would be better off without me.")
			.exchange();
		assertThat(recorded.getMvcResult().getFlashMap().get("crisis")).isEqualTo(true);
		assertThat(this.mvc.get()
			.uri("/commitments")
			.with(this.people.signedIn(this.client))
			.cookie(app.steadfast.TestPeople.sessionOf(recorded))).bodyText().contains("crisis-panel");
		assertThat(this.commitments.find(this.client.id(), id).occurrences())
			.filteredOn((o) -> o.dueDate().equals(this.accounts.today(this.client.id())))
			.extracting(OccurrenceView::state)
			.containsExactly(OccurrenceView.State.MISSED);
	}

	@Test
	void pauseResumeAndEndKeepTheRecord() {
		CommitmentId id = this.commitments.create(this.client.id(), daily("Gym at 7 on weekdays"));
		this.commitments.record(this.client.id(), id, this.accounts.today(this.client.id()), Outcome.KEPT, null, null);
		assertThat(this.mvc.post()
			.uri("/commitments/{id}/pause", id.value())
			.with(this.people.signedIn(this.client))
			.with(csrf())).hasRedirectedUrl("/commitments");
		assertThat(this.commitments.find(this.client.id(), id).status()).isEqualTo(CommitmentStatus.PAUSED);
		assertThat(this.commitments.find(this.client.id(), id).occurrences()).isEmpty();
		this.commitments.resume(this.client.id(), id);
		assertThat(this.commitments.find(this.client.id(), id).occurrences())
			.filteredOn((o) -> o.dueDate().equals(this.accounts.today(this.client.id())))
			.extracting(OccurrenceView::state)
			.containsExactly(OccurrenceView.State.KEPT);
		this.commitments.end(this.client.id(), id);
		CommitmentView ended = this.commitments.find(this.client.id(), id);
		assertThat(ended.status()).isEqualTo(CommitmentStatus.ENDED);
		assertThat(ended.endDate()).isEqualTo(this.accounts.today(this.client.id()));
		assertThat(ended.occurrences()).extracting(OccurrenceView::state).containsExactly(OccurrenceView.State.KEPT);
	}

	@Test
	void manyOwnersFiguresAtOnceEqualEachOnesOwnAndEachReadIsAuditedLikeOne() {
		Person therapist = this.people.withRole(Role.THERAPIST);
		Person far = this.people.client();
		Person quiet = this.people.client();
		Person hidden = this.people.client();
		this.accounts.changeZone(far.id(), java.time.ZoneId.of("Pacific/Kiritimati"));
		for (Person person : List.of(this.client, far)) {
			// His partner says what she saw of some days, and shares it as commitments.
			Person partner = this.people.withRole(Role.PARTNER);
			new TestCouples(this.jdbc, this.couple).link(person, partner);
			this.couple.share(partner.id(), Category.COMMITMENTS, true);
			LocalDate today = this.accounts.today(person.id());
			CommitmentId walk = startedDaysAgo(person, daily("Walk for 20 minutes after work"), 40);
			CommitmentId call = startedDaysAgo(person, new CommitmentDetails("Call my mother on Sundays and Thursdays",
					null, Recurrence.WEEKLY, Set.of(DayOfWeek.SUNDAY, DayOfWeek.THURSDAY), null, null), 40);
			this.commitments.pause(person.id(), call, today.minusDays(12));
			this.commitments.resume(person.id(), call, today.minusDays(5));
			for (int day = 0; day < 35; day += 2) {
				this.commitments.record(person.id(), walk, today.minusDays(day),
						(day % 3 == 0) ? Outcome.MISSED : Outcome.KEPT, null, null);
			}
			for (int day = 1; day < 20; day += 4) {
				this.jdbc.sql("""
						INSERT INTO commitment_witness (commitment_id, due_date, witness_id, seen, note, seen_at)
						VALUES (:id, :date, :witness, :seen, NULL, CURRENT_TIMESTAMP)
						""")
					.param("id", walk.value())
					.param("date", today.minusDays(day))
					.param("witness", partner.id().value())
					.param("seen", (day % 8 == 1) ? Seen.CONFIRMED.name() : Seen.SAW_DIFFERENTLY.name())
					.update();
			}
		}
		List<app.steadfast.shared.AccountId> owners = List.of(this.client.id(), far.id(), quiet.id(), hidden.id());
		for (Person person : List.of(this.client, far, quiet)) {
			this.sharing.grant(person.id(), therapist.id(), Category.COMMITMENTS, GrantKind.THERAPIST, null);
		}

		var together = this.commitments.reliabilityOf(therapist.id(), owners, 4);
		assertThat(together).containsOnlyKeys(this.client.id(), far.id(), quiet.id());
		assertThat(together.get(this.client.id()).due()).isPositive();
		assertThat(together.get(this.client.id()).confirmed()).isPositive();
		assertThat(together.get(quiet.id())).isEqualTo(new Reliability.Tally(0, 0));
		for (Person person : List.of(this.client, far, quiet)) {
			assertThat(reads(person)).as("one audited read").isEqualTo(1);
			assertThat(together.get(person.id())).as("last 4 weeks")
				.isEqualTo(this.commitments.reliability(therapist.id(), person.id(), 4).last4());
			Reliability own = this.commitments.reliability(person.id(), person.id(), 12);
			for (Reliability.Week week : own.weeks()) {
				assertThat(this.commitments.weeksOf(owners, week.monday()).get(person.id()))
					.as("week of " + week.monday())
					.isEqualTo(week.tally())
					.isEqualTo(this.commitments.weekOf(person.id(), week.monday()));
			}
		}
		assertThat(reads(hidden)).isZero();
		assertThat(this.accounts.zones(owners)).containsEntry(far.id(), java.time.ZoneId.of("Pacific/Kiritimati"))
			.containsEntry(quiet.id(), this.accounts.zone(quiet.id()));
	}

	private CommitmentId startedDaysAgo(Person person, CommitmentDetails details, int days) {
		CommitmentId id = this.commitments.create(person.id(), details);
		this.jdbc.sql("UPDATE commitment SET start_date = :start WHERE id = :id")
			.param("start", this.accounts.today(person.id()).minusDays(days))
			.param("id", id.value())
			.update();
		return id;
	}

	private long reads(Person person) {
		return this.audit.about(person.id().value(), 100)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ)
			.count();
	}

}
