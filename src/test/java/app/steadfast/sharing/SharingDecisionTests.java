package app.steadfast.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import app.steadfast.TestPeople;
import app.steadfast.shared.AccountId;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.audit.AuditAction;
import app.steadfast.audit.AuditLog;
import app.steadfast.audit.AuditRecord;
import app.steadfast.shared.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one decision every capability asks, driven through the sharing API.
 */
@Tag("database")
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "accounts")
class SharingDecisionTests {

	@Autowired
	SharingManagement sharing;

	@Autowired
	AuditLog audit;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	Clock clock;

	AccountId owner;

	AccountId partner;

	AccountId stranger;

	String record;

	@BeforeEach
	void people() {
		TestPeople people = new TestPeople(this.accounts, this.jdbc, this.details);
		this.owner = people.client().id();
		this.partner = people.client().id();
		this.stranger = people.client().id();
		this.record = UUID.randomUUID().toString();
	}

	@Test
	void theOwnerAlwaysSeesTheirOwnRecordsAndNoReadIsAudited() {
		assertThat(this.sharing.maySee(this.owner, this.owner, Category.JOURNAL, this.record)).isTrue();
		assertThat(readsOf(this.owner)).isZero();
	}

	@Test
	void withoutAGrantNobodyElseSeesAnything() {
		for (Category category : Category.values()) {
			assertThat(this.sharing.maySee(this.partner, this.owner, category, this.record)).isFalse();
		}
		assertThat(readsOf(this.owner)).isZero();
	}

