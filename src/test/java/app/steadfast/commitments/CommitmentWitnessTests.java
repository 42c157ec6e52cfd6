package app.steadfast.commitments;

import java.time.LocalDate;
import java.util.Set;

import app.steadfast.SteadfastTest;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * His partner may confirm a due day or say she saw it differently; her view stands beside
 * his record and never changes it.
 */
@SteadfastTest
class CommitmentWitnessTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	CommitmentManagement commitments;

	@Autowired
	SharingManagement sharing;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	TestPeople people;

	Person client;

	Person partner;

	CommitmentId id;

	@Autowired
	app.steadfast.couple.CoupleManagement couple;

	LocalDate today;

	@BeforeEach
	void sharedCommitment() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.client = this.people.client();
		this.partner = this.people.withRole(Role.PARTNER);
		// Linked, both intakes answered: words travel between them.
		new app.steadfast.TestCouples(this.jdbc, this.couple).link(this.client, this.partner);
		this.id = this.commitments.create(this.client.id(),
				new CommitmentDetails("Put my phone away at dinner", null, Recurrence.DAILY, Set.of(), null, null));
		this.today = this.accounts.today(this.client.id());
	}

	@Test
	void sheConfirmsOrSeesItDifferentlyBesideHisRecord() {
		this.commitments.record(this.client.id(), this.id, this.today, Outcome.KEPT, "Phone in the drawer", null);
		assertThat(witness(this.partner, this.today, null, "")).hasStatus(404);

		this.sharing.grant(this.client.id(), this.partner.id(), Category.COMMITMENTS, GrantKind.PARTNER, null);
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(this.partner))).bodyText()
			.contains("Put my phone away at dinner", "They recorded: Kept", "I saw it differently");

		assertThat(witness(this.partner, this.today, "SAW_DIFFERENTLY", "It was on the table, face up"))
			.hasRedirectedUrl("/commitments/shared");
		// Her view is part of what she shares as commitments: until she shares them, it
		// stays with her, and her page says so.
		assertThat(this.commitments.find(this.client.id(), this.id)
			.occurrences()
			.stream()
			.filter((o) -> o.dueDate().equals(this.today))
			.findFirst()
			.orElseThrow()
			.partnerView()).isNull();
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(this.partner))).bodyText()
			.contains("You aren't sharing commitments with your partner right now");

		this.couple.share(this.partner.id(), Category.COMMITMENTS, true);
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(this.partner))).bodyText()
			.doesNotContain("You aren't sharing commitments");
		OccurrenceView day = this.commitments.find(this.client.id(), this.id)
			.occurrences()
			.stream()
			.filter((o) -> o.dueDate().equals(this.today))
			.findFirst()
			.orElseThrow();
		assertThat(day.state()).isEqualTo(OccurrenceView.State.KEPT);
		assertThat(day.note()).isEqualTo("Phone in the drawer");
		assertThat(day.partnerView())
			.isEqualTo(new OccurrenceView.PartnerView(Seen.SAW_DIFFERENTLY, "It was on the table, face up"));
		assertThat(this.mvc.get().uri("/commitments").with(this.people.signedIn(this.client))).bodyText()
			.contains("Your partner: Saw it differently (It was on the table, face up)");

		assertThat(witness(this.partner, this.today, "CONFIRMED", "")).hasRedirectedUrl("/commitments/shared");
		assertThat(this.commitments.find(this.client.id(), this.id)
			.occurrences()
			.stream()
			.filter((o) -> o.dueDate().equals(this.today))
			.findFirst()
			.orElseThrow()
			.partnerView()).isEqualTo(new OccurrenceView.PartnerView(Seen.CONFIRMED, null));

		// Her view counts beside his in the reliability figures, never instead of them.
		Reliability reliability = this.commitments.reliability(this.client.id(), this.client.id(), 4);
		assertThat(reliability.last4().kept()).isEqualTo(1);
		assertThat(reliability.last4().confirmed()).isEqualTo(1);
		assertThat(reliability.last4().sawDifferently()).isZero();
		assertThat(this.mvc.get().uri("/commitments/reliability").with(this.people.signedIn(this.client))).bodyText()
			.contains("last 12 weeks: saw 1 of these days kept and 0 differently", "Your partner saw kept");
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(this.partner))).bodyText()
			.contains("you saw 1 kept and 0 differently");

		String raw = this.jdbc.sql("SELECT note FROM commitment_witness WHERE commitment_id = :id AND note IS NOT NULL")
			.param("id", this.id.value())
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.orElse("");
		assertThat(raw).doesNotContain("face up");
	}

	@Test
	void onlyARealPastDueDayAndOnlyAnotherPersonWithTheShare() {
		this.sharing.grant(this.client.id(), this.partner.id(), Category.COMMITMENTS, GrantKind.PARTNER, null);
		assertThat(witness(this.partner, this.today.plusDays(2), "CONFIRMED", ""))
			.hasRedirectedUrl("/commitments/shared");
		assertThat(this.mvc.get().uri("/commitments/shared").with(this.people.signedIn(this.partner))).hasStatusOk();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM commitment_witness WHERE commitment_id = :id")
			.param("id", this.id.value())
			.query(Long.class)
			.single()).isZero();
		// A choice that is none of the options is answered like no choice, in words.
		this.commitments.record(this.client.id(), this.id, this.today, Outcome.KEPT, null, null);
		Object none = witness(this.partner, this.today, null, "Not sure").getMvcResult().getFlashMap().get("notice");
		assertThat(none).isNotNull().isNotEqualTo("Thank you. Your view is shown beside theirs.");
		assertThat(witness(this.partner, this.today, "PERHAPS", "Not sure").getMvcResult().getFlashMap().get("notice"))
			.isEqualTo(none);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM commitment_witness WHERE commitment_id = :id")
			.param("id", this.id.value())
			.query(Long.class)
			.single()).isZero();
		// He cannot confirm his own; a stranger sees nothing.
		assertThat(witness(this.client, this.today, "CONFIRMED", "")).hasStatus(404);
		assertThat(witness(this.people.withRole(Role.PARTNER), this.today, "CONFIRMED", "")).hasStatus(404);
		// Someone he shares with who is not his partner, like a therapist, reads but
		// cannot confirm.
		Person therapist = this.people.withRole(Role.THERAPIST);
		this.sharing.grant(this.client.id(), therapist.id(), Category.COMMITMENTS, GrantKind.THERAPIST, null);
		assertThat(this.commitments.find(therapist.id(), this.id).title()).isEqualTo("Put my phone away at dinner");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.commitments.witness(therapist.id(), this.id, this.today, Seen.CONFIRMED, null))
			.isInstanceOf(app.steadfast.shared.NotFound.class);
		assertThat(this.mvc.post()
			.uri("/commitments/shared/not-an-id/2026-01-01")
			.with(this.people.signedIn(this.partner))
			.with(csrf())).hasStatus(404);
	}

	private org.springframework.test.web.servlet.assertj.MvcTestResult witness(Person who, LocalDate date, String seen,
			String note) {
		var request = this.mvc.post()
			.uri("/commitments/shared/{id}/{date}", this.id.value(), date)
			.with(this.people.signedIn(who))
			.with(csrf())
			.param("note", note);
		if (seen != null) {
			request = request.param("seen", seen);
		}
		return request.exchange();
	}

}
