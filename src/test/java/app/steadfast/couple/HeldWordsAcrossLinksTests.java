package app.steadfast.couple;

import java.util.List;

import app.steadfast.SteadfastTest;
import app.steadfast.TestCouples;
import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.shared.Role;
import app.steadfast.shared.SingleUseTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What she wrote to him during her safety pause is never stranded: if the link ends while
 * it holds, it waits with her; when the two link again, it reaches him once words travel
 * between them (dated then), and stays with her while a pause still holds.
 */
@SteadfastTest
class HeldWordsAcrossLinksTests {

	@Autowired
	CoupleManagement couple;

	@Autowired
	RequestsAndOffers requests;

	@Autowired
	SingleUseTokens tokens;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	Person him;

	Person her;

	TestCouples couples;

	@BeforeEach
	void couple() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.couples = new TestCouples(this.jdbc, this.couple);
		this.him = people.client();
		this.her = people.withRole(Role.PARTNER);
		this.couples.link(this.him, this.her);
		this.couples.pause(this.her, true);
		assertThat(this.requests.request(this.her.id(), null, "WRITTEN-DURING-PAUSE")).isTrue();
		this.couple.end(this.her.id());
	}

	@Test
	void whatSheWroteDuringAPauseReachesHimWhenTheyLinkAgainAfterIt() {
		this.couples.pause(this.her, false);
		assertThat(held()).isEqualTo(1);

		relink();

		assertThat(held()).isZero();
		assertThat(this.requests.receivedBy(this.him.id())).extracting(PartnerRequest::text)
			.containsExactly("WRITTEN-DURING-PAUSE");
	}

	@Test
	void linkingAgainWhileHerPauseStillHoldsKeepsItWithHer() {
		relink();

		assertThat(held()).isEqualTo(1);
		assertThat(this.requests.receivedBy(this.him.id())).isEmpty();
		assertThat(this.requests.sentBy(this.her.id())).extracting(PartnerRequest::text)
			.containsExactly("WRITTEN-DURING-PAUSE");

		this.couples.pause(this.her, false);
		assertThat(this.requests.receivedBy(this.him.id())).extracting(PartnerRequest::text)
			.containsExactly("WRITTEN-DURING-PAUSE");
	}

	private void relink() {
		String token = this.tokens.issue(CoupleManagement.INVITATION, this.him.id().value());
		this.couple.acceptWithAccount(token, this.her.id());
	}

	private int held() {
		return this.jdbc.sql("SELECT COUNT(*) FROM partner_request WHERE partner_id = :her AND held = TRUE")
			.param("her", this.her.id().value())
			.query(Integer.class)
			.single();
	}

}
