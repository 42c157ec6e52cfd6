package app.steadfast.checkins;

import java.time.Instant;
import java.util.UUID;

import app.steadfast.sharing.Category;

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

	// The step of the partner's path this entry answers, and its prompt as she was asked.
	private final String pathStep;

	private String asked;

	@Version
	private Long version;

	@PersistenceCreator
	JournalEntry(UUID id, UUID ownerId, JournalPrompt prompt, String body, Instant writtenAt, Instant updatedAt,
			String pathStep, String asked, Long version) {
		this.id = id;
		this.ownerId = ownerId;
		this.prompt = prompt;
		this.body = body;
		this.writtenAt = writtenAt;
		this.updatedAt = updatedAt;
		this.pathStep = pathStep;
		this.asked = asked;
		this.version = version;
	}

	static JournalEntry start(UUID id, UUID ownerId, Instant now) {
		return new JournalEntry(id, ownerId, null, "", now, now, null, null, null);
	}

	static JournalEntry forStep(UUID id, UUID ownerId, String step, Instant now) {
		return new JournalEntry(id, ownerId, null, "", now, now, step, null, null);
	}

	/** Answers the step's exercise, keeping the prompt as it was asked this time. */
	void answer(String asked, String sealedBody, Instant now) {
		this.asked = asked;
		this.body = sealedBody;
		this.updatedAt = now;
	}

	/**
	 * The category the sharing module decides this entry's readers by: an answer on her
	 * path is not part of her journal as she shares it.
	 */
	Category category() {
		return (this.pathStep != null) ? Category.PATH_ANSWERS : Category.JOURNAL;
	}

	String pathStep() {
		return this.pathStep;
	}

	String asked() {
		return this.asked;
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
