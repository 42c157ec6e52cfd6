package app.steadfast.path;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.steadfast.checkins.JournalEntryView;
import app.steadfast.checkins.JournalManagement;
import app.steadfast.checkins.JournalReceipt;
import app.steadfast.library.ArticleManagement;
import app.steadfast.library.ArticleSummary;
import app.steadfast.shared.AccountId;
import app.steadfast.shared.InvalidInput;
import app.steadfast.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Her path: the steps in order, which she has done (a step is done once its exercise is
 * answered in her journal), and the admin's edits of the steps. What she has done and
 * wrote is read for her alone: no method takes another viewer.
 */
@Service
class PathManagement {

	// Addresses of the editor's own pages, never a step's.
	private static final Set<String> RESERVED = Set.of("new");

	private final PathSteps steps;

	private final JournalManagement journal;

	private final ArticleManagement library;

	private final Clock clock;

	PathManagement(PathSteps steps, JournalManagement journal, ArticleManagement library, Clock clock) {
		this.steps = steps;
		this.journal = journal;
		this.library = library;
		this.clock = clock;
	}

	/**
	 * One step as her list shows it.
	 *
	 * @param key the step's address part
	 * @param number its place, from 1
	 * @param title its title
	 * @param done whether she answered its exercise
	 */
	record StepSummary(String key, int number, String title, boolean done) {
	}

	/**
	 * Her path at a glance.
	 *
	 * @param steps every step, in order
	 * @param done how many she has done
	 * @param next the first step she has not done; null once all are done
	 */
	record Overview(List<StepSummary> steps, int done, @Nullable StepSummary next) {

		public boolean finished() {
			return this.next == null;
		}

	}

	/**
	 * One step as its page shows it.
	 *
	 * @param step the step in her list
	 * @param total how many steps there are
	 * @param prompt the exercise
	 * @param html the step's text, rendered
	 * @param article the article it points to; null if it is not published now
	 * @param answer what she wrote, if she answered
	 * @param previous the step before, if any
	 * @param next the step after, if any
	 */
	record StepPage(StepSummary step, int total, String prompt, String html, @Nullable ArticleSummary article,
			@Nullable JournalEntryView answer, @Nullable StepSummary previous, @Nullable StepSummary next) {
	}

	/**
	 * A step as the admin's list shows it.
	 *
	 * @param text the step's current text
	 * @param edited whether the admin changed it (the shipped file no longer does)
	 * @param added whether the admin added it (no shipped file has its key)
	 * @param article the article it points to; null if it is not published now
	 */
	record AdminRow(StepText text, boolean edited, boolean added, @Nullable ArticleSummary article) {
	}

	/** Her steps, which she has done, and the next. */
	@Transactional(readOnly = true)
	Overview overview(AccountId her) {
		Set<String> answered = this.journal.answeredSteps(her);
		List<StepSummary> list = new ArrayList<>();
		for (PathStep step : this.steps.findAllByRemovedAtIsNullOrderByPositionAscStepKeyAsc()) {
			StepText text = step.text();
			list.add(new StepSummary(text.key(), list.size() + 1, text.title(), answered.contains(text.key())));
		}
		StepSummary next = list.stream().filter((step) -> !step.done()).findFirst().orElse(null);
		return new Overview(List.copyOf(list), (int) list.stream().filter(StepSummary::done).count(), next);
	}

	/**
	 * One step of her path with her answer, if any.
	 * @throws NotFound if there is no such step
	 */
	@Transactional(readOnly = true)
	StepPage step(AccountId her, String key) {
		Map<String, JournalEntryView> answers = this.journal.stepAnswers(her);
		List<PathStep> all = this.steps.findAllByRemovedAtIsNullOrderByPositionAscStepKeyAsc();
		for (int i = 0; i < all.size(); i++) {
			StepText text = all.get(i).text();
			if (text.key().equals(key)) {
				return new StepPage(summary(all, i, answers.keySet()), all.size(), text.prompt(),
						this.library.preview(text.body()),
						this.library.publishedSummary(text.articleSlug()).orElse(null), answers.get(key),
						(i > 0) ? summary(all, i - 1, answers.keySet()) : null,
						(i < all.size() - 1) ? summary(all, i + 1, answers.keySet()) : null);
			}
		}
		throw new NotFound();
	}

