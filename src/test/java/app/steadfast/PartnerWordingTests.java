package app.steadfast;

import java.util.List;

import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.couple.PulseManagement;
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

/**
 * The pages a partner sees speak to her: no gender assumed, no promises or talk log of
 * his offered to her as if they were hers, and her pulse read as her view of him. His
 * pages keep the words written for him.
 */
@SteadfastTest
class PartnerWordingTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	CoupleManagement couple;

	@Autowired
	PulseManagement pulse;

	private TestPeople people;

	private Person him;

	private Person her;

	@BeforeEach
	void linkAndAnswerThePulse() {
		this.people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.him = this.people.client();
		this.her = this.people.withRole(Role.PARTNER);
		new TestCouples(this.jdbc, this.couple).link(this.him, this.her);
		this.couple.share(this.him.id(), Category.PULSE, true);
		this.couple.share(this.her.id(), Category.PULSE, true);
		this.pulse.answer(this.her.id(), List.of(3, 3, 3, 3, 3), null, true);
		this.pulse.answer(this.him.id(), List.of(6, 6, 6, 6, 6), null, true);
	}

	@Test
	void herCheckInPageAssumesNoGender() throws Exception {
		String page = page("/checkins/new", this.her);
		assertThat(page).doesNotContain("men skip", "as a man", "father")
			.contains("whatever is there for you today", "as a partner, a parent or a person");
		assertThat(page("/checkins/quick", this.her)).doesNotContain("as a man", "father");
		assertThat(page("/checkins/new", this.him)).contains("they're the ones men skip");
	}

	@Test
	void herProgressPageOffersNoPromisesOrTalksOfHisAndReadsHerPulseAsHerViewOfHim() throws Exception {
		String page = page("/insights", this.her);
		assertThat(page)
			.doesNotContain("Promises kept", "One small, checkable commitment", "No hard conversations logged",
					"you rated yourself", "Trust comes back slowly")
			.contains("you rated your partner 3.0 and they rated themselves 6.0 out of 7",
					"Your partner sees themselves more kindly than you see them right now");
		assertThat(page("/insights/report", this.her)).doesNotContain("Promises kept",
				"One small, checkable commitment", "No hard conversations logged", "you rated yourself");
		assertThat(page("/", this.her)).doesNotContain("what you kept");

		String his = page("/insights", this.him);
		assertThat(his).contains("Promises kept", "you rated yourself 6.0 and your partner rated you 3.0");
		assertThat(page("/", this.him)).contains("what you kept");
	}

	private String page(String path, Person person) throws Exception {
		MvcTestResult result = this.mvc.get().uri(path).with(this.people.signedIn(person)).exchange();
		assertThat(result).as(path).hasStatusOk();
		return result.getResponse().getContentAsString();
	}

}
