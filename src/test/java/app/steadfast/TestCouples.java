package app.steadfast;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import app.steadfast.accounts.Person;
import app.steadfast.couple.CoupleManagement;
import app.steadfast.couple.IntakeAnswers;
import app.steadfast.couple.SafetyAnswer;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Links a client and a partner for tests: the link row is a fixture (the invitation flow
 * has its own tests in couple), the intakes go through the couple module's API.
 */
public final class TestCouples {

	private final JdbcClient jdbc;

	private final CoupleManagement couple;

	public TestCouples(JdbcClient jdbc, CoupleManagement couple) {
		this.jdbc = jdbc;
		this.couple = couple;
	}

	/** Links the two and answers both intakes, so words travel between them. */
	public void link(Person client, Person partner) {
		this.jdbc.sql("""
				INSERT INTO couple_link (id, client_id, partner_id, linked_at, ended_at, ended_by)
				VALUES (:id, :client, :partner, :now, NULL, NULL)
				""")
			.param("id", UUID.randomUUID())
			.param("client", client.id().value())
			.param("partner", partner.id().value())
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		this.couple.answerIntake(client.id(), safe());
		this.couple.answerIntake(partner.id(), safe());
	}

	/** The partner's safety answers ask for the pause, or no longer do. */
	public void pause(Person partner, boolean pause) {
		this.couple.answerIntake(partner.id(), pause
				? new IntakeAnswers("Wanting to be heard", "Honesty", SafetyAnswer.YES, SafetyAnswer.NO) : safe());
	}

	private static IntakeAnswers safe() {
		return new IntakeAnswers("Wanting to be heard", "Honesty", SafetyAnswer.NO, SafetyAnswer.NO);
	}

}
