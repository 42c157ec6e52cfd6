package app.steadfast.consultations;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.jspecify.annotations.Nullable;

/**
 * A request for a free consultation and where its triage stands. The message and the
 * internal note are held sealed; only {@link ConsultationManagement} opens them.
 */
class Consultation {

	@Id
	private final UUID id;

	private final String name;

	private final String email;

	private final String phone;

	private final ContactMethod contactBy;

	private final String times;

	private final String topics;

	private final String message;

	private String note;

	private ConsultationStatus status;

	private CloseReason closeReason;

	private UUID therapistId;

	private @Nullable Instant scheduledAt;

	private int invitationSequence;

	private UUID clientId;

	private final Instant receivedAt;

	private Instant contactedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Consultation(UUID id, String name, String email, String phone, ContactMethod contactBy, String times, String topics,
			String message, String note, ConsultationStatus status, CloseReason closeReason, UUID therapistId,
			Instant scheduledAt, int invitationSequence, UUID clientId, Instant receivedAt, Instant contactedAt,
			Long version) {
		this.id = id;
		this.name = name;
		this.email = email;
		this.phone = phone;
		this.contactBy = contactBy;
		this.times = times;
		this.topics = topics;
		this.message = message;
		this.note = note;
		this.status = status;
		this.closeReason = closeReason;
		this.therapistId = therapistId;
		this.scheduledAt = scheduledAt;
		this.invitationSequence = invitationSequence;
		this.clientId = clientId;
		this.receivedAt = receivedAt;
		this.contactedAt = contactedAt;
		this.version = version;
	}

	static Consultation receive(UUID id, ConsultationRequest request, @Nullable String sealedMessage, Instant now) {
		return new Consultation(id, request.name(), request.email(), request.phone(), request.contactBy(),
				codes(request.times()), codes(request.topics()), sealedMessage, null, ConsultationStatus.NEW, null,
				null, null, 0, null, now, null, null);
	}

	/** Someone from the practice reached him; only a new request changes. */
	boolean markContacted(Instant now) {
		if (this.status != ConsultationStatus.NEW) {
			return false;
		}
		this.status = ConsultationStatus.CONTACTED;
		this.contactedAt = now;
		return true;
	}

	void assign(UUID therapist) {
		requireOpen();
		this.therapistId = therapist;
	}

	void changeNote(@Nullable String sealedNote) {
		this.note = sealedNote;
	}

	/** Sets or moves the consultation's time; each change is a new invitation. */
	void schedule(UUID therapist, Instant startsAt, Instant now) {
		requireOpen();
		if (!startsAt.isAfter(now)) {
			throw new TriageRefused("time", "Choose a time in the future.");
		}
		if (this.contactedAt == null) {
			this.contactedAt = now;
		}
		this.status = ConsultationStatus.SCHEDULED;
		this.therapistId = therapist;
		this.scheduledAt = startsAt;
		this.invitationSequence++;
	}

	/**
	 * The booked time was cancelled: the request is open again, as one the practice has
	 * been in touch about, without a time.
	 * @return whether it was waiting for that time
	 */
	boolean timeCancelled(Instant start) {
		if (this.status != ConsultationStatus.SCHEDULED || !start.equals(this.scheduledAt)) {
			return false;
		}
		this.status = ConsultationStatus.CONTACTED;
		this.scheduledAt = null;
		// The cancelling calendar file took the next number; a new time goes on after it.
		this.invitationSequence++;
		return true;
	}

	void close(CloseReason reason) {
		requireOpen();
		this.status = ConsultationStatus.CLOSED;
		this.closeReason = reason;
	}

	/** Whether staff may invite him to create his client account now. */
	boolean canInviteClient() {
		return this.status == ConsultationStatus.CLOSED && this.closeReason == CloseReason.BECAME_CLIENT
				&& this.email != null && this.therapistId != null && this.clientId == null;
	}

	void joined(UUID client) {
		this.clientId = client;
	}

	private void requireOpen() {
		if (!this.status.isOpen()) {
			throw new TriageRefused("status", "This request is closed.");
		}
	}

	ConsultationId id() {
		return new ConsultationId(this.id);
	}

	UUID uuid() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	@Nullable String email() {
		return this.email;
	}

	@Nullable String phone() {
		return this.phone;
	}

	ContactMethod contactBy() {
		return this.contactBy;
	}

	List<PreferredTime> times() {
		return parse(this.times, PreferredTime.class);
	}

	List<Topic> topics() {
		return parse(this.topics, Topic.class);
	}

	@Nullable String sealedMessage() {
		return this.message;
	}

	@Nullable String sealedNote() {
		return this.note;
	}

	ConsultationStatus status() {
		return this.status;
	}

	@Nullable CloseReason closeReason() {
		return this.closeReason;
	}

	@Nullable UUID therapistId() {
		return this.therapistId;
	}

	@Nullable Instant scheduledAt() {
		return this.scheduledAt;
	}

	int invitationSequence() {
		return this.invitationSequence;
	}

	@Nullable UUID clientId() {
		return this.clientId;
	}

	Instant receivedAt() {
		return this.receivedAt;
	}

	@Nullable Instant contactedAt() {
		return this.contactedAt;
	}

	private static String codes(Collection<? extends Enum<?>> values) {
		// In the order the form offers them, whatever order they arrived in.
		return values.stream()
			.sorted(java.util.Comparator.comparingInt(Enum::ordinal))
			.map(Enum::name)
			.collect(Collectors.joining(","));
	}

	private static <E extends Enum<E>> List<E> parse(String codes, Class<E> type) {
		if (codes == null || codes.isBlank()) {
			return List.of();
		}
		return Arrays.stream(codes.split(",")).map((code) -> Enum.valueOf(type, code)).toList();
	}

}
