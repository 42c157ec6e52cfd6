package app.steadfast.repair;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The repair pages' forms, bound and converted by Spring. A choice or date that cannot be
 * read is a {@code typeMismatch} error beside its field, worded in
 * {@code messages.properties}, with the text typed shown back. The rules of questions,
 * answers and statements, and their words, are {@link QuestionManagement}'s,
 * {@link Answers}' and {@link StatementManagement}'s.
 */
final class RepairForms {

	private RepairForms() {
	}

	/**
	 * Her questions, each with how much it matters; rows left empty are left out.
	 *
	 * @param question the questions' words, one per row
	 * @param importance how much each matters, one per row, none where she did not say
	 */
	record AskForm(@Nullable List<String> question, @Nullable List<@Nullable Importance> importance) {

		static AskForm empty() {
			return new AskForm(List.of(), List.of());
		}

		/** The question of each row, with its importance. */
		List<QuestionManagement.NewQuestion> asked() {
			List<QuestionManagement.NewQuestion> asked = new ArrayList<>();
			List<String> words = (this.question != null) ? this.question : List.of();
			for (int i = 0; i < words.size(); i++) {
				asked.add(new QuestionManagement.NewQuestion(words.get(i), importance(i)));
			}
			return asked;
		}

		/** What she typed in row {@code i}, or nothing. */
		public String words(int i) {
			return (this.question != null && i < this.question.size()) ? this.question.get(i) : "";
		}

		/** The importance she chose in row {@code i}, or none. */
		public @Nullable Importance importance(int i) {
			return (this.importance != null && i < this.importance.size()) ? this.importance.get(i) : null;
		}

	}

	/**
	 * Words: his answer or correction, or her response to a statement.
	 *
	 * @param words the words as typed
	 */
	record WordsForm(@Nullable String words) {

		static WordsForm empty() {
			return new WordsForm("");
		}

	}

	/**
	 * Her follow-up when an answer is not enough yet.
	 *
	 * @param followUp what else she needs to know
	 */
	record FollowUpForm(@Nullable String followUp) {

		static FollowUpForm empty() {
			return new FollowUpForm("");
		}

	}

	/**
	 * The day by which he will answer.
	 *
	 * @param until the day
	 */
	record TimeForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until) {

		static TimeForm empty() {
			return new TimeForm(null);
		}

	}

	/**
	 * The statement editor: each part's words (the fields are
	 * {@link StatementPart#field()}), the button pressed, and, for a check as he types,
	 * the part he is typing in.
	 *
	 * @param whathappened what happened
	 * @param responsibility it was his choice
	 * @param impact the impact on her
	 * @param regret regret
	 * @param differently what he will do differently
	 * @param repair an offer of repair
	 * @param forgiveness asking for forgiveness
	 * @param action "save" to save a version; anything else checks the words
	 * @param only the part whose findings an htmx check returns, or none for all
	 */
	record StatementForm(@Nullable String whathappened, @Nullable String responsibility, @Nullable String impact,
			@Nullable String regret, @Nullable String differently, @Nullable String repair,
			@Nullable String forgiveness, @Nullable String action, @Nullable String only) {

		/** Each part's words, empty where none. */
		Map<StatementPart, String> words() {
			Map<StatementPart, String> words = new EnumMap<>(StatementPart.class);
			for (StatementPart part : StatementPart.values()) {
				String text = switch (part) {
					case WHAT_HAPPENED -> this.whathappened;
					case RESPONSIBILITY -> this.responsibility;
					case IMPACT -> this.impact;
					case REGRET -> this.regret;
					case DIFFERENTLY -> this.differently;
					case REPAIR -> this.repair;
					case FORGIVENESS -> this.forgiveness;
				};
				words.put(part, (text != null) ? text : "");
			}
			return words;
		}

		boolean saves() {
			return "save".equals(this.action);
		}

	}

	/**
	 * Sharing a version.
	 *
	 * @param with whom with
	 */
	record ShareForm(@Nullable Audience with) {
	}

}
