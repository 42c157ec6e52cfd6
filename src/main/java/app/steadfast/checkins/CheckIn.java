package app.steadfast.checkins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A check-in as stored. Its free text is held sealed (encrypted, bound to this row and
 * owner); {@link CheckInRecording} seals it, {@link CheckInHistory} and the summaries of
 * {@link CheckInManagement} open it.
 */
class CheckIn {

	@Id
	private final UUID id;

	private final UUID ownerId;

	private Instant occurredAt;

	private Integer intensity;

	private BodyLocation bodyLocation;

	private String triggerText;

	private Response response;

	private String responseText;

	private final boolean inTheMoment;

	private final Instant createdAt;

	private Instant updatedAt;

	@MappedCollection
	private List<CheckInWord> words;

	@Version
	private Long version;

	// The id the browser gave the form it came from, so a repeated sending saves it once.
	private final UUID submissionId;

	@PersistenceCreator
	CheckIn(UUID id, UUID ownerId, Instant occurredAt, Integer intensity, BodyLocation bodyLocation, String triggerText,
			Response response, String responseText, boolean inTheMoment, Instant createdAt, Instant updatedAt,
			List<CheckInWord> words, Long version, UUID submissionId) {
		this.id = id;
		this.ownerId = ownerId;
		this.occurredAt = occurredAt;
		this.intensity = intensity;
		this.bodyLocation = bodyLocation;
		this.triggerText = triggerText;
		this.response = response;
		this.responseText = responseText;
		this.inTheMoment = inTheMoment;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.words = (words != null) ? new ArrayList<>(words) : new ArrayList<>();
		this.version = version;
		this.submissionId = submissionId;
	}

	static CheckIn start(UUID id, UUID ownerId, boolean inTheMoment, Instant now, UUID submissionId) {
		return new CheckIn(id, ownerId, now, null, BodyLocation.NONE, null, null, null, inTheMoment, now, now,
				List.of(), null, submissionId);
	}

	/** Sets what he recorded; the texts arrive already sealed. */
	void record(List<String> words, Integer intensity, BodyLocation body, String sealedTrigger, Response response,
			String sealedResponse, Instant occurredAt, Instant now) {
		this.words = new ArrayList<>(words.stream().map(CheckInWord::new).toList());
		this.intensity = intensity;
		this.bodyLocation = body;
		this.triggerText = sealedTrigger;
		this.response = response;
		this.responseText = sealedResponse;
		this.occurredAt = occurredAt;
		this.updatedAt = now;
	}

	/** A copy holding the given words: for read-only views loaded in one query. */
	CheckIn withWords(List<CheckInWord> words) {
		return new CheckIn(this.id, this.ownerId, this.occurredAt, this.intensity, this.bodyLocation, this.triggerText,
				this.response, this.responseText, this.inTheMoment, this.createdAt, this.updatedAt, words, this.version,
				this.submissionId);
	}

	UUID id() {
		return this.id;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

	Integer intensity() {
		return this.intensity;
	}

	BodyLocation bodyLocation() {
		return this.bodyLocation;
	}

	String triggerText() {
		return this.triggerText;
	}

	Response response() {
		return this.response;
	}

	String responseText() {
		return this.responseText;
	}

	boolean inTheMoment() {
		return this.inTheMoment;
	}

	List<String> words() {
		return this.words.stream().map(CheckInWord::word).toList();
	}

}
