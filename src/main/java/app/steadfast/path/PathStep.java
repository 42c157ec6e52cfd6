package app.steadfast.path;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * One step of her path as the practice holds it: the shipped text until the admin edits
 * it, the admin's text from then on. A step the admin added has his text from the start;
 * one he removed stays, marked removed, so that its key is never used again and no
 * shipped file brings it back.
 */
class PathStep {

	@Id
	private final String stepKey;

	private int position;

	private String title;

	private String articleSlug;

	private String prompt;

	private String body;

	private @Nullable Instant editedAt;

	private @Nullable Instant removedAt;

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	PathStep(String stepKey, int position, String title, String articleSlug, String prompt, String body,
			@Nullable Instant editedAt, @Nullable Instant removedAt, @Nullable Long version) {
		this.stepKey = stepKey;
		this.position = position;
		this.title = title;
		this.articleSlug = articleSlug;
		this.prompt = prompt;
		this.body = body;
		this.editedAt = editedAt;
		this.removedAt = removedAt;
		this.version = version;
	}

	static PathStep shipped(StepText text) {
		return new PathStep(text.key(), text.position(), text.title(), text.articleSlug(), text.prompt(), text.body(),
				null, null, null);
	}

	/** A step the admin adds: his words from the start, never a shipped file's. */
	static PathStep added(StepText text, Instant now) {
		return new PathStep(text.key(), text.position(), text.title(), text.articleSlug(), text.prompt(), text.body(),
				now, null, null);
	}

	/**
	 * Takes the shipped text of a newer release, unless the admin edited the step: his
	 * words stand, and unless he removed it: it stays removed. Answers whether anything
	 * changed.
	 */
	boolean follow(StepText shipped) {
		if (this.editedAt != null || this.removedAt != null || shipped.equals(text())) {
			return false;
		}
		replace(shipped);
		return true;
	}

	/** The admin's edit: from now on the shipped file no longer changes this step. */
	void edit(StepText text, Instant now) {
		replace(text);
		this.editedAt = now;
	}

	/** The admin removes the step from the path, for good. */
	void remove(Instant now) {
		this.removedAt = now;
	}

	boolean removed() {
		return this.removedAt != null;
	}

	private void replace(StepText text) {
		this.position = text.position();
		this.title = text.title();
		this.articleSlug = text.articleSlug();
		this.prompt = text.prompt();
		this.body = text.body();
	}

	StepText text() {
		return new StepText(this.stepKey, this.position, this.title, this.articleSlug, this.prompt, this.body);
	}

	String key() {
		return this.stepKey;
	}

	@Nullable Instant editedAt() {
		return this.editedAt;
	}

}
