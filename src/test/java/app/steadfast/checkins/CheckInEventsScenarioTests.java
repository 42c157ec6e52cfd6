package app.steadfast.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.accounts.Person;
import app.steadfast.safety.RiskLanguageDetected;
import app.steadfast.safety.RiskSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the check-ins module tells the rest of the app, with only this module and what it
 * depends on started: each change to a check-in is announced after it is saved, with ids
 * and a moment only, and risk language in one is announced for whoever watches over him.
 */
@Tag("database")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class CheckInEventsScenarioTests {

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	Clock clock;

	Person him;

	@BeforeEach
	void person() {
		this.him = new TestPeople(this.accounts, this.jdbc, this.details).client();
	}

	@Test
	void aRecordedCheckInIsAnnouncedWithItsIdAndTheMomentHeFeltIt(Scenario scenario) {
		Instant felt = this.clock.instant().minus(Duration.ofHours(3));
		scenario
			.stimulate(
					() -> this.checkIns.record(this.him.id(), details("shame", "She saw the messages.", felt), false))
			.andWaitForEventOfType(CheckInRecorded.class)
			.matchingMappedValue(CheckInRecorded::owner, this.him.id())
			.toArriveAndVerify((event, receipt) -> {
				assertThat(event.checkIn()).isEqualTo(receipt.id());
				assertThat(event.occurredAt()).isEqualTo(felt);
				assertThat(event.inTheMoment()).isFalse();
				assertThat(receipt.crisisResources()).isFalse();
			});
	}

	@Test
	void anEditAndADeletionAreEachAnnouncedAsAChange(Scenario scenario) {
		Instant felt = this.clock.instant().minus(Duration.ofHours(1));
		CheckInId id = this.checkIns.record(this.him.id(), details("anger", "Work again.", felt), true).id();
		scenario
			.stimulate(() -> this.checkIns.update(this.him.id(), id,
					details("resentful", "Work again, and the silence at dinner.", felt)))
			.andWaitForEventOfType(CheckInChanged.class)
			.matching((event) -> event.checkIn().equals(id) && !event.deleted())
			.toArriveAndVerify((event) -> assertThat(event.owner()).isEqualTo(this.him.id()));
		scenario.stimulate(() -> this.checkIns.delete(this.him.id(), id))
			.andWaitForEventOfType(CheckInChanged.class)
			.matching((event) -> event.checkIn().equals(id) && event.deleted())
			.toArrive();
	}

	@Test
	void riskLanguageInACheckInIsAnnouncedWithKindsAndIdsButNotHisWords(Scenario scenario) {
		Instant felt = this.clock.instant().minus(Duration.ofMinutes(20));
		scenario
			.stimulate(() -> this.checkIns.record(this.him.id(),
					details("hopeless", "I want to kill myself tonight.", felt), true))
			.andWaitForEventOfType(RiskLanguageDetected.class)
			.matchingMappedValue(RiskLanguageDetected::owner, this.him.id().value())
			.toArriveAndVerify((event, receipt) -> {
				assertThat(receipt.crisisResources()).isTrue();
				assertThat(event.source()).isEqualTo(RiskSource.CHECK_IN);
				assertThat(event.record()).isEqualTo(receipt.id().value());
				assertThat(event.kinds()).isNotEmpty();
				assertThat(event.toString()).doesNotContain("kill", "tonight");
			});
	}

	private static CheckInDetails details(String word, String trigger, Instant felt) {
		return new CheckInDetails(List.of(word), 6, BodyLocation.CHEST, trigger, null, null, felt);
	}

}
