package app.steadfast.couple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import app.steadfast.sharing.Category;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The couple pages' forms, bound and converted by Spring. A choice or date that cannot be
 * read is a {@code typeMismatch} error beside its field, worded in
 * {@code messages.properties}, with the text typed shown back. The rules of a request, an
 * offer and a pulse are {@link RequestsAndOffers}' and {@link PulseManagement}'; the
 * forms only check the shape of what was typed.
 */
final class CoupleForms {

	// One address, optional spaces around it: the same shape the invitation mail needs.
	static final String EMAIL = "\\s*[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,60}\\s*";

	private CoupleForms() {
	}

	/**
	 * His partner's address, for the invitation.
	 *
	 * @param email the address as typed
	 */
	record InviteForm(@NotNull(message = "{couple.invite.email}") @Pattern(regexp = EMAIL,
			message = "{couple.invite.email}") @Nullable String email) {

		static InviteForm empty() {
			return new InviteForm("");
		}

	}

	/**
	 * A transparency offer.
	 *
	 * @param offer what he offers to share
	 * @param until the last day, or none for "until we review it"
	 */
	record OfferForm(@Nullable String offer, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until) {

		static OfferForm empty() {
			return new OfferForm("", null);
		}

	}

	/**
	 * Her request: something from the list, her own words, or both.
	 *
	 * @param item the choice from the list, or none
	 * @param ownWords her words, or nothing
	 */
	record RequestForm(@Nullable RequestMenu item, @Nullable String ownWords) {

		static RequestForm empty() {
			return new RequestForm(null, "");
		}

	}

	/**
	 * Sharing one kind of record with the partner, or stopping.
	 *
	 * @param category what is shared
	 * @param share whether to share it from now on
	 */
	record ShareForm(@Nullable Category category, @Nullable Boolean share) {
	}

	/**
	 * The private intake. Questions left unanswered read as "I'd rather not say".
	 *
	 * @param brings what brings them here
	 * @param hopes what they hope for
	 * @param afraid the partner's answer to the first safety question
	 * @param harmed the partner's answer to the second safety question
	 */
	record IntakeForm(@Size(max = 2000, message = "{couple.intake.size}") @Nullable String brings,
			@Size(max = 2000, message = "{couple.intake.size}") @Nullable String hopes, @Nullable SafetyAnswer afraid,
			@Nullable SafetyAnswer harmed) {

		static IntakeForm of(IntakeAnswers answers) {
			return new IntakeForm(answers.brings(), answers.hopes(), answers.afraid(), answers.harmed());
		}

		IntakeAnswers answers() {
			return new IntakeAnswers(text(this.brings), text(this.hopes), orUnsaid(this.afraid), orUnsaid(this.harmed));
		}

		private static String text(@Nullable String value) {
			return (value != null) ? value : "";
		}

		private static SafetyAnswer orUnsaid(@Nullable SafetyAnswer answer) {
			return (answer != null) ? answer : SafetyAnswer.PREFER_NOT_TO_SAY;
		}

	}

	/**
	 * Joining from the invitation with a new account.
	 *
	 * @param token the invitation's token, from the link
	 * @param email the partner's address
	 * @param displayName what to call them
	 * @param password the password they choose; its rules are the accounts module's
	 */
	record JoinForm(@Nullable String token,
			@NotNull(message = "{couple.join.email}") @Pattern(regexp = EMAIL,
					message = "{couple.join.email}") @Nullable String email,
			@NotBlank(message = "{couple.join.displayName}") @Size(max = 80,
					message = "{couple.join.displayName}") @Nullable String displayName,
			@Nullable String password) {

		static JoinForm of(@Nullable String token) {
			return new JoinForm(token, "", "", "");
		}

	}

	/**
	 * This week's pulse: each statement scored 1 to 7, a note, whether to share it, and
	 * the reminder day. Each score's field is its {@link PulseItem#field()}.
	 *
	 * @param countOn could count on him
	 * @param honest he was honest
	 * @param safe felt emotionally safe
	 * @param listened he listened without getting defensive
	 * @param hopeful hopeful about them
	 * @param note anything to add
	 * @param shared whether the week is shared with the partner
	 * @param day the day of the reminder mail, or none to keep it
	 */
	record PulseForm(@Nullable Integer countOn, @Nullable Integer honest, @Nullable Integer safe,
			@Nullable Integer listened, @Nullable Integer hopeful, @Nullable String note, @Nullable Boolean shared,
			@Nullable DayOfWeek day) {

		static PulseForm of(@Nullable PulseWeek week, DayOfWeek day) {
			if (week == null) {
				return new PulseForm(null, null, null, null, null, "", false, day);
			}
			List<Integer> s = week.scores();
			return new PulseForm(s.get(0), s.get(1), s.get(2), s.get(3), s.get(4),
					(week.note() != null) ? week.note() : "", week.shared(), day);
		}

		/** Whether the week is to be shared; unticked, it is not. */
		public boolean shares() {
			return Boolean.TRUE.equals(this.shared);
		}

		/** The scores in {@link PulseItem} order, {@code null} where none was given. */
		public List<@Nullable Integer> scores() {
			return Arrays.asList(this.countOn, this.honest, this.safe, this.listened, this.hopeful);
		}

	}

}
