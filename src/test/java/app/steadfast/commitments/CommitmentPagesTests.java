package app.steadfast.commitments;

import java.time.LocalTime;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.couple.RequestMenu;
import app.steadfast.couple.RequestsAndOffers;
import app.steadfast.shared.Role;
import app.steadfast.sharing.Category;
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
 * The reminder settings page, the schedule fields of the form, and turning a request from
 * his partner into a commitment that stays linked to it.
 */
@SteadfastTest
class CommitmentPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	CoupleManagement couple;

	@Autowired
	RequestsAndOffers requests;

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
	void reminderSettingsKeepWhatHeTypedWhenSomethingIsWrongAndSaveWhenRight() {
		assertThat(this.mvc.get().uri("/commitments/settings").with(this.people.signedIn(this.him))).bodyText()
			.contains("Put the words of my commitments in these emails", "value=\"07:30\"",
					"Every time you give is read in your time zone", "UTC", "href=\"/accounts/settings\"");

		assertThat(this.mvc.post()
			.uri("/commitments/settings")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("reminders", "true")
			.param("digest", "true")
			.param("digestAt", "25:99")).hasStatusOk().bodyText().contains("Give a time like 21:00", "value=\"25:99\"");
		assertThat(this.commitments.settings(this.him.id()).digest()).isFalse();

		assertThat(this.mvc.post()
			.uri("/commitments/settings")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("digest", "true")
			.param("digestAt", "06:45")).hasRedirectedUrl("/commitments/settings");
		assertThat(this.commitments.settings(this.him.id()))
			.isEqualTo(new ReminderSettings(false, true, LocalTime.of(6, 45), false));
	}

	@Test
	void whatCannotBeReadIsAMessageBesideItsFieldAndEverythingHeTypedIsKept() {
		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("title", "Call my brother on Sundays")
			.param("why", "We drifted")
			.param("recurrence", "WEEKLY")
			.param("weekdays", "SUNDAY")
			.param("endDate", "2027-02-30")
			.param("dueTime", "20:00")
			.param("remindAt", "half past five")).hasStatusOk()
			.bodyText()
			.contains("id=\"endDate-error\">Give a date like 2027-01-31, or leave it empty.</p>",
					"id=\"remindAt-error\">Give a time like 21:00, or leave it empty.</p>")
			.contains("value=\"2027-02-30\"", "value=\"half past five\"", "value=\"20:00\"",
					"value=\"Call my brother on Sundays\"", ">We drifted</textarea>", "value=\"SUNDAY\" checked",
					"value=\"WEEKLY\" checked")
			.doesNotContain("id=\"title-error\"", "id=\"dueTime-error\"");
		assertThat(this.commitments.list(this.him.id(), this.him.id())).isEmpty();
	}

	@Test
	void theFormChecksStartEndAndReminderTimesAndKeepsHisWords() {
		String today = this.accounts.today(this.him.id()).toString();
		String yesterday = this.accounts.today(this.him.id()).minusDays(1).toString();
		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("title", "Text her when I leave work")
			.param("recurrence", "DAILY")
			.param("startDate", today)
			.param("endDate", yesterday)
			.param("remindAt", "17:30")).hasStatusOk()
			.bodyText()
			.contains("The last day can", "Text her when I leave work", "value=\"17:30\"");
		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("title", "Text her when I leave work")
			.param("recurrence", "DAILY")
			.param("remindAt", "half past five")).hasStatusOk().bodyText().contains("Give a time like 21:00");
		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("title", "Text when I leave work")
			.param("recurrence", "DAILY")
			.param("endDate", this.accounts.today(this.him.id()).plusDays(29).toString())
			.param("remindAt", "17:30")).hasRedirectedUrl("/commitments");
		CommitmentView made = this.commitments.list(this.him.id(), this.him.id()).get(0);
		assertThat(made.remindAt()).isEqualTo(LocalTime.of(17, 30));
		assertThat(made.endDate()).isEqualTo(this.accounts.today(this.him.id()).plusDays(29));
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(this.him))).bodyText()
			.contains("Reminder at 17:30", "until");
	}

	@Test
	void aRequestFromHisPartnerBecomesACommitmentLinkedToIt() {
		Person her = linkedPartner();
		this.requests.request(her.id(), RequestMenu.WHERE_YOU_ARE, null);
		UUID request = this.requests.receivedBy(this.him.id()).get(0).id();

		assertThat(this.mvc.get().uri("/couple").with(this.people.signedIn(this.him))).bodyText()
			.contains("/commitments/new?request=" + request);
		assertThat(this.mvc.get().uri("/commitments/new?request={id}", request).with(this.people.signedIn(this.him)))
			.bodyText()
			.contains("Your partner asked:", "Tell me where you are when plans change.");
		// Nobody else can open her request, and nonsense is simply not found.
		assertThat(this.mvc.get()
			.uri("/commitments/new?request={id}", request)
			.with(this.people.signedIn(this.people.client()))).hasStatus(404);
		assertThat(this.mvc.get()
			.uri("/commitments/new?request={id}", UUID.randomUUID())
			.with(this.people.signedIn(this.him))).hasStatus(404);
		assertThat(this.mvc.get().uri("/commitments/new?request=nonsense").with(this.people.signedIn(this.him)))
			.hasStatus(404);

		assertThat(this.mvc.post()
			.uri("/commitments/new")
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("title", "Text her if I'll be more than 15 minutes late")
			.param("recurrence", "DAILY")
			.param("request", request.toString())).hasRedirectedUrl("/commitments");
		CommitmentView made = this.commitments.list(this.him.id(), this.him.id()).get(0);
		assertThat(made.fromRequest()).isEqualTo(request);
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(this.him))).bodyText()
			.contains("Answers a request from your partner");

		this.couple.share(this.him.id(), Category.COMMITMENTS, true);
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(her))).bodyText()
			.contains("Text her if I", "This answers something you asked for.");

		// A request id that is not his is dropped, never stored.
		Person other = this.people.client();
		this.commitments.create(other.id(), new CommitmentDetails("Walk the dog at seven", null, Recurrence.DAILY,
				java.util.Set.of(), null, null, null, null, null, request));
		assertThat(this.commitments.list(other.id(), other.id()).get(0).fromRequest()).isNull();
	}

	@Test
	void recordingADayShowsEachProblemBesideItsFieldAndKeepsHisWords() {
		CommitmentId id = this.commitments.create(this.him.id(), new CommitmentDetails("Phone face down at dinner",
				null, Recurrence.DAILY, java.util.Set.of(), null, null));
		String today = this.accounts.today(this.him.id()).toString();
		String tomorrow = this.accounts.today(this.him.id()).plusDays(1).toString();
		String page = "/commitments/" + id.value() + "/record";

		// The day names which day is recorded, as an id would: text that is no day, or
		// none, is the 404 of a day that was never due.
		for (String day : java.util.List.of("not-a-day", "2026-02-30", "")) {
			assertThat(this.mvc.get().uri(page + "?date=" + day).with(this.people.signedIn(this.him))).as(day)
				.hasStatus(404);
			assertThat(record(id, day, "KEPT", "", "")).as(day).hasStatus(404);
		}
		assertThat(this.mvc.get().uri(page).with(this.people.signedIn(this.him))).hasStatus(404);
		assertThat(this.mvc.get().uri(page + "?date=" + today).with(this.people.signedIn(this.him))).hasStatusOk()
			.bodyText()
			.contains("value=\"" + today + "\"", "value=\"MISSED\" checked");

		// An outcome that is neither: a message beside it, his words kept.
		assertThat(record(id, today, "MAYBE", "Dinner at her mother's", "Her brother called")).hasStatusOk()
			.bodyText()
			.contains("id=\"outcome-error\">Choose kept or missed.</p>", ">Dinner at her mother&#39;s</textarea>",
					">Her brother called</textarea>", "value=\"" + today + "\"")
			.doesNotContain("id=\"note-error\"", "id=\"date-error\"");
		// The aggregate's rules: each message beside its field, his words kept.
		assertThat(record(id, today, "MISSED", "x".repeat(1001), "Tired")).hasStatusOk()
			.bodyText()
			.contains("id=\"note-error\">Keep it under 1000 characters.</p>", ">Tired</textarea>",
					"value=\"MISSED\" checked");
		assertThat(record(id, tomorrow, "KEPT", "Early", "")).hasStatusOk()
			.bodyText()
			.contains("id=\"date-error\">You can record a day once it has come.</p>", ">Early</textarea>",
					"value=\"KEPT\" checked");
		assertThat(this.commitments.find(this.him.id(), id).occurrences()).noneMatch(
				(o) -> o.state() != OccurrenceView.State.NOT_RECORDED && o.state() != OccurrenceView.State.UPCOMING);

		assertThat(record(id, today, "KEPT", "Face down the whole meal", "")).hasRedirectedUrl("/commitments");
		assertThat(this.commitments.find(this.him.id(), id).occurrences())
			.anySatisfy((o) -> assertThat(o.state()).isEqualTo(OccurrenceView.State.KEPT));
		// Someone else's commitment stays the 404 it was, whatever the form holds.
		assertThat(this.mvc.post()
			.uri(page)
			.with(this.people.signedIn(this.people.client()))
			.with(csrf())
			.param("date", today)
			.param("outcome", "MAYBE")).hasStatus(404);
	}

	private MvcTestResult record(CommitmentId id, String date, String outcome, String note, String way) {
		return this.mvc.post()
			.uri("/commitments/{id}/record", id.value())
			.with(this.people.signedIn(this.him))
			.with(csrf())
			.param("date", date)
			.param("outcome", outcome)
			.param("note", note)
			.param("whatGotInTheWay", way)
			.exchange();
	}

	private Person linkedPartner() {
		Person her = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.him, her);
		return her;
	}

}
