package app.steadfast.consultations;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.steadfast.shared.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consultation requests that became his account hold his name, contact details and
 * message; when he deletes his account they go with it (their history and messages go
 * with them).
 */
@Component
class ConsultationsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	ConsultationsPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		return Map.of();
	}

	@Override
	public void erase(UUID person, String email) {
		this.jdbc.sql("DELETE FROM consultation WHERE client_id = :person").param("person", person).update();
	}

}
