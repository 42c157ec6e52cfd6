package app.steadfast.path;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

/**
 * One step of her path as the practice holds it: the shipped text until the admin edits
 * it, the admin's text from then on.
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

	@Version
	private @Nullable Long version;

	@PersistenceCreator
	PathStep(String stepKey, int position, String title, String articleSlug, String prompt, String body,
			@Nullable Instant editedAt, @Nullable Long version) {
		this.stepKey = stepKey;
		this.position = position;
		this.title = title;
		this.articleSlug = articleSlug;
		this.prompt = prompt;
		this.body = body;
		this.editedAt = editedAt;
		this.version = version;
	}

	static PathStep shipped(StepText text) {
		return new PathStep(text.key(), text.position(), text.title(), text.articleSlug(), text.prompt(), text.body(),
				null, null);
	}

	/**
	 * Takes the shipped text of a newer release, unless the admin edited the step: his
	 * words stand. Answers whether anything changed.
	 */
	boolean follow(StepText shipped) {
		if (this.editedAt != null || shipped.equals(text())) {
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
