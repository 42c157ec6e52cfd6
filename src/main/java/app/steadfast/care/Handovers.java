package app.steadfast.care;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import app.steadfast.accounts.Person;
import app.steadfast.consultations.ConsultationManagement;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin hands a client over to another therapist: the new one becomes his therapist
 * and may read the earlier session notes on him. What the client shared does not carry
 * over; he chooses again.
 */
@Component
class Handovers {

	private final Therapy therapy;

	private final SessionNotes notes;

	private final ConsultationManagement consultations;

	Handovers(Therapy therapy, SessionNotes notes, ConsultationManagement consultations) {
		this.therapy = therapy;
		this.notes = notes;
		this.consultations = consultations;
	}

	/**
	 * What stands in the way of handing over the client with that email to the therapist,
	 * by form field ({@code clientEmail}, {@code therapistId}); empty when nothing does.
	 */
	Map<String, String> problems(@Nullable String clientEmail, @Nullable AccountId therapist) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (client(clientEmail).isEmpty()) {
			problems.put("clientEmail", "Give the email address of one of the practice’s clients.");
		}
		if (therapist == null || !this.therapy.activeTherapist(therapist)) {
			problems.put("therapistId", "Choose their new therapist.");
		}
		return problems;
	}

	/**
	 * Hands the client with that email over to the therapist, in one transaction:
	 * recorded in the audit log.
	 * @return the client
	 * @throws InvalidInput naming the first of {@link #problems}
	 */
	@Transactional
	Person handOver(AccountId admin, @Nullable String clientEmail, @Nullable AccountId therapist) {
		Map<String, String> problems = problems(clientEmail, therapist);
		if (!problems.isEmpty()) {
			Map.Entry<String, String> first = problems.entrySet().iterator().next();
			throw new InvalidInput(first.getKey(), first.getValue());
		}
		Person client = client(clientEmail).orElseThrow();
		this.consultations.reassign(admin, client.id(), therapist);
		this.notes.handOver(admin, client.id(), therapist);
		return client;
	}

	/**
	 * A client, or a partner already in care of her own: a partner who never asked the
	 * practice for a therapist is never given one by an admin.
	 */
	private Optional<Person> client(@Nullable String email) {
		return this.therapy.personByEmail((email != null) ? email.strip() : "")
			.filter((p) -> p.role() == app.steadfast.shared.Role.CLIENT
					|| (Therapy.inCare(p) && this.therapy.therapistOf(p.id()).isPresent()));
	}

}
