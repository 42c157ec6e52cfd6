package app.steadfast.care;

import java.util.UUID;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.audit.AuditLog;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.couple.CoupleManagement;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Care of her own (issue 22): the partner who was hurt, with her own account, works with
 * a therapist of her own. She keeps her role and her space; her therapist sees her on the
 * caseload, marked, and only what she grants (check-ins, journal, risk alerts; her path's
 * answers never); his therapist and he see nothing of it; each read is audited against
 * her. Without a therapist, her care page says how to find one.
 */
@SteadfastTest
class HerOwnCareTests {

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
	JournalManagement journal;

	@Autowired
	AuditLog audit;

	@Autowired
	PartnerMeasures partnerMeasures;

	TestPeople people;

	CarePeople p;

	Person her;

	Person hers;

	@BeforeEach
	void people() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.p = CarePeople.create(this.people, this.consultations, this.sharing);
		this.her = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.p.client(), this.her);
		// Her own therapist: not his.
		this.hers = this.p.otherTherapist();
		this.consultations.reassign(this.p.admin().id(), this.her.id(), this.hers.id());
	}

	@Test
	void herTherapistSeesHerMarkedOnTheCaseloadAndOnlyWhatSheGrants() throws Exception {
		String words = "SENTINEL " + UUID.randomUUID() + " I still check the door twice at night.";
		this.journal.write(this.her.id(), null, words);
		String pathWords = "PATHSENTINEL " + UUID.randomUUID() + " What I need to know first.";
		assertThat(this.mvc.post()
			.uri("/path/what-happened-to-you")
			.with(this.people.signedIn(this.her))
			.with(csrf())
			.param("body", pathWords)).hasRedirectedUrl("/path/what-happened-to-you");
		String herPage = "/care/clients/" + this.her.id().value();

		Document caseload = page("/care", this.hers);
		assertThat(caseload.select("a[href=" + herPage + "]").parents().first().text()).contains("Partner’s own care");
		assertThat(caseload.select("th[scope=row]:contains(Partner’s own care)")).hasSize(1);
		Document client = page(herPage, this.hers);
		assertThat(client.text()).contains("This is a partner’s own care", "What they share with you",
				"Nothing yet. They choose");
		assertThat(client.select("input[name=partnerToo]")).isEmpty();
		assertThat(this.mvc.get().uri(herPage + "/journal").with(this.people.signedIn(this.hers))).hasStatus(404);

		// Her care page offers only what she keeps here.
		Document grants = page("/care/grants", this.her);
		assertThat(grants.select("input[name=category]").eachAttr("value")).containsExactly("CHECKINS", "JOURNAL",
				"RISK_ALERTS");
		grant("COMMITMENTS");
		assertThat(this.sharing.grantsBy(this.her.id())).noneMatch((g) -> g.grantee().equals(this.hers.id()));
		grant("JOURNAL");
		assertThat(this.sharing.grantsBy(this.her.id())).anyMatch((g) -> g.grantee().equals(this.hers.id()));

		assertThat(this.mvc.get().uri(herPage + "/journal").with(this.people.signedIn(this.hers))).hasStatusOk()
			.bodyText()
			.contains(words)
			.doesNotContain("PATHSENTINEL");
		assertThat(this.audit.about(this.her.id().value(), 50))
			.anyMatch((r) -> this.hers.id().value().equals(r.actorId()) && "JOURNAL".equals(r.category()));

		// His therapist, he, and another therapist: nothing of hers, alike for a missing
		// page.
		assertThat(this.mvc.get().uri(herPage).with(this.people.signedIn(this.p.therapist()))).hasStatus(404);
		assertThat(this.mvc.get().uri(herPage + "/journal").with(this.people.signedIn(this.p.therapist())))
			.hasStatus(404);
		assertThat(this.mvc.get().uri(herPage).with(this.people.signedIn(this.p.client()))).hasStatus(403);
		assertThat(page("/care", this.p.therapist()).select("a[href=" + herPage + "]")).isEmpty();
		assertThat(caseload.select("a[href=" + herPage + "]")).hasSize(1);
	}

	@Test
	void sheWritesToHerTherapistAndSeesHerCareOnToday() throws Exception {
		Document today = page("/", this.her);
		assertThat(today.text()).contains("Write to your therapist", "Book a session");
		assertThat(this.mvc.post()
			.uri("/care/messages")
			.param("body", "Could we talk about the nights, when we meet?")
			.with(this.people.signedIn(this.her))
			.with(csrf())).hasRedirectedUrl("/care/messages");
		assertThat(this.mvc.get()
			.uri("/care/clients/" + this.her.id().value() + "/messages")
			.with(this.people.signedIn(this.hers))).hasStatusOk().bodyText().contains("talk about the nights");
		// His therapist cannot open her thread.
		assertThat(this.mvc.get()
			.uri("/care/clients/" + this.her.id().value() + "/messages")
			.with(this.people.signedIn(this.p.therapist()))).hasStatus(404);
		assertThat(page("/care/sessions", this.her).text()).doesNotContain("You don’t have a therapist");
	}

	@Test
	void whenOneTherapistServesBothPartnersTheirPagesSaySo() throws Exception {
		this.consultations.reassign(this.p.admin().id(), this.her.id(), this.p.therapist().id());
		assertThat(page("/care/clients/" + this.her.id().value(), this.p.therapist()).text())
			.contains("Their partner is your client too");
		assertThat(page("/care/clients/" + this.p.client().id().value(), this.p.therapist()).text())
			.contains("His partner is your client too");
		assertThat(page("/care/clients/" + this.p.otherClient().id().value(), this.p.therapist()).text())
			.doesNotContain("is your client too");
	}

	@Test
	void aCopyHisTherapistSendsHerIsNotPartOfHerOwnCare() throws Exception {
		this.consultations.reassign(this.p.admin().id(), this.her.id(), this.p.therapist().id());
		assertThat(this.partnerMeasures.ask(this.p.therapist().id(), this.p.client().id(), Instrument.CSI4)).isTrue();
		// Her copy waits among her questionnaires, not as homework from her own
		// therapist.
		assertThat(page("/care/measures", this.her).text()).contains("Fill in the CSI-4");
		assertThat(page("/care/homework", this.her).text()).doesNotContain("CSI-4");
		// Her page in the therapist's portal is about her own care: the copy is not
		// waiting there.
		assertThat(page("/care/clients/" + this.her.id().value(), this.p.therapist()).text())
			.doesNotContain("Waiting for them: CSI-4");
	}

	@Test
	void anAdminHandsHerOverOnlyWhenSheIsAlreadyInCare() throws Exception {
		Person alone = this.people.withRole(Role.PARTNER);
		assertThat(this.mvc.post()
			.uri("/admin/care/handover")
			.param("clientEmail", alone.email())
			.param("therapistId", this.p.therapist().id().value().toString())
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())).hasStatusOk().bodyText().contains("one of the practice’s clients");
		assertThat(this.consultations.therapistOf(alone.id())).isEmpty();

		this.mvc.post()
			.uri("/admin/care/handover")
			.param("clientEmail", this.her.email())
			.param("therapistId", this.p.therapist().id().value().toString())
			.with(this.people.signedIn(this.p.admin()))
			.with(csrf())
			.exchange();
		assertThat(this.consultations.therapistOf(this.her.id()))
			.map(app.steadfast.consultations.TherapistAssignment::therapist)
			.contains(this.p.therapist().id());
	}

	@Test
	void withoutATherapistHerCarePageSaysHowToFindOne() throws Exception {
		Person alone = this.people.withRole(Role.PARTNER);
		Document grants = page("/care/grants", alone);
		assertThat(grants.text()).contains("You don’t have a therapist of your own here");
		assertThat(grants.select("a[href=/consultation]")).isNotEmpty();
		assertThat(grants.select("input[name=category]")).isEmpty();
		assertThat(this.mvc.post()
			.uri("/care/grants")
			.param("category", "JOURNAL")
			.param("share", "on")
			.with(this.people.signedIn(alone))
			.with(csrf())).hasRedirectedUrl("/care/grants");
		assertThat(this.sharing.grantsBy(alone.id())).isEmpty();
		assertThat(this.mvc.get().uri("/care/messages").with(this.people.signedIn(alone))).hasStatus(404);
	}

	private MvcTestResult grant(String category) {
		MvcTestResult result = this.mvc.post()
			.uri("/care/grants")
			.param("category", category)
			.param("share", "on")
			.with(this.people.signedIn(this.her))
			.with(csrf())
			.exchange();
		assertThat(result).hasRedirectedUrl("/care/grants");
		return result;
	}

	private Document page(String uri, Person person) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).with(this.people.signedIn(person)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