	@Test
	void aGrantOpensOnlyItsCategoryToOnlyItsGranteeAndEachReadIsAudited() {
		this.sharing.grant(this.owner, this.partner, Category.CHECKINS, GrantKind.PARTNER, null);

		assertThat(this.sharing.maySee(this.partner, this.owner, Category.CHECKINS, this.record)).isTrue();
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.JOURNAL, this.record)).isFalse();
		assertThat(this.sharing.maySee(this.stranger, this.owner, Category.CHECKINS, this.record)).isFalse();

		AuditRecord read = this.audit.about(this.owner.value(), 10)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ)
			.findFirst()
			.orElseThrow();
		assertThat(read.actorId()).isEqualTo(this.partner.value());
		assertThat(read.category()).isEqualTo("CHECKINS");
		assertThat(read.recordRef()).isEqualTo(this.record);
		assertThat(read.reason()).isEqualTo("PARTNER");
		assertThat(readsOf(this.owner)).isOne();
	}

	@Test
	void pathAnswersAreTheOwnersAloneNoGrantCanBeMadeAndNoStoredGrantOpensThem() {
		assertThat(Category.PATH_ANSWERS.grantable()).isFalse();
		for (GrantKind kind : GrantKind.values()) {
			assertThatThrownBy(() -> this.sharing.grant(this.owner, this.partner, Category.PATH_ANSWERS, kind,
					this.clock.instant().plus(Duration.ofHours(1))))
				.isInstanceOf(IllegalArgumentException.class);
		}
		// Even a row written past the API (an old bug, a hand-made fix) opens nothing.
		this.jdbc.sql("""
				INSERT INTO share_grant (id, owner_id, grantee_id, category, kind, created_at, paused, version)
				VALUES (:id, :owner, :grantee, 'PATH_ANSWERS', 'THERAPIST', :now, FALSE, 0)""")
			.param("id", UUID.randomUUID())
			.param("owner", this.owner.value())
			.param("grantee", this.partner.value())
			.param("now", this.clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		this.sharing.grant(this.owner, this.partner, Category.JOURNAL, GrantKind.THERAPIST, null);

		assertThat(this.sharing.maySee(this.partner, this.owner, Category.PATH_ANSWERS, this.record)).isFalse();
		assertThat(this.sharing.mayAct(this.partner, this.owner, Category.PATH_ANSWERS)).isFalse();
		assertThat(this.sharing.visibleAmong(this.partner, java.util.List.of(this.owner), Category.PATH_ANSWERS,
				this.record))
			.isEmpty();
		assertThat(this.sharing.visibleCategories(this.partner, this.owner,
				java.util.Set.of(Category.JOURNAL, Category.PATH_ANSWERS), this.record))
			.containsExactly(Category.JOURNAL);
		assertThat(this.sharing.activeGrantsTo(this.partner)).extracting(Grant::category)
			.containsExactly(Category.JOURNAL);
		assertThat(this.sharing.visibleCategories(this.owner, this.owner,
				java.util.Set.of(Category.JOURNAL, Category.PATH_ANSWERS), this.record))
			.containsExactlyInAnyOrder(Category.JOURNAL, Category.PATH_ANSWERS);
		// Only the journal read he was allowed is audited.
		assertThat(readsOf(this.owner)).isOne();
	}

	@Test
	void aGrantIsOneWay() {
		this.sharing.grant(this.owner, this.partner, Category.CHECKINS, GrantKind.PARTNER, null);
		assertThat(this.sharing.maySee(this.owner, this.partner, Category.CHECKINS, this.record)).isFalse();
	}

	@Test
	void anExpiredGrantOpensNothing() {
		GrantId grant = this.sharing.grant(this.owner, this.partner, Category.COMMITMENTS, GrantKind.THERAPIST,
				this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.COMMITMENTS, this.record)).isTrue();
		this.jdbc.sql("UPDATE share_grant SET expires_at = :past WHERE id = :id")
			.param("past", Instant.now().minus(Duration.ofMinutes(1)).atOffset(java.time.ZoneOffset.UTC))
			.param("id", grant.value())
			.update();
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.COMMITMENTS, this.record)).isFalse();
	}

	@Test
	void aPausedGrantOpensNothingUntilResumed() {
		GrantId grant = this.sharing.grant(this.owner, this.partner, Category.STATEMENTS, GrantKind.PARTNER, null);
		this.sharing.pause(grant);
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.STATEMENTS, this.record)).isFalse();
		this.sharing.resume(grant);
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.STATEMENTS, this.record)).isTrue();
	}

	@Test
	void aRevokedGrantOpensNothingAtOnceAndStaysInTheOwnersHistory() {
		GrantId grant = this.sharing.grant(this.owner, this.partner, Category.CONVERSATIONS, GrantKind.PARTNER, null);
		this.sharing.revoke(this.owner, grant);
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.CONVERSATIONS, this.record)).isFalse();
		assertThat(this.sharing.grantsBy(this.owner)).singleElement()
			.satisfies((g) -> assertThat(g.revokedAt()).isNotNull());
		assertThat(this.sharing.activeGrantsTo(this.partner)).isEmpty();
	}

	@Test
	void onlyTheOwnerMayRevokeAndAForeignGrantLooksMissing() {
		GrantId grant = this.sharing.grant(this.owner, this.partner, Category.INSIGHTS, GrantKind.PARTNER, null);
		assertThatThrownBy(() -> this.sharing.revoke(this.partner, grant)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.sharing.revoke(this.owner, new GrantId(UUID.randomUUID())))
			.isInstanceOf(NotFound.class);
		assertThat(this.sharing.maySee(this.partner, this.owner, Category.INSIGHTS, this.record)).isTrue();
	}

	@Test
	void manyOwnersAtOnceGiveTheSameAnswersAndAuditEachAllowedReadOnce() {
		AccountId paused = this.stranger;
		AccountId revoked = new TestPeople(this.accounts, this.jdbc, this.details).client().id();
		AccountId ungranted = new TestPeople(this.accounts, this.jdbc, this.details).client().id();
		this.sharing.grant(this.owner, this.partner, Category.INSIGHTS, GrantKind.THERAPIST, null);
		this.sharing.grant(this.owner, this.partner, Category.JOURNAL, GrantKind.THERAPIST, null);
		this.sharing.pause(this.sharing.grant(paused, this.partner, Category.INSIGHTS, GrantKind.THERAPIST, null));
		this.sharing.revoke(revoked,
				this.sharing.grant(revoked, this.partner, Category.INSIGHTS, GrantKind.THERAPIST, null));
		java.util.List<AccountId> owners = java.util.List.of(ungranted, this.owner, paused, revoked, this.partner);

		assertThat(this.sharing.visibleAmong(this.partner, owners, Category.INSIGHTS, "progress-12"))
			.containsExactly(this.owner, this.partner);
		for (AccountId other : java.util.List.of(ungranted, paused, revoked, this.partner)) {
			assertThat(readsOf(other)).as("reads of an owner who lets nobody see").isZero();
		}
		assertThat(this.audit.about(this.owner.value(), 10))
			.filteredOn((row) -> row.action() == AuditAction.RECORD_READ)
			.singleElement()
			.satisfies((read) -> {
				assertThat(read.actorId()).isEqualTo(this.partner.value());
				assertThat(read.category()).isEqualTo("INSIGHTS");
				assertThat(read.recordRef()).isEqualTo("progress-12");
				assertThat(read.reason()).isEqualTo("THERAPIST");
			});
		for (AccountId other : owners) {
			assertThat(this.sharing.visibleAmong(this.partner, java.util.List.of(other), Category.INSIGHTS, "one")
				.contains(other)).as("alone")
				.isEqualTo(this.sharing.maySee(this.partner, other, Category.INSIGHTS, "one"));
		}
		assertThat(this.sharing.visibleAmong(this.partner, java.util.List.of(), Category.INSIGHTS, "none")).isEmpty();
	}

	@Test
	void aDeniedReadLooksExactlyLikeAMissingRecord() {
		assertThatThrownBy(() -> this.sharing.requireVisible(this.stranger, this.owner, Category.JOURNAL, this.record))
			.isInstanceOf(NotFound.class)
			.hasMessage("not found");
	}

	@Test
	void breakGlassAccessMustExpireAndExpiriesMustLieAhead() {
		assertThatThrownBy(
				() -> this.sharing.grant(this.owner, this.partner, Category.JOURNAL, GrantKind.BREAK_GLASS, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.sharing.grant(this.owner, this.partner, Category.JOURNAL, GrantKind.PARTNER,
				this.clock.instant().minusSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.sharing.grant(this.owner, this.owner, Category.JOURNAL, GrantKind.PARTNER, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private long readsOf(AccountId person) {
		return this.audit.about(person.value(), 100)
			.stream()
			.filter((row) -> row.action() == AuditAction.RECORD_READ)
			.count();
	}

}
