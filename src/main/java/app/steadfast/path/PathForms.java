package app.steadfast.path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The forms of her path and of its editor. */
final class PathForms {

	private PathForms() {
	}

	/**
	 * Her answer to a step's exercise; its rules are the journal's.
	 *
	 * @param body what she writes
	 */
	record AnswerForm(@Nullable String body) {
	}

	/**
	 * The admin's editor of a step. The place is text so that a typo is shown back, not
	 * lost.
	 */
	record StepForm(
			@NotBlank(message = "{path.position.required}") @Pattern(regexp = "^$|^[1-9][0-9]{0,2}$",
					message = "{path.position.pattern}") String position,
			@NotBlank(message = "{path.title.required}") @Size(max = 200, message = "{text.size}") String title,
			@NotBlank(message = "{path.articleSlug.required}") @Size(max = 120,
					message = "{text.size}") String articleSlug,
			@NotBlank(message = "{path.prompt.required}") @Size(max = 1000, message = "{text.size}") String prompt,
			@NotBlank(message = "{path.body.required}") @Size(max = 20000, message = "{text.size}") String body,
			@Nullable String action) {

		static StepForm of(StepText text) {
			return new StepForm(Integer.toString(text.position()), text.title(), text.articleSlug(), text.prompt(),
					text.body(), null);
		}

		/** Whether the preview button was pressed, rather than save. */
		boolean previews() {
			return "preview".equals(this.action);
		}

		StepText text(String key) {
			return new StepText(key, Integer.parseInt(this.position.strip()), this.title, this.articleSlug, this.prompt,
					this.body);
		}

	}

	/**
	 * The admin's form for a new step: its address, then what the editor asks. The place
	 * is text so that a typo is shown back, not lost.
	 */
	record NewStepForm(
			@NotBlank(message = "{path.key.required}") @Size(max = 80, message = "{text.size}") @Pattern(
					regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{path.key.pattern}") String key,
			@NotBlank(message = "{path.position.required}") @Pattern(regexp = "^$|^[1-9][0-9]{0,2}$",
					message = "{path.position.pattern}") String position,
			@NotBlank(message = "{path.title.required}") @Size(max = 200, message = "{text.size}") String title,
			@NotBlank(message = "{path.articleSlug.required}") @Size(max = 120,
					message = "{text.size}") String articleSlug,
			@NotBlank(message = "{path.prompt.required}") @Size(max = 1000, message = "{text.size}") String prompt,
			@NotBlank(message = "{path.body.required}") @Size(max = 20000, message = "{text.size}") String body,
			@Nullable String action) {

		static NewStepForm empty(int position) {
			return new NewStepForm("", Integer.toString(position), "", "", "", "", null);
		}

		/** Whether the preview button was pressed, rather than add. */
		boolean previews() {
			return "preview".equals(this.action);
		}

		StepText text() {
			return new StepText(this.key.strip(), Integer.parseInt(this.position.strip()), this.title, this.articleSlug,
					this.prompt, this.body);
		}

	}

}
