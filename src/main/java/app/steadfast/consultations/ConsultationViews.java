package app.steadfast.consultations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the triage pages show. Text a staff member may not read is absent, not hidden.
 */
final class ConsultationViews {

	private ConsultationViews() {
	}

	/** A row of the inbox. */
	record InboxRow(ConsultationId id, String name, ConsultationStatus status, Instant receivedAt, String age,
			boolean overdue, @Nullable String therapist, @Nullable Instant scheduledAt, String contactBy) {
	}

	/**
	 * One request as a staff member sees it.
	 *
	 * @param message his message, for therapists; {@code null} when he wrote none or the
	 * viewer is an admin
	 * @param note the internal note, for therapists
	 * @param readsWriting whether the viewer may read his message and the note
	 */
	record RequestView(ConsultationId id, String name, @Nullable String email, @Nullable String phone, String contactBy,
			List<String> times, List<String> topics, @Nullable String message, @Nullable String note,
			boolean readsWriting, ConsultationStatus status, @Nullable CloseReason closeReason,
			@Nullable UUID therapistId, @Nullable String therapist, @Nullable Instant scheduledAt, Instant receivedAt,
			String age, boolean overdue, boolean canInviteClient, boolean clientJoined, List<HistoryLine> history) {

		/** Whether the request still needs work. */
		public boolean open() {
			return this.status.isOpen();
		}

	}

	/** A step of a request's history. */
	record HistoryLine(String what, @Nullable String detail, String who, Instant when) {
	}

	/**
	 * What an invitation link offers.
	 *
	 * @param name the name on the request
	 * @param email the address the invitation went to
	 * @param therapist the therapist's name
	 * @param hasAccount whether an account already uses that address: then it is joined
	 * by signing in with it, not by creating another
	 */
	record InvitationView(String name, String email, String therapist, boolean hasAccount) {
	}

}
