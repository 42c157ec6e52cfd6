package app.steadfast.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestClock;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commitment's schedule reads "from" a start day only while that day is still to come
 * where its owner is, not where the server is.
 */
@SteadfastTest
class CommitmentTimeZoneTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@AfterEach
	void realTimeAgain() {
		this.clock.reset();
	}

	@Test
	void aCommitmentStartingOnHisMondayHasStartedInSydneyWhileItIsStillSundayInUtc() {
		Person sydney = new TestPeople(this.accounts, this.jdbc, this.details).client();
		this.accounts.changeZone(sydney.id(), ZoneId.of("Australia/Sydney"));
		// Sunday 28 February 2027, 23:30 UTC: Monday 1 March, 10:30 in Sydney.
		this.clock.set(Instant.parse("2027-02-28T23:30:00Z"));
		CommitmentId started = this.commitments.create(sydney.id(), daily("Walk for twenty minutes", null));
		CommitmentId tomorrow = this.commitments.create(sydney.id(),
				daily("Call my brother for ten minutes", LocalDate.of(2027, 3, 2)));

		assertThat(this.commitments.find(sydney.id(), started).schedule()).isEqualTo("Every day");
		assertThat(this.commitments.find(sydney.id(), tomorrow).schedule()).isEqualTo("Every day, from 2 Mar 2027");
	}

	private static CommitmentDetails daily(String title, LocalDate start) {
		return new CommitmentDetails(title, null, Recurrence.DAILY, Set.of(), null, null, start, null, null, null);
	}

}
