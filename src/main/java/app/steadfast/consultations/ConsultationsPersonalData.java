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
 * with them). His appointments (sessions booked, moved, cancelled) are in his export and
 * go with his account; a therapist's hours and days off go with his.
 */
@Component
class ConsultationsPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final BookedAppointments appointments;

	ConsultationsPersonalData(JdbcClient jdbc, BookedAppointments appointments) {
		this.jdbc = jdbc;
		this.appointments = appointments;
	}

	@Override
	public Map<String, List<?>> of(UUID person) {
		return Map.of("appointments", this.appointments.exportOf(new app.steadfast.shared.AccountId(person)));
	}

	@Override
	public void erase(UUID person, String email) {
		this.jdbc.sql("DELETE FROM appointment WHERE client_id = :person OR therapist_id = :person")
			.param("person", person)
			.update();
		for (String table : List.of("therapist_hours", "therapist_time_off", "therapist_room")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE therapist_id = :person").param("person", person).update();
		}
		this.jdbc.sql("DELETE FROM consultation WHERE client_id = :person").param("person", person).update();
	}

}
