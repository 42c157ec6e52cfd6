package app.steadfast.consultations;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.jspecify.annotations.Nullable;

/**
 * One step in a request's history: what changed, who did it (none for the visitor who
 * sent it) and when. Ids and codes only, never the message or note.
 */
record ConsultationChange(@Id Long id, UUID consultationId, Kind kind, @Nullable UUID actorId,
		ConsultationStatus status, @Nullable CloseReason closeReason, @Nullable UUID therapistId,
		@Nullable Instant scheduledAt, Instant changedAt) {

	enum Kind {

		RECEIVED("Request received"), CONTACTED("Marked as contacted"), ASSIGNED("Assigned"),
		NOTE_CHANGED("Internal note changed"), SCHEDULED("Consultation scheduled, invitation sent"), CLOSED("Closed"),
		CLIENT_INVITED("Invited to create their account"), CLIENT_JOINED("Created their account"),
		TIME_CANCELLED("Booked time cancelled by the therapist: find another time");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	ConsultationChange withId(Long newId) {
		return new ConsultationChange(newId, this.consultationId, this.kind, this.actorId, this.status,
				this.closeReason, this.therapistId, this.scheduledAt, this.changedAt);
	}

	static ConsultationChange of(Consultation consultation, Kind kind, @Nullable UUID actor, Instant now) {
		return new ConsultationChange(null, consultation.uuid(), kind, actor, consultation.status(),
				consultation.closeReason(), consultation.therapistId(), consultation.scheduledAt(), now);
	}

}
