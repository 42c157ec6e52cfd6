package app.steadfast.care;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestMail;
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
import app.steadfast.consultations.Appointment;
import app.steadfast.consultations.AppointmentManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the therapist's schedule, each booked client has, folded, what changed since his
 * last session: only across what he grants that therapist (the sharing module decides),
 * the partner's questions as a count only; a client who grants nothing shows only that he
 * is booked, and no one else's schedule shows any of it.
 */
@SteadfastTest
class SessionBriefTests {

	@RegisterExtension
	static GreenMailExtension smtp = TestMail.smtpServer();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	ConsultationManagement consultations;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AppointmentManagement appointments;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	CommitmentManagement commitments;

	TestPeople people;

	CarePeople p;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
		for (DayOfWeek day : DayOfWeek.values()) {
			this.appointments.addHours(this.p.therapist().id(), day, LocalTime.of(6, 0), LocalTime.of(22, 0));
		}
	}

	@Test
	void eachBookedClientShowsOnlyWhatHeGrantsThisTherapist() throws Exception {
		Person granting = this.p.otherClient();
		Person silent = this.p.client();
		this.sharing.grant(granting.id(), this.p.therapist().id(), Category.CHECKINS, GrantKind.THERAPIST, null);
		this.sharing.grant(granting.id(), this.p.therapist().id(), Category.COMMITMENTS, GrantKind.THERAPIST, null);
		for (Person client : List.of(granting, silent)) {
			this.checkIns.record(client.id(), new CheckInDetails(List.of("shame", "fear"), 6, BodyLocation.CHEST,
					"A trigger", null, null, java.time.Instant.now()), false);
			CommitmentId promise = this.commitments.create(client.id(),
					new CommitmentDetails("Phone face up at dinner", null, Recurrence.DAILY, Set.of(), null, null));
			this.commitments.record(client.id(), promise, this.accounts.today(client.id()), Outcome.KEPT, null, null);
		}
		Appointment his = book(granting);
		Appointment other = book(silent);

		String week = LocalDate.ofInstant(his.start(), this.accounts.zone(this.p.therapist().id())).toString();
		String page = this.mvc.get()
			.uri("/care/schedule?week=" + week)
			.with(this.people.signedIn(this.p.therapist()))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Since last session", "since he became your client", "1 check-in, naming shame, fear",
				"Promises: 1 kept, 0 missed");
		// One brief: the client who grants nothing is only booked.
		assertThat(page.split("class=\"brief\"", -1)).hasSize(2);
		assertThat(page).doesNotContain("hard talk", "statement version", "Latest weekly pulse", "risk alerts waiting");
		if (LocalDate.ofInstant(other.start(), this.accounts.zone(this.p.therapist().id()))
			.with(DayOfWeek.MONDAY)
			.equals(LocalDate.parse(week).with(DayOfWeek.MONDAY))) {
			assertThat(page).contains(silent.displayName());
		}

		// Another therapist sees none of it, and a client no schedule at all.
		assertThat(
				this.mvc.get().uri("/care/schedule?week=" + week).with(this.people.signedIn(this.p.otherTherapist())))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("Since last session", granting.displayName(), silent.displayName());
		assertThat(this.mvc.get().uri("/care/schedule?week=" + week).with(this.people.signedIn(granting)))
			.hasStatus(403);
	}

	@Test
	void theBriefCountsFromTheEndOfHisLastSession() {
		Person client = this.p.otherClient();
		this.sharing.grant(client.id(), this.p.therapist().id(), Category.CHECKINS, GrantKind.THERAPIST, null);
		Appointment next = book(client);
		// A session that ended an hour ago, with one check-in before it and one after.
		java.time.Instant ended = java.time.Instant.now().minus(Duration.ofHours(1));
		this.jdbc.sql("""
				INSERT INTO appointment (id, therapist_id, client_id, kind, status, starts_at, ends_at, held_start,
				sequence_number, created_at, changed_at)
				VALUES (:id, :t, :c, 'SESSION', 'BOOKED', :s, :e, :s, 0, :s, :s)
				""")
			.param("id", java.util.UUID.randomUUID())
			.param("t", this.p.therapist().id().value())
			.param("c", client.id().value())
			.param("s", ended.minus(Duration.ofMinutes(50)).atOffset(java.time.ZoneOffset.UTC))
			.param("e", ended.atOffset(java.time.ZoneOffset.UTC))
			.update();
		this.checkIns.record(client.id(), new CheckInDetails(List.of("anger"), 6, BodyLocation.CHEST, null, null, null,
				ended.minus(Duration.ofMinutes(70))), false);
		this.checkIns.record(client.id(), new CheckInDetails(List.of("hurt"), 6, BodyLocation.CHEST, null, null, null,
				ended.plus(Duration.ofMinutes(30))), false);

		String week = LocalDate.ofInstant(next.start(), this.accounts.zone(this.p.therapist().id())).toString();
		assertThat(this.mvc.get().uri("/care/schedule?week=" + week).with(this.people.signedIn(this.p.therapist())))
			.bodyText()
			.contains("since his last session", "1 check-in, naming hurt")
			.doesNotContain("anger");
	}

	private Appointment book(Person client) {
		return this.appointments.book(client.id(),
				this.appointments.openSessionTimes(client.id(), null).get(0).start());
	}

}
