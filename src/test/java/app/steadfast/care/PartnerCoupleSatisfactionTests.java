package app.steadfast.care;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.shared.NotFound;
import app.steadfast.shared.Role;
import app.steadfast.sharing.SharingManagement;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The CSI-4 for both partners, where each agrees: his therapist may send his linked
 * partner a copy of their own; it waits on their Today, says who will see it, and may be
 * answered or declined. Their answers reach that therapist alone (each read audited
 * against them), never him; without a linked partner nothing is sent at all.
 */
@SteadfastTest
class PartnerCoupleSatisfactionTests {

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
	CoupleManagement couple;

	@Autowired
	PartnerMeasures partnerMeasures;

	@Autowired
	app.steadfast.audit.AuditLog audit;

	TestPeople people;

	CarePeople p;

	Person partner;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
		this.partner = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.p.client(), this.partner);
	}

	@Test
	void hisPartnerAnswersTheirOwnCopyAndOnlyHisTherapistSeesIt() throws Exception {
		MvcTestResult sent = send("CSI4", true, this.p.client());
		assertThat(notice(sent)).contains("CSI-4 sent", "His partner has a copy of their own");
		UUID hers = copyOf(this.partner);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM care_measure WHERE client_id = :c AND instrument = 'CSI4'")
			.param("c", this.p.client().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);

		Document today = page("/", this.partner);
		assertThat(today.text()).contains("A question about your relationship");
		assertThat(today.select("a[href=/care/measures/" + hers + "]")).isNotEmpty();
		Document form = page("/care/measures/" + hers, this.partner);
		assertThat(form.text()).contains("Your partner never sees them", "No thanks, I’d rather not");
		assertThat(form.select("input[name=q0]")).hasSize(7);

		// He may not open, answer or decline it: to him it does not exist.
		assertThat(this.mvc.get().uri("/care/measures/" + hers).with(this.people.signedIn(this.p.client())))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/care/measures/" + hers + "/decline")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())).hasStatus(404);

		// 3 + 4 + 3 + 4 = 14: satisfied on the whole.
		assertThat(this.mvc.post()
			.uri("/care/measures/" + hers)
			.param("q0", "3")
			.param("q1", "4")
			.param("q2", "3")
			.param("q3", "4")
			.with(this.people.signedIn(this.partner))
			.with(csrf())).hasStatus3xxRedirection().hasRedirectedUrl("/care/measures");
		assertThat(page("/care/measures", this.partner).text()).contains("14 of 21", "Satisfied on the whole",
				"your partner never sees them");

		Document his = page("/care/clients/" + this.p.client().id().value(), this.p.therapist());
		assertThat(his.select("caption:contains(His partner’s own CSI-4)").parents().first().text())
			.contains("14 of 21, satisfied on the whole");
		assertThat(this.audit.about(this.partner.id().value(), 20))
			.filteredOn((row) -> "partner-measure".equals(row.category()) && hers.toString().equals(row.recordRef()))
			.singleElement()
			.satisfies((row) -> assertThat(row.actorId()).isEqualTo(this.p.therapist().id().value()));

		// Her answers are in the export of her data, not in his.
		assertThat(exported(this.partner).replace(" ", "")).contains("CSI-4", "\"score\":14");
		assertThat(exported(this.p.client()).replace(" ", "")).doesNotContain("\"score\":14");

		// His own scores page holds his answers only; another therapist sees none of
		// hers.
		assertThat(page("/care/measures", this.p.client()).text()).doesNotContain("14 of 21");
		assertThat(this.partnerMeasures.of(this.p.otherTherapist().id(), this.p.client().id())).isEmpty();
		assertThat(this.mvc.get()
			.uri("/care/clients/" + this.p.client().id().value())
			.with(this.people.signedIn(this.p.otherTherapist()))).hasStatus(404);
		// Handed over to another therapist, he takes none of them along, and the one
		// who asked no longer sees them.
		this.consultations.reassign(this.p.admin().id(), this.p.client().id(), this.p.otherTherapist().id());
		assertThat(this.partnerMeasures.of(this.p.otherTherapist().id(), this.p.client().id())).isEmpty();
		assertThatThrownBy(() -> this.partnerMeasures.of(this.p.therapist().id(), this.p.client().id()))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void theyMaySayNoAndNothingIsSent() throws Exception {
		send("CSI4", true, this.p.client());
		UUID hers = copyOf(this.partner);
		assertThat(this.mvc.post()
			.uri("/care/measures/" + hers + "/decline")
			.with(this.people.signedIn(this.partner))
			.with(csrf())).hasStatus3xxRedirection().hasRedirectedUrl("/care/measures");
		assertThat(page("/", this.partner).text()).doesNotContain("A question about your relationship");
		assertThat(this.mvc.get().uri("/care/measures/" + hers).with(this.people.signedIn(this.partner)))
			.hasStatus(404);
		assertThat(this.mvc.post()
			.uri("/care/measures/" + hers + "/decline")
			.with(this.people.signedIn(this.partner))
			.with(csrf())).hasStatus(404);
		assertThat(page("/care/clients/" + this.p.client().id().value(), this.p.therapist()).text())
			.contains("His partner chose not to answer");

		// His own copy cannot be declined: a questionnaire for him is between him and
		// his therapist.
		UUID his = this.jdbc.sql("SELECT id FROM care_measure WHERE client_id = :c")
			.param("c", this.p.client().id().value())
			.query(UUID.class)
			.single();
		assertThat(this.mvc.post()
			.uri("/care/measures/" + his + "/decline")
			.with(this.people.signedIn(this.p.client()))
			.with(csrf())).hasStatus(404);
	}

	@Test
	void aSecondCopyWaitsForTheFirstAndOnlyTheCsi4GoesToAPartner() throws Exception {
		send("CSI4", true, this.p.client());
		assertThat(notice(send("CSI4", true, this.p.client()))).contains("last copy still waits");
		assertThat(copies(this.partner)).isEqualTo(1);

		assertThat(notice(send("PHQ9", true, this.p.client()))).contains("Only the CSI-4", "Nothing was sent");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM care_measure WHERE instrument = 'PHQ9' AND client_id = :c")
			.param("c", this.p.client().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void withoutALinkedPartnerNothingIsSent() throws Exception {
		// His other client has no partner in Steadfast.
		assertThat(notice(send("CSI4", true, this.p.otherClient()))).contains("hasn't joined Steadfast",
				"Nothing was sent");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM care_measure WHERE client_id = :c")
			.param("c", this.p.otherClient().id().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM care_measure WHERE about_client_id = :c")
			.param("c", this.p.otherClient().id().value())
			.query(Long.class)
			.single()).isZero();
	}

	private MvcTestResult send(String instrument, boolean partnerToo, Person client) {
		MvcTestResult result = this.mvc.post()
			.uri("/care/clients/" + client.id().value() + "/measures")
			.param("instrument", instrument)
			.param("partnerToo", String.valueOf(partnerToo))
			.with(this.people.signedIn(this.p.therapist()))
			.with(csrf())
			.exchange();
		assertThat(result).hasStatus3xxRedirection();
		return result;
	}

	/** What the person's data export holds in the file this test reads. */
	private String exported(Person person) throws Exception {
		return app.steadfast.TestExports.file(this.mvc, this.people.signedIn(person), "questionnaires.json");
	}

	private static String notice(MvcTestResult result) {
		return String.valueOf(result.getMvcResult().getFlashMap().get("notice"));
	}

	private UUID copyOf(Person partner) {
		return this.jdbc.sql("SELECT id FROM care_measure WHERE client_id = :c AND about_client_id IS NOT NULL")
			.param("c", partner.id().value())
			.query(UUID.class)
			.single();
	}

	private long copies(Person partner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM care_measure WHERE client_id = :c")
			.param("c", partner.id().value())
			.query(Long.class)
			.single();
	}

	private Document page(String uri, Person person) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).with(this.people.signedIn(person)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

}