	/**
	 * Keeps her answer to a step's exercise in her journal; a second answer changes the
	 * first.
	 * @throws NotFound if there is no such step
	 * @throws app.steadfast.checkins.InvalidCheckIn if the answer is empty or too long
	 */
	@Transactional
	JournalReceipt answer(AccountId her, String key, String body) {
		PathStep step = this.steps.findByStepKeyAndRemovedAtIsNull(key).orElseThrow(NotFound::new);
		return this.journal.answerStep(her, key, step.text().prompt(), body);
	}

	/** The place a step added now would take: after the last one. */
	@Transactional(readOnly = true)
	int nextPosition() {
		return this.steps.lastPosition() + 1;
	}

	/** Whether the admin removed the step with this key from the path. */
	@Transactional(readOnly = true)
	boolean removed(String key) {
		return this.steps.findById(key).map(PathStep::removed).orElse(false);
	}

	/** Every step, for the admin, in order. */
	@Transactional(readOnly = true)
	List<AdminRow> all() {
		Set<String> shipped = ShippedPathSteps.shipped()
			.stream()
			.map(StepText::key)
			.collect(java.util.stream.Collectors.toSet());
		return this.steps.findAllByRemovedAtIsNullOrderByPositionAscStepKeyAsc()
			.stream()
			.map((step) -> new AdminRow(step.text(), step.editedAt() != null, !shipped.contains(step.key()),
					this.library.publishedSummary(step.text().articleSlug()).orElse(null)))
			.toList();
	}

	/**
	 * A step's text for the admin's editor.
	 * @throws NotFound if there is no such step
	 */
	@Transactional(readOnly = true)
	StepText text(String key) {
		return this.steps.findByStepKeyAndRemovedAtIsNull(key).orElseThrow(NotFound::new).text();
	}

	/**
	 * The admin's edit: the new text shows at once and a later release's file no longer
	 * changes it.
	 * @throws InvalidInput if the article is not a published one
	 * @throws NotFound if there is no such step
	 */
	@Transactional
	void edit(String key, StepText text) {
		PathStep step = this.steps.findByStepKeyAndRemovedAtIsNull(key).orElseThrow(NotFound::new);
		step.edit(clean(key, text), this.clock.instant());
		this.steps.save(step);
	}

	/**
	 * The admin adds a step: partners see it at once, in its place, and no shipped file
	 * ever changes it.
	 * @throws InvalidInput if the key is taken (by a step now, or by one removed: its
	 * answers stay with their own question) or the article is not a published one
	 */
	@Transactional
	void add(StepText text) {
		String key = text.key().strip();
		if (RESERVED.contains(key)) {
			throw new InvalidInput("key", "This address is kept for the editor itself. Choose another.");
		}
		if (this.steps.existsById(key)) {
			throw new InvalidInput("key", "A step has this address already, or had it before it was removed. "
					+ "Choose another, so that answers stay with their own question.");
		}
		this.steps.save(PathStep.added(clean(key, text), this.clock.instant()));
	}

	/**
	 * The admin removes a step from the path: partners no longer see it, and it never
	 * comes back, not even from its shipped file at the next start. Nobody's answer is
	 * touched: each stays in its author's journal, with the question as she was asked it.
	 * @throws NotFound if there is no such step
	 */
	@Transactional
	void remove(String key) {
		PathStep step = this.steps.findByStepKeyAndRemovedAtIsNull(key).orElseThrow(NotFound::new);
		step.remove(this.clock.instant());
		this.steps.save(step);
	}

	private StepText clean(String key, StepText text) {
		String slug = text.articleSlug().strip();
		if (this.library.publishedSummary(slug).isEmpty()) {
			throw new InvalidInput("articleSlug",
					"No published article has this address. Publish it first, or choose another.");
		}
		return new StepText(key, text.position(), text.title().strip(), slug, text.prompt().strip(),
				text.body().replaceAll("[\\p{Cc}&&[^\\n\\t]]", ""));
	}

	/** Renders a step's Markdown as her page would. */
	String preview(String markdown) {
		return this.library.preview(markdown);
	}

	private static StepSummary summary(List<PathStep> all, int index, Set<String> answered) {
		StepText text = all.get(index).text();
		return new StepSummary(text.key(), index + 1, text.title(), answered.contains(text.key()));
	}

}
