package app.steadfast.conversations;

import java.util.Objects;

import app.steadfast.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The breathing pattern each man chose for the pause tool.
 */
@Component
class BreathingPreferences {

	private final JdbcClient jdbc;

	BreathingPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The breathing pattern he chose for the pause tool; box breathing until he chooses.
	 */
	@Transactional(readOnly = true)
	Breathing breathing(AccountId owner) {
		return this.jdbc.sql("SELECT breathing FROM conversation_preference WHERE owner_id = :owner")
			.param("owner", owner.value())
			.query(String.class)
			.optional()
			.map(Breathing::parse)
			.orElse(Breathing.BOX);
	}

	/** Keeps his choice of breathing pattern. */
	@Transactional
	void choose(AccountId owner, Breathing breathing) {
		Objects.requireNonNull(breathing, "breathing");
		this.jdbc.sql("DELETE FROM conversation_preference WHERE owner_id = :owner")
			.param("owner", owner.value())
			.update();
		this.jdbc.sql("INSERT INTO conversation_preference (owner_id, breathing) VALUES (:owner, :breathing)")
			.param("owner", owner.value())
			.param("breathing", breathing.name())
			.update();
	}

}
