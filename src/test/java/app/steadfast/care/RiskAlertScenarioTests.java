package app.steadfast.care;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.steadfast.TestPeople;
import app.steadfast.accounts.AccountManagement;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.safety.RiskAnswer;
import app.steadfast.safety.RiskConfidence;
import app.steadfast.safety.RiskKind;
import app.steadfast.safety.RiskLanguageDetected;
import app.steadfast.safety.RiskQuestionAnswered;
import app.steadfast.safety.RiskSource;
import app.steadfast.sharing.Category;
import app.steadfast.sharing.GrantKind;
import app.steadfast.sharing.SharingManagement;
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
 * The care module's side of a risk event, with only care and what it depends on started:
 * the safety module's events reach his therapist as an alert (saying whether the hit was
 * clear or possible) only where he granted risk alerts, and never anyone else.
 */
@Tag("database")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class RiskAlertScenarioTests {

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

	CarePeople p;

	@BeforeEach
	void people() {
		this.p = CarePeople.create(new TestPeople(this.accounts, this.jdbc, this.details), this.consultations,
				this.sharing);
	}

	@Test
	void aPossibleHitAboutAClientWhoGrantedAlertsReachesHisTherapistMarkedPossible(Scenario scenario) {
		grantAlerts();
		UUID entry = UUID.randomUUID();
		scenario
			.publish(new RiskLanguageDetected(this.p.client().id().value(), RiskSource.JOURNAL, entry,
					Set.of(RiskKind.SELF_HARM), RiskConfidence.POSSIBLE))
			.andWaitForStateChange(() -> alertsAbout(entry), (alerts) -> alerts.size() == 1)
			.andVerify(
					(alerts) -> assertThat(alerts.get(0)).containsEntry("therapist_id", this.p.therapist().id().value())
						.containsEntry("client_id", this.p.client().id().value())
						.containsEntry("source", "JOURNAL")
						.containsEntry("confidence", "POSSIBLE"));
	}

	@Test
	void withoutTheGrantTheHitIsHandledAndNoOneIsAlerted(Scenario scenario) {
		UUID entry = UUID.randomUUID();
		scenario
			.publish(new RiskLanguageDetected(this.p.otherClient().id().value(), RiskSource.JOURNAL, entry,
					Set.of(RiskKind.SUICIDE), RiskConfidence.CLEAR))
			.andWaitForStateChange(() -> handled(entry), Boolean::booleanValue)
			.andVerify((handled) -> assertThat(alertsAbout(entry)).isEmpty());
	}

	@Test
	void aYesToTheDirectQuestionIsAClearAlertWhereHeGrantedAlerts(Scenario scenario) {
		grantAlerts();
		UUID answer = UUID.randomUUID();
		scenario
			.publish(new RiskQuestionAnswered(answer, this.p.client().id().value(), RiskAnswer.YES, RiskKind.SUICIDE))
			.andWaitForStateChange(() -> alertsAbout(answer), (alerts) -> alerts.size() == 1)
			.andVerify(
					(alerts) -> assertThat(alerts.get(0)).containsEntry("therapist_id", this.p.therapist().id().value())
						.containsEntry("confidence", "CLEAR"));
	}

	private void grantAlerts() {
		this.sharing.grant(this.p.client().id(), this.p.therapist().id(), Category.RISK_ALERTS, GrantKind.THERAPIST,
				null);
	}

	private java.util.List<Map<String, Object>> alertsAbout(UUID record) {
		return this.jdbc.sql("""
				SELECT therapist_id, client_id, source, confidence FROM care_alert WHERE record_id = :record
				""").param("record", record).query((rs, row) -> {
			Map<String, Object> alert = new java.util.HashMap<>();
			alert.put("therapist_id", rs.getObject("therapist_id", UUID.class));
			alert.put("client_id", rs.getObject("client_id", UUID.class));
			alert.put("source", rs.getString("source"));
			alert.put("confidence", rs.getString("confidence"));
			return alert;
		}).list();
	}

	// Whether every listener of the event about this record has finished.
	private boolean handled(UUID record) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM event_publication
				WHERE completion_date IS NULL AND serialized_event LIKE :record
				""").param("record", "%" + record + "%").query(Long.class).single() == 0
				&& this.jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :record")
					.param("record", "%" + record + "%")
					.query(Long.class)
					.single() > 0;
	}

}
