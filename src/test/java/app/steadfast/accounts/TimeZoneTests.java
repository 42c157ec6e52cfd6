package app.steadfast.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.checkins.BodyLocation;
import app.steadfast.checkins.CheckInDetails;
import app.steadfast.checkins.CheckInManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A man in Sydney and one in Los Angeles each live by their own clock: their own today,
 * their own Monday, around midnight UTC and across each one's clock change.
 */
@SteadfastTest
class TimeZoneTests {

	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@Autowired
	AccountManagement accounts;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person sydney;

	Person losAngeles;

	@BeforeEach
	void twoMenFarApart() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.sydney = this.people.client();
		this.losAngeles = this.people.client();
		this.accounts.changeZone(this.sydney.id(), SYDNEY);
		this.accounts.changeZone(this.losAngeles.id(), LOS_ANGELES);
	}

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void aroundMidnightUtcEachSeesHisOwnTodayAndHisOwnMonday() {
		// Sunday 28 February 2027, 23:30 UTC: Monday 10:30 in Sydney, Sunday 15:30 in Los
		// Angeles.
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		assertThat(this.accounts.today(this.sydney.id())).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(this.accounts.thisMonday(this.sydney.id())).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(this.accounts.today(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(this.accounts.thisMonday(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 2, 22));

		// An hour later it is Monday in UTC too, and still Sunday in Los Angeles.
		this.clock.set(Instant.parse("2027-03-01T00:30:00Z"));
		assertThat(this.accounts.thisMonday(this.sydney.id())).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(this.accounts.today(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(this.accounts.thisMonday(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 2, 22));
	}

	@Test
	void hisWeekTurnsAtHisOwnMidnightAcrossHisClockChange() {
		// Los Angeles moved to summer time on Sunday 14 March 2027: Monday 15 March
		// begins at 07:00 UTC, not 08:00.
		this.clock.set(Instant.parse("2027-03-15T06:59:00Z"));
		assertThat(this.accounts.today(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 3, 14));
		assertThat(this.accounts.thisMonday(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 3, 8));
		this.clock.set(Instant.parse("2027-03-15T07:00:00Z"));
		assertThat(this.accounts.thisMonday(this.losAngeles.id())).isEqualTo(LocalDate.of(2027, 3, 15));

		// Sydney left summer time on Sunday 4 April 2027: Monday 5 April begins at 14:00
		// UTC, not 13:00.
		this.clock.set(Instant.parse("2027-04-04T13:30:00Z"));
		assertThat(this.accounts.today(this.sydney.id())).isEqualTo(LocalDate.of(2027, 4, 4));
		assertThat(this.accounts.thisMonday(this.sydney.id())).isEqualTo(LocalDate.of(2027, 3, 29));
		this.clock.set(Instant.parse("2027-04-04T14:00:00Z"));
		assertThat(this.accounts.thisMonday(this.sydney.id())).isEqualTo(LocalDate.of(2027, 4, 5));
	}

	@Test
	void oneQueryGivesEachHisZoneAndACheckInCountsInHisOwnWeek() {
		Person here = this.people.client();
		assertThat(this.accounts.zones(List.of(this.sydney.id(), this.losAngeles.id(), here.id())))
			.containsEntry(this.sydney.id(), SYDNEY)
			.containsEntry(this.losAngeles.id(), LOS_ANGELES)
			.containsEntry(here.id(), ZoneId.of("UTC"));

		// Monday 1 March 2027, 02:00 UTC: Monday in Sydney, still Sunday in Los Angeles.
		this.clock.set(Instant.parse("2027-03-02T12:00:00Z"));
		Instant moment = Instant.parse("2027-03-01T02:00:00Z");
		for (Person person : List.of(this.sydney, this.losAngeles)) {
			this.checkIns.record(person.id(),
					new CheckInDetails(List.of("fear"), 6, BodyLocation.CHEST, null, null, null, moment), false);
		}
		var weekOfMarch1 = this.checkIns.weeksOf(List.of(this.sydney.id(), this.losAngeles.id()),
				LocalDate.of(2027, 3, 1));
		assertThat(weekOfMarch1.get(this.sydney.id()).checkIns()).isEqualTo(1);
		assertThat(weekOfMarch1.get(this.losAngeles.id()).checkIns()).isZero();
		var weekOfFebruary22 = this.checkIns.weeksOf(List.of(this.sydney.id(), this.losAngeles.id()),
				LocalDate.of(2027, 2, 22));
		assertThat(weekOfFebruary22.get(this.sydney.id()).checkIns()).isZero();
		assertThat(weekOfFebruary22.get(this.losAngeles.id()).checkIns()).isEqualTo(1);
	}

	@Test
	void timesShownToSomeoneAreInHisOwnZoneAndSayWhichItIs() {
		this.checkIns.record(this.sydney.id(), new CheckInDetails(List.of("fear"), 6, BodyLocation.CHEST, null, null,
				null, Instant.parse("2026-11-02T02:00:00Z")), false);
		// Signed in after the change, so the session knows his zone.
		assertThat(this.mvc.get().uri("/checkins").with(this.people.signedIn(this.sydney))).bodyText()
			.contains("2 Nov 2026, 13:00 AEDT");
	}

}
