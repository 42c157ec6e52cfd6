package app.steadfast.checkins;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * A reflection entry as stored; its text is sealed (encrypted, bound to this row and
 * owner).
 */
class JournalEntry {

	@Id
	private final UUID id;

	private final UUID ownerId;

	private JournalPrompt prompt;

	private String body;

	private final Instant writtenAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	JournalEntry(UUID id, UUID ownerId, JournalPrompt prompt, String body, Instant writtenAt, Instant updatedAt,
			Long version) {
		this.id = id;
		this.ownerId = ownerId;
		this.prompt = prompt;
		this.body = body;
		this.writtenAt = writtenAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static JournalEntry start(UUID id, UUID ownerId, Instant now) {
		return new JournalEntry(id, ownerId, null, "", now, now, null);
	}

	void write(JournalPrompt prompt, String sealedBody, Instant now) {
		this.prompt = prompt;
		this.body = sealedBody;
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	JournalPrompt prompt() {
		return this.prompt;
	}

	String body() {
		return this.body;
	}

	Instant writtenAt() {
		return this.writtenAt;
	}

}
