package app.steadfast.consultations;

import java.time.Instant;
import java.util.UUID;

import app.steadfast.shared.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * A booked (or cancelled) appointment in a therapist's calendar.
 *
 * @param id names it
 * @param therapist whose calendar it is in
 * @param client the client, for a session; null for a free consultation
 * @param consultation the request, for a free consultation; null for a session
 * @param who the name of the person coming (his chosen name, or the name given on the
 * consultation form)
 * @param kind a session or a free consultation
 * @param booked false once cancelled
 * @param start when it begins
 * @param end when it ends
 */
public record Appointment(UUID id, AccountId therapist, @Nullable AccountId client,
		@Nullable ConsultationId consultation, String who, AppointmentKind kind, boolean booked, Instant start,
		Instant end) {

	/** Whether the person is one of the two who meet. */
	public boolean involves(AccountId person) {
		return this.therapist.equals(person) || person.equals(this.client);
	}

}
