package app.steadfast.checkins;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
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
 * A check-in sent twice with the same submission id (a double click, a check-in kept
 * offline and sent again after its answer was lost) is saved once; the id belongs to the
 * person who sent it, and his words are sealed as always.
 */
@SteadfastTest
class CheckInSubmissionTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	CheckInRecording recording;

	TestPeople people;

	Person client;

	@BeforeEach
	void client() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
	}

	@Test
	void theSameSubmissionIdPostedTwiceThroughTheFormMakesOneCheckIn() {
		String submission = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/checkins/new")
				.with(this.people.signedIn(this.client))
				.with(csrf())
				.param("step", "details")
				.param("submission", submission)
				.param("words", "shame")
				.param("intensity", "6")
				.param("body", "CHEST")
				.param("trigger", "A question about the weekend")).hasRedirectedUrl("/checkins");
		}
		assertThat(rows(this.client)).isEqualTo(1);
		assertThat(this.mvc.get().uri("/checkins").with(this.people.signedIn(this.client))).bodyText()
			.containsOnlyOnce("A question about the weekend");
	}

	@Test
	void aKeptCheckInSentTwiceIsSavedOnceAndAnsweredAsSavedBothTimes() {
		String submission = UUID.randomUUID().toString();
		long madeAt = System.currentTimeMillis() - 3_600_000;
		for (int i = 0; i < 2; i++) {
			MvcTestResult sent = kept(this.client, submission, madeAt, "full");
			assertThat(sent).hasStatus(201);
			assertThat(sent).bodyJson().extractingPath("$.saved").isEqualTo(true);
		}
		assertThat(rows(this.client)).isEqualTo(1);
		// His words are sealed at rest as every check-in's are, and it is dated when he
		// pressed save, not when it arrived.
		String stored = this.jdbc.sql("SELECT trigger_text FROM check_in WHERE owner_id = :owner")
			.param("owner", this.client.id().value())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("kept offline");
		java.time.Instant occurred = this.jdbc.sql("SELECT occurred_at FROM check_in WHERE owner_id = :owner")
			.param("owner", this.client.id().value())
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		assertThat(occurred.toEpochMilli()).isEqualTo(madeAt);
	}

	@Test
	void aQuickCheckInKeptOfflineIsSavedOnceAsInTheMoment() {
		String submission = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			assertThat(this.mvc.post()
				.uri("/checkins/kept")
				.with(this.people.signedIn(this.client))
				.with(csrf())
				.param("submission", submission)
				.param("kind", "quick")
				.param("madeAt", String.valueOf(System.currentTimeMillis()))
				.param("words", "fear")
				.param("body", "THROAT")).hasStatus(201);
		}
		assertThat(this.jdbc.sql("SELECT in_the_moment FROM check_in WHERE owner_id = :owner")
			.param("owner", this.client.id().value())
			.query(Boolean.class)
			.list()).containsExactly(true);
	}

	@Test
	void anotherPersonsSubmissionIdNeitherFindsNorBlocksHisCheckIn() {
		String submission = UUID.randomUUID().toString();
		assertThat(kept(this.client, submission, System.currentTimeMillis(), "full")).hasStatus(201);
		Person other = this.people.client();
		assertThat(kept(other, submission, System.currentTimeMillis(), "full")).hasStatus(201);
		assertThat(rows(this.client)).isEqualTo(1);
		assertThat(rows(other)).isEqualTo(1);
	}

	@Test
	void aKeptCheckInThatCannotBeSavedSaysWhyAndSavesNothing() {
		assertThat(this.mvc.post()
			.uri("/checkins/kept")
			.with(this.people.signedIn(this.client))
			.with(csrf())
			.param("submission", UUID.randomUUID().toString())
			.param("words", "shame")
			.param("body", "CHEST")).hasStatus(422)
			.bodyJson()
			.extractingPath("$.problem")
			.asString()
			.contains("1 to 10");
		assertThat(rows(this.client)).isZero();
	}

	@Test
	void withoutAValidTokenOrSignInNothingIsSaved() {
		String submission = UUID.randomUUID().toString();
		assertThat(this.mvc.post()
			.uri("/checkins/kept")
			.with(this.people.signedIn(this.client))
			.param("submission", submission)
			.param("words", "shame")
			.param("intensity", "5")
			.param("body", "CHEST")).hasStatus(403);
		assertThat(this.mvc.post()
			.uri("/checkins/kept")
			.with(csrf())
			.param("submission", submission)
			.param("words", "shame")
			.param("intensity", "5")
			.param("body", "CHEST")).hasStatus(302).redirectedUrl().contains("/login");
		assertThat(rows(this.client)).isZero();
	}

	@Test
	void twoSendingsAtOnceSaveOne() throws Exception {
		UUID submission = UUID.randomUUID();
		CheckInDetails details = new CheckInDetails(List.of("hurt"), 5, BodyLocation.CHEST, "Both tabs came back", null,
				null, java.time.Instant.now());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<CheckInReceipt>> sendings = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				sendings.add(() -> this.recording.recordOnce(this.client.id(), details, false, submission));
			}
			List<CheckInId> ids = new ArrayList<>();
			for (Future<CheckInReceipt> receipt : pool.invokeAll(sendings)) {
				ids.add(receipt.get().id());
			}
			assertThat(ids).hasSize(4).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows(this.client)).isEqualTo(1);
	}

	private MvcTestResult kept(Person person, String submission, long madeAt, String kind) {
		return this.mvc.post()
			.uri("/checkins/kept")
			.with(this.people.signedIn(person))
			.with(csrf())
			.param("submission", submission)
			.param("kind", kind)
			.param("madeAt", String.valueOf(madeAt))
			.param("words", "shame")
			.param("words", "fear")
			.param("primary", "fear")
			.param("intensity", "7")
			.param("body", "CHEST")
			.param("trigger", "A text I read while kept offline")
			.exchange();
	}

	private long rows(Person person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM check_in WHERE owner_id = :owner")
			.param("owner", person.id().value())
			.query(Long.class)
			.single();
	}

}
