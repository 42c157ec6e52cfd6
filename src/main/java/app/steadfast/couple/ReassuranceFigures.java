package app.steadfast.couple;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The quiet signals between a linked couple, counted for both progress pages: how often
 * she reached out, and how often the reassurance they agreed helped, as each of them
 * says.
 *
 * @param forPartner whether these are shown to her (otherwise to him)
 * @param signals how many signals she sent him
 * @param partners her answers
 * @param clients his answers, or {@code null} where his side is not shown to her
 */
public record ReassuranceFigures(boolean forPartner, int signals, Answers partners, @Nullable Answers clients) {

	static ReassuranceFigures of(boolean forPartner, List<QuietSignal> signals, boolean hisShown) {
		return new ReassuranceFigures(forPartner, signals.size(),
				Answers.of(signals.stream().map(QuietSignal::partnersAnswer).toList()),
				hisShown ? Answers.of(signals.stream().map(QuietSignal::clientsAnswer).toList()) : null);
	}

	/** The figures in one or two plain sentences. */
	public String reading() {
		if (this.signals == 0) {
			return this.forPartner ? "You haven't sent a quiet signal yet. It's there whenever you need it."
					: "Your partner hasn't sent a quiet signal yet.";
		}
		String sent = this.forPartner ? "You sent " + times(this.signals, "quiet signal") + "."
				: "Your partner sent you " + times(this.signals, "quiet signal") + ".";
		Integer share = this.partners.helpedPercent();
		if (share == null) {
			return sent + (this.forPartner ? " You haven't said yet whether what you agreed helped."
					: " Your partner hasn't said yet whether it helped.");
		}
		String who = this.forPartner ? "You" : "Your partner";
		String answered = this.forPartner ? "you answered" : "they answered";
		return sent + " " + who + " said it helped, at least a little, " + times(this.partners.helped(), "time")
				+ " of the " + this.partners.answered() + " " + answered + " (" + share + "%).";
	}

	private static String times(int n, String noun) {
		return n + " " + noun + ((n == 1) ? "" : "s");
	}

	/**
	 * One person's answers to "did it help?" over every signal.
	 *
	 * @param yes how many times it helped
	 * @param aLittle how many times it helped a little
	 * @param no how many times it did not help
	 * @param unanswered signals not answered yet
	 */
	public record Answers(int yes, int aLittle, int no, int unanswered) {

		static Answers of(List<@Nullable Helped> answers) {
			return new Answers(count(answers, Helped.YES), count(answers, Helped.A_LITTLE), count(answers, Helped.NO),
					(int) answers.stream().filter((a) -> a == null).count());
		}

		private static int count(List<@Nullable Helped> answers, Helped which) {
			return (int) answers.stream().filter((a) -> a == which).count();
		}

		/** Signals answered. */
		public int answered() {
			return this.yes + this.aLittle + this.no;
		}

		/** Signals where it helped, at least a little. */
		public int helped() {
			return this.yes + this.aLittle;
		}

		/**
		 * The share of answered signals where it helped at least a little, in whole
		 * percent; {@code null} before any answer.
		 */
		public @Nullable Integer helpedPercent() {
			return (answered() == 0) ? null : (int) Math.round(100.0 * helped() / answered());
		}

	}

}
